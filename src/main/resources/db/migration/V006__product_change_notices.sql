-- Every change to what a product's public pages show is announced on the channel ocop_product_changed with the
-- product's id (or '*' when a change touches many products, such as a renamed province), delivered when the
-- transaction commits. Application instances keep pages in memory (the scan page answers from memory) and drop a
-- product's pages when its notice arrives, whichever instance or tool made the change.
-- PostgreSQL folds identical notices of one transaction into one.

create function notify_product_changed() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        perform pg_notify('ocop_product_changed', old.id::text);
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        perform pg_notify('ocop_product_changed', new.id::text);
    end if;
    return null;
end $$;

-- Rows that belong to a product: certificates, photos, batches.
create function notify_product_child_changed() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        perform pg_notify('ocop_product_changed', old.product_id::text);
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        perform pg_notify('ocop_product_changed', new.product_id::text);
    end if;
    return null;
end $$;

create function notify_trace_event_changed() returns trigger language plpgsql as $$
begin
    perform pg_notify('ocop_product_changed', b.product_id::text)
    from batch b
    where b.id in (case when tg_op = 'INSERT' then null else old.batch_id end,
                   case when tg_op = 'DELETE' then null else new.batch_id end);
    return null;
end $$;

create function notify_producer_changed() returns trigger language plpgsql as $$
begin
    perform pg_notify('ocop_product_changed', p.id::text) from product p where p.producer_id = new.id;
    return null;
end $$;

create function notify_all_products_changed() returns trigger language plpgsql as $$
begin
    perform pg_notify('ocop_product_changed', '*');
    return null;
end $$;

create trigger product_changed_notice after insert or update or delete on product
    for each row execute function notify_product_changed();
create trigger certification_changed_notice after insert or update or delete on certification
    for each row execute function notify_product_child_changed();
create trigger product_photo_changed_notice after insert or update or delete on product_photo
    for each row execute function notify_product_child_changed();
create trigger batch_changed_notice after insert or update or delete on batch
    for each row execute function notify_product_child_changed();
create trigger trace_event_changed_notice after insert or update or delete on trace_event
    for each row execute function notify_trace_event_changed();
create trigger producer_changed_notice after update on producer
    for each row execute function notify_producer_changed();
create trigger province_changed_notice after update of name, name_en, full_name, full_name_en on province
    for each statement execute function notify_all_products_changed();
create trigger commune_changed_notice after update of name, name_en, full_name, full_name_en on commune
    for each statement execute function notify_all_products_changed();
