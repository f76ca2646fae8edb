-- A booth is one participant's at a fair: two producers cannot be given the same booth of the same fair (written
-- in any case: "A12" and "a12" are one booth).
create unique index fair_participant_booth_unique on fair_participant (fair_id, upper(booth)) where booth is not null;
