-- Rostering from Basispoort and EDEXML (issue 11): every jaargroep kept, the school's Basispoort connection, the link of
-- local users to their identity in the school's roster, the school's groups, and the import runs with their changes.

-- Every jaargroep a school's records may hold is kept as written (EDEXML: B, D, 0, 1-8, 11-16, S, V, C, N, H; "0" is a
-- real value). Groep 1-8 stays the number in grade_year, which the user administration and the results count with; any
-- other jaargroep is grade_code, and a student has exactly one of the two (module people).
alter table app_user add column grade_code varchar(2)
    constraint app_user_grade_code_ck check (grade_code in ('B', 'D', '0', '11', '12', '13', '14', '15', '16', 'S', 'V', 'C', 'N', 'H'));
alter table app_user drop constraint app_user_student_ck;
alter table app_user add constraint app_user_student_ck check (kind <> 'STUDENT' or (username is not null and school_id is not null
    and (grade_year is null) <> (grade_code is null)));
alter table app_user add constraint app_user_grade_of_students_ck check (kind = 'STUDENT' or (grade_year is null and grade_code is null));

-- Imported students get the first free "voornaam.achternaam[n]": the usernames taken under a base are one index range
-- (in byte order, so a base's numbered variants are adjacent whatever the database's collation).
create index app_user_username_bytes_idx on app_user ((lower(username) collate "C"));

-- A person's identifiers in a school's roster live in basispoort_link (one row per school), not on the person: they were
-- never written here.
alter table app_user drop column eck_id, drop column basispoort_id, drop column las_key;

-- BP1: a school's institution in Basispoort (found by BRIN and dependance code among the schools that gave consent, or
-- by its Basispoort id), the publisher's activation, and the last connection check (module basispoort).
create table basispoort_school (
    school_id       bigint       primary key references school (id),
    basispoort_id   bigint       unique,
    activated_at    timestamptz,
    activated_by    bigint       references app_user (id),
    checked_at      timestamptz,
    check_status    varchar(20)  check (check_status in ('CONNECTED', 'NOT_ACTIVATED', 'NO_CONSENT', 'NOT_FOUND',
                                                         'UNKNOWN_ID', 'OTHER_SCHOOL', 'INACTIVE', 'UNAVAILABLE',
                                                         'TLS_FAILURE', 'NOT_CONFIGURED')),
    institution     jsonb
);

-- Ties a local user to their identity in a school's roster: Basispoort's user id (null for someone only known from an
-- EDEXML file), ECK iD, the LAS key, and the values the source last gave (so that an admin's local edit is told apart
-- from a change in the source). One row per school and user; left_at when the source no longer lists them there.
-- Pupils are found again by Basispoort id or ECK iD at any school (a pupil who returns or moves, X12) (module basispoort).
create table basispoort_link (
    school_id       bigint       not null references school (id),
    user_id         bigint       not null references app_user (id),
    kind            varchar(12)  not null check (kind in ('STUDENT', 'PROFESSIONAL')),
    basispoort_id   bigint,
    eck_id          varchar(200),
    las_key         varchar(100),
    synced          jsonb        not null default '{}'::jsonb,
    linked_at       timestamptz  not null,
    left_at         timestamptz,
    primary key (school_id, user_id)
);
create unique index basispoort_link_basispoort_uq on basispoort_link (school_id, basispoort_id) where basispoort_id is not null;
create unique index basispoort_link_eck_uq on basispoort_link (school_id, eck_id) where eck_id is not null;
create unique index basispoort_link_las_uq on basispoort_link (school_id, kind, las_key) where las_key is not null;
create index basispoort_link_basispoort_idx on basispoort_link (basispoort_id) where basispoort_id is not null;
create index basispoort_link_eck_idx on basispoort_link (eck_id) where eck_id is not null;
create index basispoort_link_user_idx on basispoort_link (user_id);

