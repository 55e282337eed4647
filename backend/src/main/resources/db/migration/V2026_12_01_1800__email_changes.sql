-- A professional's own change of login e-mail (owned by people): pending until the new address is confirmed with the
-- token mailed to it. Only the token's SHA-256 is kept; it is single-use (confirmed_at) and expires (expires_at). A new
-- request replaces the pending one (superseded_at).
create table email_change (
    id            bigint generated always as identity primary key,
    user_id       bigint       not null references app_user (id),
    new_email     varchar(254) not null,
    token_hash    char(64)     not null unique,
    requested_at  timestamptz  not null,
    expires_at    timestamptz  not null,
    confirmed_at  timestamptz,
    superseded_at timestamptz
);
create index email_change_pending_ix on email_change (user_id) where confirmed_at is null and superseded_at is null;
