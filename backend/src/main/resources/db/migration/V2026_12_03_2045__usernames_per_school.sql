-- Pupils' usernames are unique per school, not across the publisher (issue 10 item 9): an admin typing a username no
-- longer learns that a pupil of another school has it. A pupil signs in with the username alone; when it matches pupils
-- at several schools, the password picks the account (and only when it matches at more than one does the pupil choose
-- the school). Professionals sign in with their e-mail address and never carry a username; the check makes that so.
alter table app_user add constraint app_user_username_of_students_ck check (kind = 'STUDENT' or username is null);
drop index app_user_username_uq;
create unique index app_user_school_username_uq on app_user (school_id, lower(username)) where username is not null;
-- sign-in: every pupil with this username, whatever their school
create index app_user_username_idx on app_user (lower(username)) where username is not null;
-- the generated usernames look only at the own school's namesakes: a base's numbered variants are one index range of
-- the school (in byte order, whatever the database's collation)
drop index app_user_username_bytes_idx;
create index app_user_school_username_bytes_idx on app_user (school_id, (lower(username) collate "C"));
