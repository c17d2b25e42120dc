-- Set with a temporary password (an administrator created or reset the account); while set,
-- every admin page but the change-password form and sign-out sends the user to that form.
ALTER TABLE users ADD COLUMN must_change_password BOOLEAN NOT NULL DEFAULT FALSE;
