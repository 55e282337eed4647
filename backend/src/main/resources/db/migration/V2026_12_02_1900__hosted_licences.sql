-- Hosted licences (issue 12): a pupil enrolled in a product of a running contract, linked to Basispoort, gets that
-- product's tile in their Basispoort portal; unenrolled, archived, unlinked or at the contract's end they lose it.
-- hosted_licence is what Klaspoort has told Basispoort (or is telling it: the pushes below), hosted_licence_push the
-- outbox of grants and revokes, batched per school, operation and product. Both are written in one transaction when
-- a school is compared, so what is owed to Basispoort is never lost; a push counts an attempt before it is sent, and a
-- push retried after an attempt whose outcome is unknown (a process killed mid-push, a timeout) first reads which users
-- Basispoort already has, so nothing is sent twice (module hostedlicence).
create table hosted_licence (
    school_id       bigint       not null references school (id),
    user_id         bigint       not null references app_user (id),
    product_id      bigint       not null references product (id),
    basispoort_id   bigint       not null,
    granted_at      timestamptz  not null,
    primary key (school_id, user_id, product_id)
);

create sequence hosted_licence_push_seq start 1 increment 50;
create table hosted_licence_push (
    id              bigint       primary key,
    school_id       bigint       not null references school (id),
    operation       varchar(6)   not null check (operation in ('GRANT', 'REVOKE')),
    product_code    varchar(40)  not null,
    basispoort_ids  bigint[]     not null,
    created_at      timestamptz  not null,
    attempts        int          not null default 0,
    next_attempt_at timestamptz  not null,
    last_error      varchar(200),
    sent_at         timestamptz,
    sent_users      int
);
create index hosted_licence_push_due_idx on hosted_licence_push (school_id, id) where sent_at is null;
create index hosted_licence_push_school_idx on hosted_licence_push (school_id, sent_at);
