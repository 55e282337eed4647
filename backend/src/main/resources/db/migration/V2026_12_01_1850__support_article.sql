-- S1, S2, S7, RS5: support content the publisher manages (module helpdesk). One table for every kind: a product's
-- status updates (their history) and release notes, the FAQ, a product's documents (videos, manuals) and its
-- Informatieplein items.
create table support_article (
    id           bigint generated always as identity primary key,
    kind         text        not null check (kind in ('STATUS', 'RELEASE_NOTE', 'FAQ', 'DOCUMENT', 'INFO')),
    product_id   bigint      references product (id),
    status       text        check (status in ('OK', 'DISRUPTED', 'MAINTENANCE')),
    title        text        not null,
    body         text        not null default '',
    url          text,
    published_at timestamptz not null,
    author_id    bigint      not null references app_user (id),
    check ((kind = 'STATUS') = (status is not null)),
    check (kind = 'FAQ' or product_id is not null)
);
create index support_article_kind on support_article (kind, product_id, published_at desc);
