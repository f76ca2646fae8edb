-- Each product's current certificate (its latest decision, as the view current_certification reads it) kept as a
-- row of its own, so that the products desk filters and sorts 20,000 products by stars and certificate state with
-- one join instead of finding every product's latest decision on each request. Statement triggers on certification
-- keep it exact, whoever writes certificates (the certification desk, the demo loader, a migration, psql), and
-- recompute each statement's products at once (a bulk insert of 20,000 certificates is one statement).

create table product_current_certificate (
    product_id        bigint    primary key references product (id) on delete cascade,
    certification_id  bigint    not null,
    stars             smallint  not null,
    status            text      not null,
    valid_until       date      not null
);

create index product_current_certificate_stars_idx on product_current_certificate (stars);
create index product_current_certificate_state_idx on product_current_certificate (status, valid_until);

create function refresh_product_current_certificates(products bigint[]) returns void language plpgsql as $$
begin
    -- Two transactions changing one product's certificates take turns here (row locks, in id order, that neither
    -- the foreign keys' checks nor readers wait for); the second then reads the first's committed certificates, as
    -- each statement of a function reads what was committed when it started.
    perform 1 from product where id = any (products) order by id for no key update;
    delete from product_current_certificate where product_id = any (products);
    insert into product_current_certificate (product_id, certification_id, stars, status, valid_until)
    select distinct on (c.product_id) c.product_id, c.id, c.stars, c.status, c.valid_until
    from certification c
    where c.product_id = any (products)
    order by c.product_id, c.decision_date desc, c.id desc;
end $$;

create function certification_inserted_current() returns trigger language plpgsql as $$
begin
    perform refresh_product_current_certificates(array(select distinct product_id from new_rows));
    return null;
end $$;

create function certification_updated_current() returns trigger language plpgsql as $$
begin
    perform refresh_product_current_certificates(
        array(select product_id from old_rows union select product_id from new_rows));
    return null;
end $$;

create function certification_deleted_current() returns trigger language plpgsql as $$
begin
    perform refresh_product_current_certificates(array(select distinct product_id from old_rows));
    return null;
end $$;

create trigger certification_current_inserted after insert on certification
    referencing new table as new_rows for each statement execute function certification_inserted_current();
create trigger certification_current_updated after update on certification
    referencing old table as old_rows new table as new_rows
    for each statement execute function certification_updated_current();
create trigger certification_current_deleted after delete on certification
    referencing old table as old_rows for each statement execute function certification_deleted_current();

insert into product_current_certificate (product_id, certification_id, stars, status, valid_until)
select product_id, id, stars, status, valid_until from current_certification;
