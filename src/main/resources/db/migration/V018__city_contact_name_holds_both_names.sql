-- The officer's name is stored as first name, a space and last name; the registration form takes up to 100
-- characters of each, 201 in all, one more than the column held (a registration with both at their limit failed).
-- Portable between H2 and MySQL, which change a column's type with different syntax: a new column replaces it.
ALTER TABLE city ADD COLUMN officer_name VARCHAR(201) DEFAULT '' NOT NULL;
UPDATE city SET officer_name = contact_name;
ALTER TABLE city DROP COLUMN contact_name;
ALTER TABLE city RENAME COLUMN officer_name TO contact_name;
ALTER TABLE city ALTER COLUMN contact_name DROP DEFAULT;
