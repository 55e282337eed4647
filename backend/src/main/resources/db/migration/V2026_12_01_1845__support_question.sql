-- S4: questions sent with the contact form, kept with their reference number (module helpdesk).
create table support_question (
    id          bigint generated always as identity primary key,
    reference   text        not null unique,
    school_id   bigint      not null references school (id),
    sender_id   bigint      not null references app_user (id),
    product_id  bigint      references product (id),
    subject     text        not null,
    message     text        not null,
    created_at  timestamptz not null
);
create index support_question_school on support_question (school_id, created_at desc);
