-- Each product's current certificate (its latest decision, as the view current_certification reads it) kept as a
-- row of its own, so that the products desk filters and sorts 20,000 products by stars and certificate state with
-- one join instead of finding every product's latest decision on each request. Triggers on certification keep it
-- exact, whoever writes certificates (the certification desk, the demo loader, a migration, psql).

create table product_current_certificate (
    product_id        bigint    primary key references product (id) on delete cascade,
    certification_id  bigint    not null,
    stars             smallint  not null,
    status            text      not null,
    valid_until       date      not null
);

create index product_current_certificate_stars_idx on product_current_certificate (stars);
create index product_current_certificate_state_idx on product_current_certificate (status, valid_until);

create function refresh_product_current_certificate(product bigint) returns void language plpgsql as $$
begin
    -- One product's row at a time: a second transaction waits here for the first to commit, then reads its
    -- certificates too (each statement of a function reads what was committed when it started).
    perform pg_advisory_xact_lock(hashtext('product_current_certificate'), mod(product, 2147483647)::int);
    delete from product_current_certificate where product_id = product;
    insert into product_current_certificate (product_id, certification_id, stars, status, valid_until)
    select c.product_id, c.id, c.stars, c.status, c.valid_until
    from certification c
    where c.product_id = product
    order by c.decision_date desc, c.id desc
    limit 1;
end $$;

create function certification_current_changed() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        perform refresh_product_current_certificate(old.product_id);
    end if;
    if tg_op = 'INSERT' or (tg_op = 'UPDATE' and new.product_id <> old.product_id) then
        perform refresh_product_current_certificate(new.product_id);
    end if;
    return null;
end $$;

create trigger certification_current_certificate after insert or update or delete on certification
    for each row execute function certification_current_changed();

insert into product_current_certificate (product_id, certification_id, stars, status, valid_until)
select product_id, id, stars, status, valid_until from current_certification;
