-- Grows the display points to about :n for the display-points benchmark (bench/showroom/run.sh, bench/README.md):
-- new points spread around the demo's points (every province that has one, jittered up to about 35 km), each with
-- weekly hours (every tenth past midnight, every seventh closed on Sundays), an exception now and then, and 4 to 12
-- confirmed lines of the certified products (every ninth line out of stock). Run it once:
--   psql "postgresql://postgres@localhost:<port>/postgres" -v n=5000 -f bench/showroom/generate-points.sql
\set ON_ERROR_STOP on
begin;
create temporary table bench_anchor as
select row_number() over (order by id) - 1 as k, kind, province_code, latitude, longitude
from display_point where status <> 'CLOSED' and name not like 'Điểm bench %';

create temporary table bench_product as
select row_number() over (order by p.id) - 1 as k, p.id
from product p join current_certification c on c.product_id = p.id
where c.status = 'VALID' and c.valid_until > current_date and p.slug !~ '-b[0-9]+$';

create temporary table bench_point (n int primary key, id bigint);

with made as (
    insert into display_point (kind, name, operator, address_line, province_code, latitude, longitude, phone, status,
        opened_on, status_since, criteria, criteria_checked_on)
    select a.kind, 'Điểm bench ' || g.n, 'Đơn vị vận hành ' || (g.n % 97), 'Số ' || g.n || ' đường Thử',
           a.province_code,
           least(90, greatest(-90, a.latitude + ((g.n * 7919) % 600 - 300) / 1000.0)),
           least(180, greatest(-180, a.longitude + ((g.n * 104729) % 600 - 300) / 1000.0)),
           '02' || lpad((g.n % 10000000)::text, 8, '0'),
           case when g.n % 50 = 0 then 'TEMPORARILY_CLOSED' else 'OPEN' end,
           current_date - 400 + g.n % 300, current_date - 100 + g.n % 90,
           '{LOCATION,MARKET_DEMAND,QUALITY_AND_SAFETY,OCOP_PRODUCTS,SIGNAGE}', current_date - g.n % 200
    from generate_series(1, greatest(0, :n - (select count(*) from display_point))::int) g(n)
    join bench_anchor a on a.k = g.n % (select count(*) from bench_anchor)
    returning id, name
)
insert into bench_point select regexp_replace(name, '^Điểm bench ', '')::int, id from made;

insert into display_point_hours (point_id, weekday, opens, closes)
select b.id, d.day,
       case when b.n % 10 = 0 then time '18:00' else time '07:30' end,
       case when b.n % 10 = 0 then time '02:00' else time '21:00' end
from bench_point b cross join generate_series(1, 7) d(day)
where not (b.n % 7 = 0 and d.day = 7);

insert into display_point_exception (point_id, day, note)
select b.id, current_date + b.n % 30, 'Nghỉ kiểm kê'
from bench_point b where b.n % 11 = 0;

insert into display_point_product (point_id, product_id, price_vnd, in_stock, state, last_confirmed_at)
select distinct on (b.id, p.id) b.id, p.id, 50000 + (b.n * 37 + l.i * 1000) % 400000, (b.n + l.i) % 9 <> 0,
       'CONFIRMED', now() - make_interval(days => b.n % 60)
from bench_point b
cross join generate_series(0, 3 + b.n % 9) l(i)
join bench_product p on p.k = (b.n * 13 + l.i * 7) % (select count(*) from bench_product)
on conflict do nothing;

insert into display_point_status_change (point_id, status, effective_on)
select b.id, 'OPEN', current_date - 400 + b.n % 300 from bench_point b;
commit;
analyze display_point;
analyze display_point_hours;
analyze display_point_exception;
analyze display_point_product;