-- The school's groups (klassen and samengestelde groepen / subgroepen) as its roster has them, kept when they leave the
-- roster (archived_at), and who is in them: pupils in their groups, teachers in the groups they see (module groups).
create sequence school_group_seq start 1 increment 50;
create table school_group (
    id              bigint       primary key,
    school_id       bigint       not null references school (id),
    source_key      varchar(100) not null,
    name            varchar(100) not null,
    jaargroep       varchar(2),
    composite       boolean      not null,
    created_at      timestamptz  not null,
    archived_at     timestamptz,
    constraint school_group_key_uq unique (school_id, source_key)
);
create table school_group_member (
    group_id        bigint       not null references school_group (id),
    user_id         bigint       not null references app_user (id),
    school_id       bigint       not null references school (id),
    primary key (group_id, user_id)
);
create index school_group_member_user_idx on school_group_member (school_id, user_id);

-- One nightly (or resumed) sync over every activated school; its runs point at it. A round cut off (its process
-- killed) stays RUNNING until the next start finds no one running it, marks it INTERRUPTED and resumes it (module roster).
create table roster_round (
    id              uuid         primary key,
    trigger         varchar(12)  not null check (trigger in ('NIGHTLY', 'RESUMED', 'ON_REQUEST')),
    status          varchar(12)  not null check (status in ('RUNNING', 'FINISHED', 'INTERRUPTED')),
    started_at      timestamptz  not null,
    finished_at     timestamptz,
    schools         int          not null default 0
);

-- One import of one school's roster, from Basispoort or an EDEXML file: preview, held for review, applied or not, and
-- its report (counts, who approved). Written once the source is read and compared, and applied in one transaction with
-- its status, so a process killed halfway leaves the run as it was before (module roster).
create sequence roster_run_seq start 1 increment 50;
create table roster_run (
    id              bigint       primary key,
    school_id       bigint       not null references school (id),
    round_id        uuid         references roster_round (id),
    source          varchar(12)  not null check (source in ('BASISPOORT', 'EDEXML')),
    trigger         varchar(12)  not null check (trigger in ('NIGHTLY', 'ON_DEMAND', 'UPLOAD')),
    status          varchar(12)  not null check (status in ('PREVIEW', 'HELD', 'APPLIED', 'UNCHANGED', 'DISCARDED',
                                                            'FAILED', 'SUPERSEDED')),
    requested_by    bigint       references app_user (id),
    approved_by     bigint       references app_user (id),
    started_at      timestamptz  not null,
    previewed_at    timestamptz,
    finished_at     timestamptz,
    source_version  timestamptz,
    file_name       varchar(255),
    counts          jsonb        not null default '{}'::jsonb,
    hold_reasons    jsonb        not null default '[]'::jsonb,
    failure         varchar(20),
    errors          jsonb        not null default '[]'::jsonb
);
create index roster_run_school_idx on roster_run (school_id, id desc);
create index roster_run_open_idx on roster_run (school_id) where status in ('PREVIEW', 'HELD');

-- What a run would change (X2) and, once reviewed (X11), what the admin decided per change. record holds what the
-- source says about a person to create or move; it is cleared when the run ends (data minimisation).
create table roster_change (
    run_id          bigint       not null references roster_run (id),
    seq             int          not null,
    school_id       bigint       not null references school (id),
    subject         varchar(8)   not null check (subject in ('STUDENT', 'TEACHER', 'GROUP')),
    action          varchar(8)   not null check (action in ('CREATE', 'UPDATE', 'ARCHIVE', 'RESTORE', 'MOVE', 'JOIN', 'SKIP')),
    user_id         bigint       references app_user (id),
    group_id        bigint       references school_group (id),
    source_key      varchar(200),
    label           varchar(300) not null,
    fields          jsonb        not null default '[]'::jsonb,
    record          jsonb,
    reason          varchar(30)  not null,
    reason_params   jsonb        not null default '{}'::jsonb,
    local_edit      boolean      not null default false,
    override_local  boolean      not null default false,
    blocked         boolean      not null default false,
    decision        varchar(8)   not null default 'ACCEPTED' check (decision in ('ACCEPTED', 'REJECTED')),
    primary key (run_id, seq)
);
create index roster_change_user_idx on roster_change (school_id, user_id) where user_id is not null;
