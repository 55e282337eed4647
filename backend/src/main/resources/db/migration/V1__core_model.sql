-- Klaspoort core model. The school is the tenant: every table holding school data carries school_id.
-- Ids come from sequences (allocation size 50) so that Hibernate can batch inserts.

create sequence school_seq start 1 increment 50;
create table school (
    id              bigint primary key,
    brin            varchar(4)   not null,
    branch_code     varchar(2)   not null default '00',
    name            varchar(200) not null,
    student_login_school_ip_only boolean not null default false,
    created_at      timestamptz  not null default now(),
    constraint school_brin_branch_uq unique (brin, branch_code),
    constraint school_brin_ck check (brin ~ '^[0-9]{2}[A-Z0-9]{2}$'),
    constraint school_branch_ck check (branch_code ~ '^[0-9]{2}$')
);

-- One table for every person: professionals (cross-school, log in with e-mail) and students (one school,
-- log in with a username). One id space, so a GraphQL User id is unique across both kinds.
create sequence app_user_seq start 1 increment 50;
create table app_user (
    id              bigint primary key,
    kind            varchar(12)  not null check (kind in ('PROFESSIONAL', 'STUDENT')),
    first_name      varchar(100) not null,
    name_prefix     varchar(30),
    last_name       varchar(100) not null,
    email           varchar(254),
    username        varchar(100),
    password_hash   varchar(200),
    function_title  varchar(100),
    school_id       bigint references school (id),
    grade_year      smallint check (grade_year between 1 and 8),
    group_name      varchar(60),
    eck_id          varchar(200),
    basispoort_id   bigint,
    las_key         varchar(100),
    created_at      timestamptz  not null default now(),
    version         bigint       not null default 0,
    constraint app_user_professional_ck check (kind <> 'PROFESSIONAL' or (email is not null and school_id is null)),
    constraint app_user_student_ck check (kind <> 'STUDENT' or (username is not null and school_id is not null and grade_year is not null))
);
create unique index app_user_email_uq on app_user (lower(email)) where email is not null;
create unique index app_user_username_uq on app_user (lower(username)) where username is not null;
create index app_user_school_idx on app_user (school_id) where school_id is not null;
create index app_user_name_trgm_idx on app_user (lower(last_name), lower(first_name));

-- Membership of a person in a school, with the archive state there (archive is a state, not a deletion).
create table school_member (
    school_id       bigint      not null references school (id),
    user_id         bigint      not null references app_user (id),
    archived_at     timestamptz,
    primary key (school_id, user_id)
);
create index school_member_user_idx on school_member (user_id);

-- ADMIN / SUPERVISOR per school. STUDENT follows from app_user.kind.
create table role_grant (
    school_id       bigint      not null references school (id),
    user_id         bigint      not null references app_user (id),
    role            varchar(12) not null check (role in ('ADMIN', 'SUPERVISOR')),
    granted_at      timestamptz not null default now(),
    primary key (school_id, user_id, role)
);
create index role_grant_user_idx on role_grant (user_id);

create sequence product_seq start 1 increment 50;
create table product (
    id              bigint primary key,
    code            varchar(40)  not null unique,
    name            varchar(120) not null,
    description     text,
    launch_url      varchar(500),
    documentation_url varchar(500),
    icon            varchar(60)
);

-- Curriculum: ordered lessons; some end with a test.
create sequence lesson_seq start 1 increment 50;
create table lesson (
    id              bigint primary key,
    product_id      bigint       not null references product (id),
    position        int          not null check (position > 0),
    title           varchar(200) not null,
    ends_with_test  boolean      not null default false,
    constraint lesson_position_uq unique (product_id, position)
);

-- A supervisor works with a product at a school. Kept with ended_at so a dearchive can restore it.
create table product_assignment (
    school_id       bigint      not null references school (id),
    supervisor_id   bigint      not null references app_user (id),
    product_id      bigint      not null references product (id),
    created_at      timestamptz not null default now(),
    primary key (school_id, supervisor_id, product_id)
);
create index product_assignment_product_idx on product_assignment (school_id, product_id);

-- A student may use a product, followed by one or more supervisors.
create sequence enrollment_seq start 1 increment 50;
create table enrollment (
    id              bigint primary key,
    school_id       bigint      not null references school (id),
    student_id      bigint      not null references app_user (id),
    product_id      bigint      not null references product (id),
    created_at      timestamptz not null default now(),
    constraint enrollment_student_product_uq unique (student_id, product_id)
);
create index enrollment_school_product_idx on enrollment (school_id, product_id);

create table enrollment_supervisor (
    enrollment_id   bigint not null references enrollment (id) on delete cascade,
    supervisor_id   bigint not null references app_user (id),
    school_id       bigint not null references school (id),
    primary key (enrollment_id, supervisor_id)
);
create index enrollment_supervisor_supervisor_idx on enrollment_supervisor (school_id, supervisor_id);

-- Contracts (abonnementen) and licences.
create sequence contract_seq start 1 increment 50;
create table contract (
    id              bigint primary key,
    school_id       bigint       not null references school (id),
    product_id      bigint       not null references product (id),
    kind            varchar(12)  not null check (kind in ('SCHOOL_WIDE', 'PER_STUDENT')),
    name            varchar(200) not null,
    seats           int          not null check (seats >= 0),
    start_date      date         not null,
    renewal_date    date         not null,
    end_date        date
);
create index contract_school_idx on contract (school_id);
create index contract_product_idx on contract (product_id);

create sequence licence_seq start 1 increment 50;
create table licence (
    id              bigint primary key,
    contract_id     bigint not null references contract (id),
    school_id       bigint not null references school (id),
    user_id         bigint not null references app_user (id),
    start_date      date   not null,
    end_date        date,
    constraint licence_contract_user_uq unique (contract_id, user_id)
);
create index licence_school_idx on licence (school_id);

-- Practice sessions reported by products. The client IP is classified SCHOOL/HOME on arrival and not stored.
create sequence practice_session_seq start 1 increment 50;
create table practice_session (
    id              bigint primary key,
    school_id       bigint       not null references school (id),
    student_id      bigint       not null references app_user (id),
    product_id      bigint       not null references product (id),
    external_id     varchar(100) not null,
    started_at      timestamptz  not null,
    ended_at        timestamptz  not null,
    location        varchar(6)   not null check (location in ('SCHOOL', 'HOME')),
    lesson_position int          not null,
    completed       boolean      not null,
    test_score      numeric(5, 2),
    constraint practice_session_external_uq unique (product_id, external_id),
    constraint practice_session_time_ck check (ended_at >= started_at)
);
create index practice_session_student_idx on practice_session (school_id, product_id, student_id, started_at);

-- Audit log of every administrative change; a bulk action shares one batch id (what "undo" restores).
create sequence audit_event_seq start 1 increment 50;
create table audit_event (
    id              bigint primary key,
    school_id       bigint       references school (id),
    actor_id        bigint       references app_user (id),
    action          varchar(60)  not null,
    target_id       bigint,
    batch_id        uuid,
    before_state    jsonb,
    after_state     jsonb,
    at              timestamptz  not null default now()
);
create index audit_event_school_idx on audit_event (school_id, at desc);
create index audit_event_batch_idx on audit_event (batch_id);
