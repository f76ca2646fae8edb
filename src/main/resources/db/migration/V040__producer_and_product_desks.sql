-- The producers and products desks (issue 12, point 1).

-- Optimistic locking: each edit form carries the version it was read at; an update of another version changes
-- nothing and the person sees what the other one saved.
alter table producer add column version integer not null default 0;
alter table product add column version integer not null default 0;

-- The desks' lists search names ignoring diacritics, anywhere in the name: trigram indexes on the folded names
-- (pg_trgm ships with PostgreSQL; it is a trusted extension, so a database owner may create it).
create extension if not exists pg_trgm;

alter table product add column name_en_folded text generated always as (ocop_fold(coalesce(name_en, ''))) stored;
create index product_name_folded_trgm on product using gin (name_folded gin_trgm_ops);
create index product_name_en_folded_trgm on product using gin (name_en_folded gin_trgm_ops);
create index product_desk_order_idx on product (name_folded, id);
create index product_desk_updated_idx on product (updated_at desc, id desc);
create index producer_name_folded_trgm on producer using gin (name_folded gin_trgm_ops);
create index producer_desk_order_idx on producer (name_folded, id);
create index producer_province_name_idx on producer (province_code, name_folded, id);

-- Links to where a product is sold online or can be visited: shown on its public page.
create table product_link (
    id          bigint generated always as identity primary key,
    product_id  bigint       not null references product (id) on delete cascade,
    kind        text         not null check (kind in ('SHOP', 'TOURISM')),
    url         text         not null check (url ~* '^https?://[^\s/?#]+' and length(url) <= 2000),
    label       text         not null default '' check (length(label) <= 200),
    created_at  timestamptz  not null default now()
);

create index product_link_product_idx on product_link (product_id, id);

create trigger product_link_changed_notice after insert or update or delete on product_link
    for each row execute function notify_product_child_changed();

-- A renamed subgroup changes what its products' pages and search documents say.
create function search_outbox_subgroup() returns trigger language plpgsql as $$
begin
    insert into search_outbox (product_id) select id from product where subgroup_id = new.id;
    perform pg_notify('ocop_product_changed', p.id::text) from product p where p.subgroup_id = new.id;
    return null;
end $$;

create trigger product_subgroup_changed after update of name, name_en on product_subgroup
    for each row when (old.name is distinct from new.name or old.name_en is distinct from new.name_en)
    execute function search_outbox_subgroup();
