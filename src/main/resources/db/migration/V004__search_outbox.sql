-- The search index follows PostgreSQL through a transactional outbox: every change to a product, its producer,
-- its certificates or its photos writes a row here in the same transaction (triggers, so plain JDBC and
-- repositories alike are covered). A relay in the application claims due rows (FOR UPDATE SKIP LOCKED),
-- rebuilds each product's search document from PostgreSQL and sends it to Elasticsearch.

create table search_outbox (
    id               bigint generated always as identity primary key,
    product_id       bigint       not null,
    created_at       timestamptz  not null default now(),
    -- Failed deliveries stay here and are retried with backoff; processed rows are kept a day (a full reindex
    -- replays the products changed while it ran) and then deleted.
    attempts         int          not null default 0,
    next_attempt_at  timestamptz  not null default now(),
    last_error       text,
    processed_at     timestamptz
);

create index search_outbox_due_idx on search_outbox (next_attempt_at, id) where processed_at is null;
create index search_outbox_created_idx on search_outbox (created_at);

-- The external version of a search document: taken after its outbox rows are claimed and before the product is
-- read, so a document read later always carries a higher version and an older one can never overwrite it.
create sequence search_document_version;

create function search_outbox_product() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        insert into search_outbox (product_id) values (old.id);
    else
        insert into search_outbox (product_id) values (new.id);
    end if;
    return null;
end $$;

create function search_outbox_product_child() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        insert into search_outbox (product_id) values (old.product_id);
    end if;
    if tg_op in ('INSERT', 'UPDATE') and (tg_op = 'INSERT' or new.product_id <> old.product_id) then
        insert into search_outbox (product_id) values (new.product_id);
    end if;
    return null;
end $$;

create function search_outbox_producer() returns trigger language plpgsql as $$
begin
    insert into search_outbox (product_id) select id from product where producer_id = new.id;
    return null;
end $$;

create function search_outbox_province() returns trigger language plpgsql as $$
begin
    insert into search_outbox (product_id)
    select p.id from product p join producer pr on pr.id = p.producer_id where pr.province_code = new.code;
    return null;
end $$;

create function search_outbox_commune() returns trigger language plpgsql as $$
begin
    insert into search_outbox (product_id)
    select p.id from product p join producer pr on pr.id = p.producer_id where pr.commune_code = new.code;
    return null;
end $$;

create trigger product_search_outbox after insert or update or delete on product
    for each row execute function search_outbox_product();
create trigger certification_search_outbox after insert or update or delete on certification
    for each row execute function search_outbox_product_child();
create trigger product_photo_search_outbox after insert or update or delete on product_photo
    for each row execute function search_outbox_product_child();
create trigger producer_search_outbox after update on producer
    for each row execute function search_outbox_producer();
create trigger province_search_outbox after update of name, name_en on province
    for each row when (old.name is distinct from new.name or old.name_en is distinct from new.name_en)
    execute function search_outbox_province();
create trigger commune_search_outbox after update of name, name_en on commune
    for each row when (old.name is distinct from new.name or old.name_en is distinct from new.name_en)
    execute function search_outbox_commune();

-- Vietnamese folding in SQL, the same as VietnameseText.fold for NFC text: lower case, marks stripped, đ as d.
-- Used by the catalogue when Elasticsearch is unreachable (degraded mode) on the stored folded columns below.
create function ocop_fold(text) returns text language sql immutable strict parallel safe as $$
    select regexp_replace(translate(lower($1),
        'àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ',
        'aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd'), '\s+', ' ', 'g')
$$;

alter table product add column name_folded text generated always as (ocop_fold(name)) stored;
alter table producer add column name_folded text generated always as (ocop_fold(name)) stored;
