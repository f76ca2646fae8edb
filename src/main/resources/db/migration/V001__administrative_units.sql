-- Vietnam's administrative units after the 2025 reform: provinces and their communes / wards /
-- special zones. The rows are loaded from data/vn-admin-units.json at startup (idempotently), so
-- the list stays replaceable when units change again.

create table province (
    code          varchar(2)   primary key,
    name          text         not null,
    name_en       text         not null,
    full_name     text         not null,
    full_name_en  text         not null,
    slug          text         not null unique
);

create table commune (
    code           varchar(5)  primary key,
    province_code  varchar(2)  not null references province (code),
    name           text        not null,
    name_en        text        not null,
    full_name      text        not null,
    full_name_en   text        not null,
    slug           text        not null
);

create index commune_province_idx on commune (province_code);

-- Which version of a reference data set is loaded, so a restart skips an unchanged one.
create table reference_data_load (
    data_set   text         primary key,
    checksum   text         not null,
    loaded_at  timestamptz  not null default now()
);
