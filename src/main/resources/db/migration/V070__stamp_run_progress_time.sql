-- When a run last moved: each chunk of stamps sets it. A run that says it is running but has not moved for a minute,
-- and that no runner has, stopped with the server in the middle: the stamp desk offers to continue it.
alter table stamp_issue add column progressed_at timestamptz not null default now();
