-- Traceability: production batches and their events (EPCIS 2.0 "what / when / where / why"), the QR stamps
-- printed on packages, and the log of their scans.

-- One production batch (lot) of a product; "one step back": where its raw materials came from.
create table batch (
    id                   bigint generated always as identity primary key,
    product_id           bigint       not null references product (id),
    -- GS1 application identifier 10: up to 20 printable characters.
    lot_number           text         not null check (lot_number ~ '^[!-~]{1,20}$'),
    production_date      date         not null,
    expiry_date          date,
    quantity             integer      not null check (quantity > 0),
    -- The raw materials' origin: a current commune, and the text as declared.
    origin_commune_code  varchar(5)   references commune (code),
    origin_text          text         not null default '',
    created_at           timestamptz  not null default now(),
    unique (product_id, lot_number),
    -- Lets a stamp's batch be checked to belong to the stamp's product.
    unique (id, product_id),
    check (expiry_date is null or expiry_date > production_date)
);

-- What happened to a batch, when, where and why; shown in time order.
create table trace_event (
    id                   bigint generated always as identity primary key,
    batch_id             bigint       not null references batch (id) on delete cascade,
    type                 text         not null check (type in
                             ('HARVEST', 'PROCESSING', 'PACKAGING', 'QUALITY_TEST', 'SHIPPING', 'RETAIL')),
    occurred_at          timestamptz  not null,
    what                 text         not null,
    place                text         not null,
    place_commune_code   varchar(5)   references commune (code),
    why                  text         not null default ''
);

create index trace_event_batch_idx on trace_event (batch_id, occurred_at);

-- A run issuing N item stamps for a batch. The idempotency key makes a repeated request (a retry, a double click)
-- continue or return the same run instead of issuing again.
create table stamp_issue (
    id                   bigint generated always as identity primary key,
    batch_id             bigint       not null references batch (id),
    idempotency_key      text         not null unique check (length(idempotency_key) between 1 and 100),
    quantity             integer      not null check (quantity between 1 and 100000),
    issued               integer      not null default 0,
    status               text         not null default 'RUNNING' check (status in ('RUNNING', 'DONE', 'FAILED')),
    created_at           timestamptz  not null default now(),
    finished_at          timestamptz,
    check (issued <= quantity)
);

-- A QR stamp: one per product, one per batch, or one per package (item). The printed code is the serial plus a
-- keyed MAC (never stored: it is recomputed from the serial under ocop.stamp.secret).
create table stamp (
    id                   bigint generated always as identity primary key,
    serial               bigint       not null unique check (serial >= 0),
    kind                 text         not null check (kind in ('PRODUCT', 'BATCH', 'ITEM')),
    product_id           bigint       not null references product (id),
    batch_id             bigint,
    -- The issuing run of an item stamp, if it came from one.
    issue_id             bigint       references stamp_issue (id),
    issued_at            timestamptz  not null default now(),
    -- Scans by people (bots excluded), kept up to date by the scan log's writer.
    scan_count           bigint       not null default 0,
    first_scanned_at     timestamptz,
    network_count        integer      not null default 0,
    foreign key (batch_id, product_id) references batch (id, product_id),
    check ((kind = 'PRODUCT') = (batch_id is null))
);

create unique index stamp_one_per_product_idx on stamp (product_id) where kind = 'PRODUCT';
create unique index stamp_one_per_batch_idx on stamp (batch_id) where kind = 'BATCH';
create index stamp_batch_idx on stamp (batch_id);
create index stamp_issue_idx on stamp (issue_id, id);

-- Every scan of a /q/ code. No IP address is ever stored: only a keyed hash of its network prefix (/24 for IPv4,
-- /48 for IPv6), enough to tell "many places" from "one shop".
create table scan (
    id                   bigint generated always as identity primary key,
    scanned_at           timestamptz  not null,
    -- The code as scanned (cut to 40 characters), also for codes this portal never issued.
    code                 text         not null,
    stamp_id             bigint       references stamp (id),
    kind                 text         check (kind in ('PRODUCT', 'BATCH', 'ITEM')),
    product_id           bigint       references product (id),
    user_agent_class     text         not null check (user_agent_class in ('MOBILE', 'DESKTOP', 'BOT', 'OTHER')),
    network              text         not null
);

create index scan_stamp_idx on scan (stamp_id);
create index scan_time_idx on scan (scanned_at);

-- The distinct networks each stamp was scanned from.
create table stamp_network (
    stamp_id             bigint       not null references stamp (id),
    network              text         not null,
    primary key (stamp_id, network)
);

-- Scans of genuine stamps per day (Vietnam time), product and province, for dashboards.
create view scan_daily as
select (s.scanned_at at time zone 'Asia/Ho_Chi_Minh')::date as day,
       s.product_id,
       pr.province_code,
       count(*)                                              as scans,
       count(*) filter (where s.user_agent_class <> 'BOT')   as human_scans,
       count(distinct s.stamp_id)                            as stamps
from scan s
join product p on p.id = s.product_id
join producer pr on pr.id = p.producer_id
group by 1, 2, 3;

-- Reports from the public ("report a problem" on a scan page), kept for staff: a suspected counterfeit, a quality
-- problem, or something else. The stamp is null when the scanned code was not one of this portal's.
create table problem_report (
    id                   bigint generated always as identity primary key,
    created_at           timestamptz  not null default now(),
    code                 text         not null,
    stamp_id             bigint       references stamp (id),
    product_id           bigint       references product (id),
    kind                 text         not null check (kind in ('COUNTERFEIT', 'QUALITY', 'OTHER')),
    message              text         not null check (length(message) between 10 and 2000),
    contact              text         check (length(contact) <= 200),
    network              text         not null,
    status               text         not null default 'NEW' check (status in ('NEW', 'IN_PROGRESS', 'CLOSED'))
);

create index problem_report_new_idx on problem_report (created_at) where status = 'NEW';
