-- Optional English name and description of a product (issue 15), entered by staff; the English pages show them
-- and the catalogue search finds products by them. Null where nobody entered them: the pages fall back to the
-- Vietnamese text. Stored in NFC like every text.
alter table product
    add column name_en        text check (name_en is null or length(btrim(name_en)) between 1 and 300),
    add column description_en text check (description_en is null or length(description_en) <= 5000);
