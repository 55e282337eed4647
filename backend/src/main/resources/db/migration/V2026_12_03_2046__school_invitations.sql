-- Issue 10, item 9: a school adds a professional whose e-mail address already belongs to a person (who works at
-- another school). Instead of EMAIL_TAKEN, which told a school that the address is in use somewhere, the school's side
-- is kept here until the person accepts (then it becomes a school_member with these roles and products) or declines
-- (the row goes); archived: added by a spreadsheet import as a supervisor, who waits in the archive like a new one
-- (manual 4.4.1.2). Only pending invitations are kept; the audit log records what happened to them.
--
-- id comes from app_user_seq, so the pending row's id in the school's user overview looks like a new person's id and
-- does not reveal an older account. What the admin typed (names, function) is what the school sees while pending.
create table school_invitation (
    id              bigint       primary key,
    school_id       bigint       not null references school (id),
    user_id         bigint       not null references app_user (id),
    first_name      varchar(100) not null,
    name_prefix     varchar(30),
    last_name       varchar(100) not null,
    email           varchar(254) not null,
    function_title  varchar(100),
    roles           text[]       not null,
    product_ids     bigint[]     not null,
    archived        boolean      not null default false,
    token_hash      varchar(64)  not null unique,
    created_by      bigint,
    created_at      timestamptz  not null,
    expires_at      timestamptz  not null,
    search_last     text generated always as (search_norm(last_name)) stored,
    search_first    text generated always as (search_norm(first_name)) stored,
    search_text     text generated always as (search_norm(
        first_name || ' ' || coalesce(name_prefix || ' ', '') || last_name || ' ' || email)) stored,
    unique (school_id, user_id)
);
create index school_invitation_user_idx on school_invitation (user_id);

-- A confirmed import row names the user it created or, for an invited person, the invitation that stands for them at
-- the school (the same id the overview shows): no foreign key to app_user any more.
alter table user_import_row drop constraint user_import_row_user_id_fkey;
