-- Grows the demo catalogue to about 20,000 products for the catalogue benchmark (bench/README.md).
-- Each new product copies one of the demo products (producer, group, texts, photo, current certificate with the
-- same scores and dates, so every rule of the schema holds) under a varied name. Run it once, against the dev
-- database of `./mvnw mn:run` (the triggers queue every new product for the search index):
--   psql "postgresql://postgres@localhost:<port>/postgres" -v n=20000 -f bench/generate-products.sql
\set ON_ERROR_STOP on
begin;
create temporary table bench_source as
select row_number() over (order by p.id) - 1 as k, p.*, c.decision_number, c.decision_date, c.issuing_body,
       c.issuing_level, c.score_a, c.score_b, c.score_c, c.valid_from, c.valid_until, c.status as cert_status,
       c.status_decision, c.status_date, c.status_reason
from product p join current_certification c on c.product_id = p.id
where p.slug !~ '-b[0-9]+$';

create temporary table bench_words (k int, word text);
insert into bench_words values (0, 'đặc biệt'), (1, 'hữu cơ'), (2, 'truyền thống'), (3, 'cao cấp'), (4, 'loại một'),
    (5, 'quà biếu'), (6, 'gia truyền'), (7, 'thượng hạng'), (8, 'tươi ngon'), (9, 'sạch');

create temporary table bench_new as
select n, s.id as source_id, s.k
from generate_series(1, :n) n
join bench_source s on s.k = n % (select count(*) from bench_source);

insert into product (producer_id, group_code, subgroup_id, name, slug, description, specifications, ingredient_origin)
select s.producer_id, s.group_code, s.subgroup_id,
       s.name || ' ' || w.word || ' ' || b.n, s.slug || '-b' || b.n, s.description, s.specifications,
       s.ingredient_origin
from bench_new b join bench_source s on s.id = b.source_id join bench_words w on w.k = b.n % 10;

insert into product_photo (product_id, position, content_type, content, alt_text)
select p.id, 0, ph.content_type, ph.content, p.name
from bench_new b join bench_source s on s.id = b.source_id
join product p on p.slug = s.slug || '-b' || b.n
join product_photo ph on ph.product_id = s.id and ph.position = 0;

insert into certification (product_id, decision_number, decision_date, issuing_body, issuing_level, score_a, score_b,
                           score_c, valid_from, valid_until, status, status_decision, status_date, status_reason)
select p.id, s.decision_number || '-B' || b.n, s.decision_date, s.issuing_body, s.issuing_level, s.score_a, s.score_b,
       s.score_c, s.valid_from, s.valid_until, s.cert_status, s.status_decision, s.status_date, s.status_reason
from bench_new b join bench_source s on s.id = b.source_id
join product p on p.slug = s.slug || '-b' || b.n;
commit;
select count(*) as products from product;
