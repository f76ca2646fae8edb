-- The plans and timings of the display points' queries (bench/showroom/run.sh prints the "Execution Time" lines).
-- No query runs per request of the API or of "where to buy": both answer from the directory in memory
-- (PointDirectory). These are the directory's load, after a staff change and every minute in the background, and
-- the desk's reads of one point.
\pset pager off
\echo == directory: points that are not closed
explain (analyze, buffers)
select dp.id, dp.kind, dp.name, dp.operator, dp.address_line, dp.province_code, pv.name as pname,
       pv.name_en as pname_en, cm.name as cname, cm.name_en as cname_en, dp.latitude, dp.longitude,
       dp.phone, dp.email, dp.website, dp.status, dp.status_since, dp.criteria
from display_point dp join province pv on pv.code = dp.province_code
left join commune cm on cm.code = dp.commune_code
where dp.status <> 'CLOSED'
order by pv.name, dp.name, dp.id;
\echo == directory: confirmed lines of the points that are not closed
explain (analyze, buffers)
select l.point_id, p.id, p.slug, p.name, p.name_en, l.price_vnd, l.in_stock, l.last_confirmed_at
from display_point_product l join product p on p.id = l.product_id
join display_point dp on dp.id = l.point_id
where l.state = 'CONFIRMED' and dp.status <> 'CLOSED'
order by l.point_id, p.name, p.id;
\echo == directory: weekly hours of every point
explain (analyze, buffers)
select point_id, weekday, opens, closes from display_point_hours where true order by point_id, weekday, opens;
\echo == directory: exceptions from a week back
explain (analyze, buffers)
select point_id, day, opens, closes, note from display_point_exception where day >= current_date - 7
order by point_id, day;
\echo == desk: the hours of one point
explain (analyze, buffers)
select point_id, weekday, opens, closes from display_point_hours
where point_id = (select max(id) from display_point) order by point_id, weekday, opens;
\echo == desk: the assortment of one point
explain (analyze, buffers)
select l.product_id, p.slug, p.name, pr.name as producer_name, pr.id as producer_id, l.price_vnd,
       l.in_stock, l.state, l.proposed_by, l.last_confirmed_at
from display_point_product l join product p on p.id = l.product_id
join producer pr on pr.id = p.producer_id
where l.point_id = (select max(id) from display_point) order by l.state desc, p.name, p.id;
\echo == the SQL a "near" query would need without the directory: a bounding box, then the exact distance
explain (analyze, buffers)
select dp.id, 2 * 6371.0088 * asin(least(1, sqrt(
           sin(radians(dp.latitude - 21.0285) / 2) ^ 2
           + cos(radians(21.0285)) * cos(radians(dp.latitude)) * sin(radians(dp.longitude - 105.8542) / 2) ^ 2)))
       as km
from display_point dp
where dp.status <> 'CLOSED'
  and dp.latitude between 21.0285 - 0.2249 and 21.0285 + 0.2249
  and dp.longitude between 105.8542 - 0.2411 and 105.8542 + 0.2411
order by km;
