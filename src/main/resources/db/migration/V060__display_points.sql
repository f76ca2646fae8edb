-- OCOP display and sales points ("điểm giới thiệu và bán sản phẩm OCOP", Decision 950/QĐ-BCT): where they are,
-- who runs them, when they open, whether they meet the Decision's criteria, and what they stock.

create table display_point (
    id             bigint generated always as identity primary key,
    kind           text              not null check (kind in ('STATION_AIRPORT', 'HIGHWAY_STOP', 'MARKET_MALL',
                                         'TOURIST_SITE_HOTEL', 'CRAFT_VILLAGE', 'COMMERCIAL_CENTRE', 'FAIR_CENTRE',
                                         'POST_OFFICE', 'OTHER')),
    name           text              not null check (length(name) between 1 and 200),
    operator       text              not null check (length(operator) between 1 and 200),
    address_line   text              not null check (length(address_line) between 1 and 300),
    province_code  varchar(2)        not null references province (code),
    commune_code   varchar(5)        references commune (code),
    latitude       double precision  not null check (latitude between -90 and 90),
    longitude      double precision  not null check (longitude between -180 and 180),
    phone          text,
    email          text,
    website        text,
    status         text              not null check (status in ('OPEN', 'TEMPORARILY_CLOSED', 'CLOSED')),
    -- the day the point opened, and the day its present status took effect
    opened_on      date              not null,
    status_since   date              not null,
    -- the Decision 950 criteria the point meets (DisplayPoint.Criterion names), as last checked
    criteria       text[]            not null default '{}',
    criteria_checked_on date,
    created_at     timestamptz       not null default now(),
    updated_at     timestamptz       not null default now()
);

create index display_point_province_idx on display_point (province_code);

-- Weekly hours: one or more intervals a day (1 = Monday ... 7 = Sunday, ISO). An interval whose closing time is not
-- after its opening time runs past midnight into the next day.
create table display_point_hours (
    point_id  bigint    not null references display_point (id) on delete cascade,
    weekday   smallint  not null check (weekday between 1 and 7),
    opens     time      not null,
    closes    time      not null,
    primary key (point_id, weekday, opens)
);

-- A day that differs from the week (a holiday, Tết): closed all day when opens is null, else these hours instead.
create table display_point_exception (
    point_id  bigint  not null references display_point (id) on delete cascade,
    day       date    not null,
    opens     time,
    closes    time,
    note      text    not null default '',
    primary key (point_id, day),
    check ((opens is null) = (closes is null))
);

-- What a point stocks. A producer's account proposes its products (PROPOSED); commerce staff confirm them
-- (CONFIRMED); only confirmed lines are public.
create table display_point_product (
    point_id           bigint       not null references display_point (id) on delete cascade,
    product_id         bigint       not null references product (id),
    price_vnd          bigint       check (price_vnd >= 0),
    in_stock           boolean      not null default true,
    state              text         not null check (state in ('PROPOSED', 'CONFIRMED')),
    proposed_by        text,
    last_confirmed_at  timestamptz,
    updated_at         timestamptz  not null default now(),
    primary key (point_id, product_id)
);

create index display_point_product_product_idx on display_point_product (product_id);

-- Every status a point has had and the day it took effect, so that reports of points opened or closed in a period
-- read the same figures later on.
create table display_point_status_change (
    id            bigint generated always as identity primary key,
    point_id      bigint       not null references display_point (id) on delete cascade,
    status        text         not null,
    effective_on  date         not null,
    recorded_at   timestamptz  not null default now()
);

create index display_point_status_change_point_idx on display_point_status_change (point_id);
