-- OCOP certificates: a history per product. The total and the stars are derived from the part
-- scores (never typed); only 3★ and up (total >= 50) is a certificate at all.

create table certification (
    id                bigint generated always as identity primary key,
    product_id        bigint       not null references product (id),
    decision_number   text         not null,
    decision_date     date         not null,
    issuing_body      text         not null,
    issuing_level     text         not null check (issuing_level in ('DISTRICT', 'PROVINCE', 'MINISTRY')),
    score_a           smallint     not null check (score_a between 0 and 40),
    score_b           smallint     not null check (score_b between 0 and 25),
    score_c           smallint     not null check (score_c between 0 and 35),
    total_score       smallint     generated always as (score_a + score_b + score_c) stored,
    stars             smallint     generated always as (
                          case
                              when score_a + score_b + score_c >= 90 then 5
                              when score_a + score_b + score_c >= 70 then 4
                              when score_a + score_b + score_c >= 50 then 3
                              when score_a + score_b + score_c >= 30 then 2
                              else 1
                          end) stored,
    valid_from        date         not null,
    valid_until       date         not null,
    -- Recorded status; "expiring" and "expired" are derived from valid_until.
    status            text         not null default 'VALID'
                          check (status in ('VALID', 'SUSPENDED', 'REVOKED')),
    status_decision   text,
    status_date       date,
    status_reason     text,
    created_at        timestamptz  not null default now(),
    updated_at        timestamptz  not null default now(),
    check (score_a + score_b + score_c >= 50),
    check (valid_until > valid_from),
    check (status = 'VALID' or (status_decision is not null and status_date is not null
                                and status_reason is not null)),
    -- Districts certified 3 stars until they were abolished on 1 July 2025; 5 stars is the
    -- ministry's alone (DOMAIN.md, "Who certifies").
    check (issuing_level <> 'DISTRICT'
           or (decision_date < date '2025-07-01' and score_a + score_b + score_c < 70)),
    check ((issuing_level = 'MINISTRY') = (score_a + score_b + score_c >= 90)),
    unique (decision_number, issuing_body, product_id)
);

create index certification_product_idx on certification (product_id, decision_date desc);

-- Every status change (suspension, reinstatement, revocation), kept for the record.
create table certification_status_change (
    id                bigint generated always as identity primary key,
    certification_id  bigint       not null references certification (id),
    from_status       text         not null,
    to_status         text         not null,
    decision_number   text         not null,
    decision_date     date         not null,
    reason            text         not null,
    recorded_at       timestamptz  not null default now()
);

create index certification_status_change_idx on certification_status_change (certification_id);

-- A product's current certificate: its most recent decision. Public pages and counts read this.
create view current_certification as
select distinct on (product_id) *
from certification
order by product_id, decision_date desc, id desc;
