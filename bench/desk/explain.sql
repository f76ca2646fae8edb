-- The desks' list queries as ProductDesk and ProducerDesk send them, under EXPLAIN ANALYZE: run by
-- bench/desk/run.sh on the benchmark catalogue, or by hand:
--   psql "postgresql://postgres@localhost:<port>/postgres" -f bench/desk/explain.sql
-- A page is found as ids first (only what the filters and sort need), then those rows are read in full.
\set ON_ERROR_STOP on
\pset pager off

\echo '== products, first page by name (national)'
explain (analyze, costs off)
select p.id, p.name, p.slug, pr.name, pv.name, c.stars, c.status, c.valid_until
from (select p.id from product p
      left join product_current_certificate c on c.product_id = p.id
      where true order by p.name_folded, p.id offset 0 limit 50) page
join product p on p.id = page.id join producer pr on pr.id = p.producer_id
join province pv on pv.code = pr.province_code left join product_current_certificate c on c.product_id = p.id
order by p.name_folded, p.id;

\echo '== products, page 200 by name (national)'
explain (analyze, costs off)
select p.id, p.name, p.slug, pr.name, pv.name, c.stars, c.status, c.valid_until
from (select p.id from product p
      left join product_current_certificate c on c.product_id = p.id
      where true order by p.name_folded, p.id offset 9950 limit 50) page
join product p on p.id = page.id join producer pr on pr.id = p.producer_id
join province pv on pv.code = pr.province_code left join product_current_certificate c on c.product_id = p.id
order by p.name_folded, p.id;

\echo '== products, search "ca phe" (national)'
explain (analyze, costs off)
select p.id, p.name, p.slug, pr.name, pv.name, c.stars, c.status, c.valid_until
from (select p.id from product p
      left join product_current_certificate c on c.product_id = p.id
      where true and (p.name_folded like '%ca phe%' or p.name_en_folded like '%ca phe%' or p.gtin = 'ca phe')
      order by p.name_folded, p.id offset 0 limit 50) page
join product p on p.id = page.id join producer pr on pr.id = p.producer_id
join province pv on pv.code = pr.province_code left join product_current_certificate c on c.product_id = p.id
order by p.name_folded, p.id;

\echo '== products, 4 stars, sorted by stars (a province officer of 01)'
explain (analyze, costs off)
select p.id, p.name, p.slug, pr.name, pv.name, c.stars, c.status, c.valid_until
from (select p.id from product p join producer pr on pr.id = p.producer_id
      left join product_current_certificate c on c.product_id = p.id
      where pr.province_code = '01' and c.stars = 4
      order by c.stars desc nulls last, p.name_folded, p.id offset 0 limit 50) page
join product p on p.id = page.id join producer pr on pr.id = p.producer_id
join province pv on pv.code = pr.province_code left join product_current_certificate c on c.product_id = p.id
order by c.stars desc nulls last, p.name_folded, p.id;

\echo '== products expiring within 30 days, sorted by stars (national)'
explain (analyze, costs off)
select p.id, p.name, p.slug, pr.name, pv.name, c.stars, c.status, c.valid_until
from (select p.id from product p
      left join product_current_certificate c on c.product_id = p.id
      where true and c.status = 'VALID' and c.valid_until between current_date and current_date + 30
      order by c.stars desc nulls last, p.name_folded, p.id offset 0 limit 50) page
join product p on p.id = page.id join producer pr on pr.id = p.producer_id
join province pv on pv.code = pr.province_code left join product_current_certificate c on c.product_id = p.id
order by c.stars desc nulls last, p.name_folded, p.id;

\echo '== products count, no filter (national)'
explain (analyze, costs off)
select count(*) from product p where true;

\echo '== products count, 4 stars (national)'
explain (analyze, costs off)
select count(*) from product p
left join product_current_certificate c on c.product_id = p.id where true and c.stars = 4;

\echo '== products count, search "mat ong dac biet" (national)'
explain (analyze, costs off)
select count(*) from product p
where true and (p.name_folded like '%mat ong dac biet%' or p.name_en_folded like '%mat ong dac biet%'
                or p.gtin = 'mat ong dac biet');

\echo '== producers, first page with their product counts (national)'
explain (analyze, costs off)
select pr.id, pr.name, pv.name, (select count(*) from product p where p.producer_id = pr.id) as products
from producer pr join province pv on pv.code = pr.province_code
where true order by pr.name_folded, pr.id offset 0 limit 50;

\echo '== producers, search "htx" (national)'
explain (analyze, costs off)
select pr.id, pr.name from producer pr where true and (pr.name_folded like '%htx%' or pr.registration_number = 'htx')
order by pr.name_folded, pr.id limit 50;
