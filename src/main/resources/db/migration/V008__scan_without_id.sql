-- The scan log's rows lose their generated id (V007 made the journal cheaper per row; this goes one step further):
-- nothing reads a scan by id (scans are read by time, product or stamp), so each row paid a sequence call and a
-- B-tree entry for nothing. At full load on two cores this was the difference between a writer that kept up and one
-- that still dropped scans (bench/README.md).
alter table scan drop column id;
