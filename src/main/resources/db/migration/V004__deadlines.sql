-- Deadlines that the secretariat can extend: a review's and the signed agreement's. Mails, the
-- applicant's "what to do now and by when" and the staff view read them from here.
ALTER TABLE review ADD COLUMN due_at TIMESTAMP(6);
ALTER TABLE proposal ADD COLUMN agreement_due_at TIMESTAMP(6);
