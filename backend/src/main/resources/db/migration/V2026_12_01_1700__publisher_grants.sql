-- The publisher's own staff (owned by access): PUBLISHER is granted to a person by id, by the publisher (or once, at
-- bootstrap, from configuration), never by a school and never because of an attribute a school can edit. A revoked
-- grant stays with who revoked it when: the table is its own history.
create table publisher_grant (
    id          bigint generated always as identity primary key,
    user_id     bigint      not null references app_user (id),
    granted_by  bigint      references app_user (id),
    granted_at  timestamptz not null,
    reason      varchar(20) not null check (reason in ('GRANT', 'BOOTSTRAP', 'DEMO')),
    revoked_by  bigint      references app_user (id),
    revoked_at  timestamptz
);
create unique index publisher_grant_active_uq on publisher_grant (user_id) where revoked_at is null;
