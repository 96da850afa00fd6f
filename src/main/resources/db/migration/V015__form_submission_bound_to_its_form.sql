-- A form's submission id belongs to the form it came with (issue 12): the address it was sent to is kept, so that the id
-- of one form sent to another (an edit form's id to /proposals/new) is refused instead of being answered as a repeat
-- of the first. Rows from before have no address and are taken as repeats wherever they are sent, as they were.
ALTER TABLE form_submission ADD COLUMN form_action VARCHAR(300);
