-- Product groups of Decision 148/QĐ-TTg (fixed by law) and their subgroups (data staff extend).

create table product_group (
    code        varchar(2)  primary key,
    position    smallint    not null unique,
    name        text        not null,
    name_en     text        not null
);

insert into product_group (code, position, name, name_en) values
    ('01', 1, 'Thực phẩm', 'Food'),
    ('02', 2, 'Đồ uống', 'Beverages'),
    ('03', 3, 'Dược liệu và sản phẩm từ dược liệu', 'Medicinal herbs and herbal products'),
    ('04', 4, 'Thủ công mỹ nghệ', 'Handicrafts'),
    ('05', 5, 'Sinh vật cảnh', 'Ornamental plants and animals'),
    ('06', 6, 'Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch',
              'Community and eco-tourism services and tourist sites');

create table product_subgroup (
    id          bigint generated always as identity primary key,
    group_code  varchar(2)  not null references product_group (code),
    code        text        not null unique,
    name        text        not null,
    name_en     text        not null
);

insert into product_subgroup (group_code, code, name, name_en) values
    ('01', '01.1', 'Thực phẩm tươi sống', 'Fresh and raw food'),
    ('01', '01.2', 'Thực phẩm thô, sơ chế', 'Raw and pre-processed food'),
    ('01', '01.3', 'Thực phẩm chế biến', 'Processed food'),
    ('01', '01.4', 'Gia vị', 'Spices and condiments'),
    ('01', '01.5', 'Chè', 'Tea'),
    ('01', '01.6', 'Cà phê, ca cao', 'Coffee and cocoa'),
    ('02', '02.1', 'Đồ uống có cồn', 'Alcoholic beverages'),
    ('02', '02.2', 'Đồ uống không cồn', 'Non-alcoholic beverages'),
    ('03', '03.1', 'Thực phẩm chức năng, thuốc từ dược liệu', 'Herbal supplements and medicines'),
    ('03', '03.2', 'Mỹ phẩm từ dược liệu', 'Herbal cosmetics'),
    ('03', '03.3', 'Dược liệu và sản phẩm từ dược liệu khác', 'Medicinal herbs and other herbal products'),
    ('04', '04.1', 'Vải, may mặc', 'Fabrics and garments'),
    ('04', '04.2', 'Lưu niệm, nội thất, trang trí', 'Souvenirs, furniture and decoration'),
    ('05', '05.1', 'Hoa, cây cảnh', 'Flowers and ornamental plants'),
    ('05', '05.2', 'Động vật cảnh', 'Ornamental animals'),
    ('06', '06.1', 'Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch',
                   'Community and eco-tourism services and tourist sites');

create table producer (
    id                   bigint generated always as identity primary key,
    name                 text         not null,
    type                 text         not null check (type in
                             ('ENTERPRISE', 'COOPERATIVE', 'COOPERATIVE_GROUP', 'HOUSEHOLD_BUSINESS')),
    registration_number  text         not null unique,
    -- The address exactly as recorded (it may name a former district or province) ...
    address_line         text         not null,
    -- ... linked to the current administrative units.
    province_code        varchar(2)   not null references province (code),
    commune_code         varchar(5)   references commune (code),
    representative       text         not null,
    phone                text,
    email                text,
    website              text,
    created_at           timestamptz  not null default now(),
    updated_at           timestamptz  not null default now()
);

create index producer_province_idx on producer (province_code);

create table product (
    id                  bigint generated always as identity primary key,
    producer_id         bigint       not null references producer (id),
    group_code          varchar(2)   not null references product_group (code),
    subgroup_id         bigint       references product_subgroup (id),
    name                text         not null,
    slug                text         not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    description         text         not null default '',
    specifications      text         not null default '',
    ingredient_origin   text         not null default '',
    gtin                varchar(14)  unique check (gtin ~ '^[0-9]{8}$|^[0-9]{12,14}$'),
    created_at          timestamptz  not null default now(),
    updated_at          timestamptz  not null default now()
);

create index product_producer_idx on product (producer_id);
create index product_group_idx on product (group_code);

create table product_photo (
    id            bigint generated always as identity primary key,
    product_id    bigint       not null references product (id) on delete cascade,
    position      smallint     not null default 0,
    content_type  text         not null check (content_type in ('image/jpeg', 'image/png', 'image/webp', 'image/svg+xml')),
    content       bytea        not null,
    alt_text      text         not null default '',
    created_at    timestamptz  not null default now(),
    unique (product_id, position)
);
