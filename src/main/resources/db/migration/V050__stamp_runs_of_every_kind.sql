-- The stamp desk prints runs of every kind of stamp: N labels of a product's one stamp, N labels of a batch's one
-- stamp, or N item stamps of a batch (each its own serial). A run now names its kind and product; only a product
-- run has no batch. A run that failed keeps why, for the desk (asking again with the same key continues it).
alter table stamp_issue add column kind text not null default 'ITEM' check (kind in ('PRODUCT', 'BATCH', 'ITEM'));
alter table stamp_issue add column product_id bigint references product (id);
update stamp_issue i set product_id = b.product_id from batch b where b.id = i.batch_id;
alter table stamp_issue alter column product_id set not null;
alter table stamp_issue alter column batch_id drop not null;
alter table stamp_issue add constraint stamp_issue_batch_of_product
    foreign key (batch_id, product_id) references batch (id, product_id);
alter table stamp_issue add constraint stamp_issue_product_run_has_no_batch check ((kind = 'PRODUCT') = (batch_id is null));
alter table stamp_issue add column failed_at timestamptz;

create index stamp_issue_product_idx on stamp_issue (product_id, id);
create index stamp_issue_failed_idx on stamp_issue (id) where status = 'FAILED';

-- The batch desk lists a scope's batches newest first and finds them by lot.
create index batch_product_date_idx on batch (product_id, production_date desc);
