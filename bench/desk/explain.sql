-- The desks' list queries as ProductDesk and ProducerDesk send them (national scope unless said), under EXPLAIN
-- ANALYZE: run by bench/desk/run.sh on the benchmark catalogue, or by hand:
--   psql "postgresql://postgres@localhost:<port>/postgres" -f bench/desk/explain.sql
\set ON_ERROR_STOP on
\pset pager off
prepare products_list(text, bigint, text, text, int, int) as
select p.id, p.name, p.slug, p.gtin, p.group_code, p.updated_at, pr.name as producer_name,
       pv.name as province_name, c.stars, c.status, c.valid_until
from product p join producer pr on pr.id = p.producer_id join province pv on pv.code = pr.province_code
left join lateral (select c.stars, c.status, c.valid_until from certification c where c.product_id = p.id
                   order by c.decision_date desc, c.id desc limit 1) c on true
where (cast($1 as text) is null or pr.province_code = $1) and (cast($2 as bigint) is null or p.producer_id = $2)
  and ($3::text is null or p.name_folded like $3 or p.name_en_folded like $3)
  and ($4::text is null or pr.province_code = $4)
order by p.name_folded, p.id offset $5 limit $6;

\echo '== products, first page, sorted by name'
explain (analyze, costs off) execute products_list(null, null, null, null, 0, 50);
\echo '== products, page 200'
explain (analyze, costs off) execute products_list(null, null, null, null, 9950, 50);
\echo '== products, search "ca phe"'
explain (analyze, costs off) execute products_list(null, null, '%ca phe%', null, 0, 50);
\echo '== products of one province (a province officer)'
explain (analyze, costs off) execute products_list('01', null, null, null, 0, 50);

\echo '== products count, no filter'
explain (analyze, costs off)
select count(*) from product p join producer pr on pr.id = p.producer_id
where (cast(null as text) is null or pr.province_code = null) and (cast(null as bigint) is null or p.producer_id = null);

\echo '== products count, search "mat ong dac biet"'
explain (analyze, costs off)
select count(*) from product p join producer pr on pr.id = p.producer_id
where (p.name_folded like '%mat ong dac biet%' or p.name_en_folded like '%mat ong dac biet%' or p.gtin = 'mat ong dac biet');

\echo '== products with 4 stars: list and count (the current certificate of every product)'
explain (analyze, costs off)
select p.id, p.name, c.stars from product p join producer pr on pr.id = p.producer_id
left join lateral (select c.stars, c.status, c.valid_until from certification c where c.product_id = p.id
                   order by c.decision_date desc, c.id desc limit 1) c on true
where c.stars = 4 order by p.name_folded, p.id limit 50;
explain (analyze, costs off)
select count(*) from product p join producer pr on pr.id = p.producer_id
left join lateral (select c.stars, c.status, c.valid_until from certification c where c.product_id = p.id
                   order by c.decision_date desc, c.id desc limit 1) c on true
where c.stars = 4;

\echo '== products expiring within 30 days, sorted by stars'
explain (analyze, costs off)
select p.id, p.name, c.stars from product p join producer pr on pr.id = p.producer_id
left join lateral (select c.stars, c.status, c.valid_until from certification c where c.product_id = p.id
                   order by c.decision_date desc, c.id desc limit 1) c on true
where c.status = 'VALID' and c.valid_until between current_date and current_date + 30
order by c.stars desc nulls last, p.name_folded, p.id limit 50;

\echo '== producers, first page with their product counts'
explain (analyze, costs off)
select pr.id, pr.name, pv.name, (select count(*) from product p where p.producer_id = pr.id) as products
from producer pr join province pv on pv.code = pr.province_code
order by pr.name_folded, pr.id offset 0 limit 50;
\echo '== producers, search "htx"'
explain (analyze, costs off)
select pr.id, pr.name from producer pr where pr.name_folded like '%htx%' order by pr.name_folded, pr.id limit 50;
