-- The triage of consumer problem reports (the admin module): staff notes on a report, and when it last changed.

alter table problem_report add column updated_at timestamptz not null default now();

create table problem_report_note (
    id            bigint generated always as identity primary key,
    report_id     bigint       not null references problem_report (id),
    at            timestamptz  not null default now(),
    author_id     bigint       references account (id),
    author_email  text         not null,
    text          text         not null check (length(text) between 1 and 2000)
);

create index problem_report_note_report_idx on problem_report_note (report_id, at);
create index problem_report_status_idx on problem_report (status, created_at);
