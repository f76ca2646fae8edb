-- Searches of the catalogue that found nothing, counted per day (issue 15): the folded text only (no visitor, no
-- address, no time of day), so staff can see what people look for and the catalogue or its vocabulary lacks.
create table search_miss (
    day      date    not null,
    query    text    not null check (length(query) between 1 and 200),
    searches integer not null check (searches > 0),
    primary key (day, query)
);
