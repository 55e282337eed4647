-- Single-use links mailed to a person (module account): set a first password (activation, 7 days), reset a forgotten
-- one (1 hour), confirm a new e-mail address. Only the SHA-256 of the link's secret is stored.
create table account_link (
    id          bigint generated always as identity primary key,
    user_id     bigint       not null references app_user (id) on delete cascade,
    purpose     varchar(20)  not null check (purpose in ('ACTIVATION', 'PASSWORD_RESET', 'EMAIL_CHANGE')),
    token_hash  char(64)     not null,
    new_email   varchar(254),
    created_at  timestamptz  not null,
    expires_at  timestamptz  not null,
    used_at     timestamptz
);
create unique index account_link_token_uq on account_link (token_hash);
create index account_link_user_idx on account_link (user_id, purpose) where used_at is null;
