-- The scan log is an append-only journal written in batches of up to 20,000 rows (ScanLog). At full load on two
-- cores its writer fell behind and dropped scans (bench/README.md), and most of its cost was per row:
--
-- * Two foreign keys: each row ran two referential-integrity checks, each a lookup that also locks the stamp and
--   the product row. The writer only logs stamps it has just read, stamps and products are never deleted (a
--   certificate is revoked, a product withdrawn), and a journal should keep its history even if they were.
-- * A B-tree on the scan time, which only ever grows: a BRIN index answers the same time ranges (dashboards, the
--   day's counts) for a few pages instead of one index entry per scan.
alter table scan drop constraint scan_stamp_id_fkey;
alter table scan drop constraint scan_product_id_fkey;
drop index scan_time_idx;
create index scan_time_idx on scan using brin (scanned_at);

-- Every write updates the counters of the stamps scanned: room on each page lets PostgreSQL update them in place
-- (HOT) instead of adding entries to every index of the stamp table.
alter table stamp set (fillfactor = 80);
