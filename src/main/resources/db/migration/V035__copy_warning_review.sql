-- Copy warnings that staff can confirm or clear (issue 13, point 5; the stamp desk of issue 12).
--
-- A stamp joins stamp_copy_warning the first time its counted scans meet the copy-warning rule (the scan log's writer
-- adds it in the transaction that wrote the evidence; the rule's thresholds are configuration). The table is the
-- desk's list: it stays small however many stamps are scanned, and the stamp table gets no index on its counters,
-- so the writer's counter updates stay HOT (V007).
create table stamp_copy_warning (
    stamp_id      bigint       primary key references stamp (id),
    product_id    bigint       not null references product (id),
    raised_at     timestamptz  not null default now()
);

create index stamp_copy_warning_product_idx on stamp_copy_warning (product_id);

-- Every review, kept: the latest one per stamp decides. CONFIRMED: staff checked that the stamp is copied, and its
-- page says so whatever the figures. CLEARED: staff found an innocent reason (a tour group, a distributor); the
-- warning stays away until the evidence grows past what they saw (a new province, or as many new networks as the
-- rule asks for). The evidence the reviewer saw is stored with the decision.
create table stamp_copy_review (
    id            bigint generated always as identity primary key,
    stamp_id      bigint       not null references stamp_copy_warning (stamp_id),
    product_id    bigint       not null references product (id),
    decision      text         not null check (decision in ('CONFIRMED', 'CLEARED')),
    note          text         not null check (length(btrim(note)) between 1 and 2000),
    networks      integer      not null,
    provinces     integer      not null,
    days          integer      not null,
    decided_by    bigint       not null references account (id),
    decided_at    timestamptz  not null default now()
);

create index stamp_copy_review_stamp_idx on stamp_copy_review (stamp_id, id desc);

-- A review changes what the stamp's page says: announce it like any change to a product's pages (V006).
create trigger stamp_copy_review_notify after insert on stamp_copy_review
    for each row execute function notify_product_child_changed();

-- The stamps that met the default rule before this migration (3 provinces, or 5 networks on 3 days).
insert into stamp_copy_warning (stamp_id, product_id)
select id, product_id from stamp
where kind = 'ITEM' and (province_count >= 3 or (network_count >= 5 and day_count >= 3));
