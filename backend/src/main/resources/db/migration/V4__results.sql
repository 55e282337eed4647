-- Results (issue 5): OAuth2 clients of products, school IP ranges (B2) and the indexes the results overview needs.

-- An OAuth2 client (client_credentials) of one product. The secret is kept as a bcrypt hash only ({bcrypt}...).
-- Scopes are space separated: results.write and/or results.read.
create table product_client (
    client_id       varchar(100) primary key,
    product_id      bigint       not null references product (id),
    name            varchar(200) not null,
    secret_hash     varchar(200) not null,
    scopes          varchar(200) not null,
    created_at      timestamptz  not null default now(),
    created_by      varchar(254),
    constraint product_client_id_ck check (client_id ~ '^[A-Za-z0-9._-]{3,100}$')
);
create index product_client_product_idx on product_client (product_id);

-- A school's IP address or range (B2): a single address, CIDR block or from-to range, kept as its first and last
-- host address (inet, same family) so that "is this IP in a range" is a comparison on an index. A removed range
-- keeps its row (removed_at) because its activity periods still classify sessions reported later.
create sequence school_ip_range_seq start 1 increment 50;
create table school_ip_range (
    id              bigint primary key,
    school_id       bigint       not null references school (id),
    connection_type varchar(20)  not null check (connection_type in ('FIBER', 'CABLE', 'DSL', 'MOBILE', 'OTHER')),
    notation        varchar(100) not null,
    first_address   inet         not null,
    last_address    inet         not null,
    active          boolean      not null default false,
    created_at      timestamptz  not null default now(),
    removed_at      timestamptz,
    constraint school_ip_range_family_ck check (family(first_address) = family(last_address)),
    constraint school_ip_range_order_ck check (first_address <= last_address),
    constraint school_ip_range_host_ck check (masklen(first_address) in (32, 128) and masklen(last_address) in (32, 128))
);
create index school_ip_range_school_idx on school_ip_range (school_id) where removed_at is null;

-- When a range was active: a practice session counts as SCHOOL when its IP fell in a range that was active when the
-- session started. Copies the bounds so that classification is one indexed lookup.
create table school_ip_range_activity (
    range_id        bigint       not null references school_ip_range (id),
    school_id       bigint       not null references school (id),
    first_address   inet         not null,
    last_address    inet         not null,
    active_from     timestamptz  not null,
    active_until    timestamptz,
    primary key (range_id, active_from)
);
create index school_ip_range_activity_lookup_idx on school_ip_range_activity (school_id, first_address, last_address);

-- Supervisor overview: the students one supervisor follows for a product at a school, and each one's highest
-- completed lesson as one index lookup (the week's time and the latest session use practice_session_student_idx).
create index practice_session_completed_idx on practice_session (school_id, product_id, student_id, lesson_position) where completed;
create index enrollment_supervisor_enrollment_idx on enrollment_supervisor (supervisor_id, school_id, enrollment_id);

-- Query API of products (RS6): a product's sessions in time order.
create index practice_session_product_time_idx on practice_session (product_id, started_at, id);
