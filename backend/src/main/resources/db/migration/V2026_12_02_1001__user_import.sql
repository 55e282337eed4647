-- Spreadsheet imports of users (B5, B7, X3; module userimport): the rows of an uploaded workbook between the upload and
-- the admin's confirmation, as typed and as edited in the review step, with the generated login of each new student.
-- Nothing here is a user yet: confirming creates the users (through people, membership and access) and marks the
-- import confirmed; an import is deleted when it is discarded and at the latest when it expires.
create table user_import (
    id              uuid         primary key,
    school_id       bigint       not null references school (id),
    kind            varchar(20)  not null check (kind in ('PROFESSIONALS', 'STUDENTS')),
    created_by      bigint       not null references app_user (id),
    created_at      timestamptz  not null,
    expires_at      timestamptz  not null,
    confirmed_at    timestamptz,
    batch_id        uuid
);
create index user_import_school_idx on user_import (school_id);
create index user_import_expires_idx on user_import (expires_at);

-- One row of the sheet: its row number as Excel shows it and its cells by column (FIRST_NAME, …, USERNAME, PASSWORD).
-- A student's password is kept as text until the import is confirmed (the admin reviews and hands it out) and its
-- hash is made in the background after the upload, so that confirming does no hashing; confirming removes the text.
create table user_import_row (
    import_id       uuid         not null references user_import (id) on delete cascade,
    school_id       bigint       not null references school (id),
    row_number      integer      not null check (row_number > 0),
    cells           jsonb        not null,
    password_hash   varchar(200),
    user_id         bigint       references app_user (id),
    primary key (import_id, row_number)
);
