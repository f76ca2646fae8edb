-- Staff and producer accounts (the admin module, part 1): who is who, what each may touch, how they signed in,
-- and an append-only record of every change.

create table account (
    id                   bigint generated always as identity primary key,
    -- Lower case and NFC: one address, one account.
    email                text         not null unique check (email = lower(email) and length(email) <= 254),
    display_name         text         not null check (length(display_name) between 1 and 200),
    role                 text         not null check (role in
                             ('ADMINISTRATOR', 'OCOP_OFFICER', 'COMMERCE_STAFF', 'VIEWER', 'PRODUCER')),
    -- Staff: null is national, a code is one province. Producer accounts: the producer, never a province.
    province_code        varchar(2)   references province (code),
    producer_id          bigint       references producer (id),
    -- Argon2id in PHC form; null until an invitation is accepted.
    password_hash        text,
    password_changed_at  timestamptz,
    -- The TOTP secret, encrypted (AES-GCM); null until the second factor is enrolled.
    totp_secret          text,
    -- A secret shown for enrolment and not yet confirmed by a code (encrypted too).
    totp_pending_secret  text,
    -- The last time step a code was accepted for: a code works once.
    totp_last_step       bigint,
    enabled              boolean      not null default true,
    created_at           timestamptz  not null default now(),
    updated_at           timestamptz  not null default now(),
    constraint account_scope check (
        (role = 'PRODUCER' and producer_id is not null and province_code is null)
        or (role <> 'PRODUCER' and producer_id is null))
);

create index account_province_idx on account (province_code);
create index account_producer_idx on account (producer_id);

-- Server-side sessions: the cookie holds 256 random bits, the table only their SHA-256.
create table account_session (
    id                 bigint generated always as identity primary key,
    token_hash         bytea        not null unique,
    account_id         bigint       not null references account (id),
    -- Null while the password is accepted and the second factor is still to be given (or enrolled).
    completed_at       timestamptz,
    created_at         timestamptz  not null default now(),
    last_seen_at       timestamptz  not null default now(),
    network            text         not null,
    user_agent         text         not null default '',
    ended_at           timestamptz,
    ended_reason       text
);

create index account_session_open_idx on account_session (account_id) where ended_at is null;

-- Failed sign-ins, for throttling per account (the SHA-256 of the address, known or not) and per network.
create table login_failure (
    at           timestamptz  not null default now(),
    account_key  bytea        not null,
    network      text         not null
);

create index login_failure_account_idx on login_failure (account_key, at);
create index login_failure_network_idx on login_failure (network, at);

-- One-time recovery codes of the second factor, stored hashed.
create table recovery_code (
    account_id  bigint       not null references account (id),
    code_hash   bytea        not null,
    used_at     timestamptz,
    primary key (account_id, code_hash)
);

-- Invitations and password resets: single-use links valid for a limited time.
create table account_link (
    id          bigint generated always as identity primary key,
    token_hash  bytea        not null unique,
    account_id  bigint       not null references account (id),
    purpose     text         not null check (purpose in ('INVITATION', 'PASSWORD_RESET')),
    created_at  timestamptz  not null default now(),
    expires_at  timestamptz  not null,
    used_at     timestamptz
);

create index account_link_account_idx on account_link (account_id);

-- Personal API tokens: shown once, stored hashed; they act with their account's role and scope.
create table api_token (
    id                 bigint generated always as identity primary key,
    account_id         bigint       not null references account (id),
    name               text         not null check (length(name) between 1 and 100),
    token_hash         bytea        not null unique,
    created_at         timestamptz  not null default now(),
    expires_at         timestamptz  not null,
    last_used_at       timestamptz,
    last_used_network  text,
    revoked_at         timestamptz
);

create index api_token_account_idx on api_token (account_id);

-- Every write by a person or a token: who, when, from which network, what, before and after.
create table audit_log (
    id             bigint generated always as identity primary key,
    at             timestamptz  not null default now(),
    actor_id       bigint,
    actor_email    text,
    network        text,
    action         text         not null,
    entity         text         not null,
    entity_id      text,
    -- The scope of the record the write touched, so scoped administrators read their own part.
    province_code  varchar(2),
    producer_id    bigint,
    before         jsonb,
    after          jsonb
);

create index audit_log_at_idx on audit_log (at);
create index audit_log_province_idx on audit_log (province_code, at);

-- Append-only: no row is ever changed or removed, whoever asks (the trigger holds for superusers too).
create function audit_log_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the audit log is append-only: % is refused', tg_op using errcode = '42501';
end;
$$;

create trigger audit_log_no_update before update or delete on audit_log
    for each row execute function audit_log_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_append_only();

-- And the application's own database user loses the privileges as well.
revoke update, delete, truncate on audit_log from current_user;
