-- The certification desk (issue 12): a renewal supersedes the certificate it renews (recorded, not inferred), a
-- suspension or revocation names its reason from DOMAIN.md's list, and every certificate and status change says
-- who recorded it. Rows loaded before the desk existed (demo data) keep these columns null.

alter table certification
    drop constraint certification_status_check,
    add constraint certification_status_check
        check (status in ('VALID', 'SUSPENDED', 'REVOKED', 'SUPERSEDED')),
    -- The certificate that renewed this one; set exactly when it is superseded.
    add column superseded_by bigint references certification (id),
    add constraint certification_superseded_check check ((status = 'SUPERSEDED') = (superseded_by is not null)),
    add column status_reason_code text check (status_reason_code is null or status_reason_code in (
        'NO_REEVALUATION', 'PROCESS_NOT_FOLLOWED', 'FOOD_SAFETY', 'QUALITY_OR_PACKAGING', 'PRODUCER_INACTIVE',
        'MARK_MISUSE')),
    add column recorded_by_id bigint references account (id),
    add column recorded_by_email text;

alter table certification_status_change
    add column reason_code text,
    add column actor_id bigint references account (id),
    add column actor_email text;

-- The desk's list filters on the current certificate's expiry.
create index certification_valid_until_idx on certification (valid_until);

-- The view's columns were fixed when it was made: read it again so that it carries the new ones (appended).
create or replace view current_certification as
select distinct on (product_id) *
from certification
order by product_id, decision_date desc, id desc;
