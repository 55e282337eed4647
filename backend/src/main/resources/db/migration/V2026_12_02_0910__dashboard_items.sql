-- The publisher's content of the school dashboard (D1, module dashboard): instruction videos ("Aan de slag"),
-- recommended programmes and announcements ("Mededelingen"), the same for every school, managed by PUBLISHER staff.
create sequence dashboard_item_seq start 1 increment 50;
create table dashboard_item (
    id              bigint primary key,
    kind            varchar(16)   not null check (kind in ('VIDEO', 'RECOMMENDATION', 'ANNOUNCEMENT')),
    title           varchar(200)  not null,
    body            varchar(2000),
    url             varchar(500),
    position        int           not null default 0,
    published_at    timestamptz   not null,
    updated_at      timestamptz   not null
);
create index dashboard_item_kind_idx on dashboard_item (kind, position, published_at desc, id);
