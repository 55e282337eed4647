-- S4: questions sent with the contact form, kept with their reference number (module helpdesk).
-- The reference the sender quotes ("KP-000123"): from a sequence of its own, so it is unique and short.
create sequence support_question_number;
create table support_question (
    id          bigint generated always as identity primary key,
    reference   text        not null unique default 'KP-' || lpad(nextval('support_question_number')::text, 6, '0'),
    school_id   bigint      not null references school (id),
    sender_id   bigint      not null references app_user (id),
    product_id  bigint      references product (id),
    subject     text        not null,
    message     text        not null,
    created_at  timestamptz not null
);
create index support_question_school on support_question (school_id, created_at desc);
