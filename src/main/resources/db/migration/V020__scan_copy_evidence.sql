-- A copy warning that means something (issue 13). A scan is counted for copy detection at most once per network per
-- stamp per day, and only when a person's browser asked with GET; the warning rests on what one person cannot
-- produce from one place: the same serial from networks in several provinces, or from several networks on several
-- days. From this migration on, stamp.scan_count counts those counted scans (the journal `scan` keeps every scan).

-- Which province a network is in: CIDR ranges, loaded from the file named by ocop.stamp.network-provinces-file
-- (each start of the portal replaces the table with the file's rows). Production needs a table of Vietnamese
-- operators' address ranges by province (e.g. from VNNIC allocations or a commercial geolocation database).
create table network_province (
    network              cidr         primary key,
    province_code        varchar(2)   not null references province (code)
);

-- The counted scans: one row per stamp, network and day (Vietnam time).
create table stamp_scan_day (
    stamp_id             bigint       not null,
    network              text         not null,
    day                  date         not null,
    primary key (stamp_id, network, day)
);

-- The distinct days and provinces each stamp was counted on and in (stamp_network holds the networks).
create table stamp_day (
    stamp_id             bigint       not null,
    day                  date         not null,
    primary key (stamp_id, day)
);

create table stamp_province (
    stamp_id             bigint       not null,
    province_code        varchar(2)   not null,
    primary key (stamp_id, province_code)
);

alter table stamp add column day_count integer not null default 0;
alter table stamp add column province_count integer not null default 0;

-- Scans of codes this portal never issued: counts per day and network, not a row each (a script inventing codes at
-- thousands a second would otherwise grow the database by a gigabyte an hour).
create table refused_scan_daily (
    day                  date         not null,
    network              text         not null,
    scans                bigint       not null,
    primary key (day, network)
);

-- The daily figures of the scan journal, kept forever once the journal's old rows are deleted
-- (ocop.stamp.scan-retention); whole days only, so a day is either here or still in the journal.
create table scan_daily_archive (
    day                  date         not null,
    product_id           bigint       not null,
    province_code        varchar(2)   not null,
    scans                bigint       not null,
    human_scans          bigint       not null,
    stamps               bigint       not null,
    primary key (day, product_id)
);

create or replace view scan_daily as
select (s.scanned_at at time zone 'Asia/Ho_Chi_Minh')::date as day,
       s.product_id,
       pr.province_code,
       count(*)                                              as scans,
       count(*) filter (where s.user_agent_class <> 'BOT')   as human_scans,
       count(distinct s.stamp_id)                            as stamps
from scan s
join product p on p.id = s.product_id
join producer pr on pr.id = p.producer_id
group by 1, 2, 3
union all
select day, product_id, province_code, scans, human_scans, stamps from scan_daily_archive;
