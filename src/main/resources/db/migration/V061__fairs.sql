-- Trade fairs and promotion events (hội chợ, triển lãm, hội nghị kết nối giao thương, tuần lễ OCOP): what, where and
-- when, which producers take part with which products and at which booth, and what each achieved.
--
-- A fair is kept by the commerce staff of one province (managed_by_province), or by national staff when that is
-- null; its venue may be in another province (province_code), as when a province sends its producers to a fair in
-- Hà Nội. Every state a fair or a participation has had is kept with the moment it was recorded, and results are
-- appended, never overwritten, so that a report "as of" a date reads the same figures later on.

create table fair (
    id                   bigint generated always as identity primary key,
    name                 text              not null check (length(name) between 1 and 200),
    name_en              text              check (name_en is null or length(name_en) between 1 and 200),
    kind                 text              not null check (kind in ('FAIR', 'EXHIBITION', 'TRADE_CONNECTION',
                                               'OCOP_WEEK')),
    organiser            text              not null check (length(organiser) between 1 and 200),
    venue                text              not null check (length(venue) between 1 and 200),
    address_line         text              not null check (length(address_line) between 1 and 300),
    province_code        varchar(2)        not null references province (code),
    commune_code         varchar(5)        references commune (code),
    latitude             double precision  check (latitude between -90 and 90),
    longitude            double precision  check (longitude between -180 and 180),
    starts_on            date              not null,
    ends_on              date              not null,
    -- the last day producers may apply; null: applications are not taken on the portal
    applications_until   date,
    description          text              not null default '' check (length(description) <= 5000),
    description_en       text              check (description_en is null or length(description_en) <= 5000),
    -- DRAFT: staff only; ANNOUNCED: public (upcoming, running or past by its dates); POSTPONED: public, new dates
    -- to come; CANCELLED: public, marked cancelled
    status               text              not null check (status in ('DRAFT', 'ANNOUNCED', 'POSTPONED',
                                               'CANCELLED')),
    -- visitors of the whole event, as the organiser reported them (each booth's visitors are the participant's)
    visitors             integer           check (visitors >= 0),
    managed_by_province  varchar(2)        references province (code),
    version              integer           not null default 0,
    created_at           timestamptz       not null default now(),
    updated_at           timestamptz       not null default now(),
    check (ends_on >= starts_on),
    check ((latitude is null) = (longitude is null)),
    check (applications_until is null or applications_until <= ends_on)
);

create index fair_starts_on_idx on fair (starts_on);
create index fair_province_idx on fair (province_code);
create index fair_managed_by_idx on fair (managed_by_province);

create table fair_status_change (
    id           bigint generated always as identity primary key,
    fair_id      bigint       not null references fair (id) on delete cascade,
    status       text         not null,
    recorded_by  text         not null,
    recorded_at  timestamptz  not null default now()
);

create index fair_status_change_fair_idx on fair_status_change (fair_id);

-- A producer's participation: applied by its account (or entered by staff), accepted or declined by the fair's
-- staff, withdrawn by the producer; a booth once accepted.
create table fair_participant (
    id             bigint generated always as identity primary key,
    fair_id        bigint       not null references fair (id) on delete cascade,
    producer_id    bigint       not null references producer (id),
    state          text         not null check (state in ('APPLIED', 'ACCEPTED', 'DECLINED', 'WITHDRAWN')),
    booth          text         check (booth is null or length(booth) between 1 and 40),
    message        text         not null default '' check (length(message) <= 2000),
    decision_note  text         not null default '' check (length(decision_note) <= 2000),
    applied_by     text         not null,
    applied_at     timestamptz  not null default now(),
    decided_by     text,
    decided_at     timestamptz,
    version        integer      not null default 0,
    unique (fair_id, producer_id)
);

create index fair_participant_producer_idx on fair_participant (producer_id);

-- The products a participant brings (chosen when applying, changed until the fair's staff decide).
create table fair_participant_product (
    participant_id  bigint  not null references fair_participant (id) on delete cascade,
    product_id      bigint  not null references product (id),
    primary key (participant_id, product_id)
);

create index fair_participant_product_product_idx on fair_participant_product (product_id);

create table fair_participant_state_change (
    id              bigint generated always as identity primary key,
    participant_id  bigint       not null references fair_participant (id) on delete cascade,
    state           text         not null,
    recorded_by     text         not null,
    recorded_at     timestamptz  not null default now()
);

create index fair_participant_state_change_participant_idx on fair_participant_state_change (participant_id);

-- Results after the event, per participant; a correction is a new row. The participant's results as of a moment
-- are its latest row recorded at or before it.
create table fair_result (
    id              bigint generated always as identity primary key,
    participant_id  bigint       not null references fair_participant (id) on delete cascade,
    sales_vnd       bigint       not null check (sales_vnd >= 0),
    contracts       integer      not null check (contracts >= 0),
    memoranda       integer      not null check (memoranda >= 0),
    visitors        integer      check (visitors >= 0),
    note            text         not null default '' check (length(note) <= 2000),
    recorded_by     text         not null,
    recorded_at     timestamptz  not null default now()
);

create index fair_result_participant_idx on fair_result (participant_id, recorded_at);
