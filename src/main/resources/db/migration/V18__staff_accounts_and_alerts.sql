-- Staff accounts kept in the database beside the configured (bootstrap) users, failed logins shared by replicas,
-- the on-duty rota, and the outbox of alerts to staff. Runs unchanged on H2 (PostgreSQL mode) and PostgreSQL.

-- A person who works on the line. Only hashes of secrets: the password (Spring Security's {bcrypt}...), the one-time
-- invitation token and the one-time Telegram link code (SHA-256, hex).
create table staff_account (
    id                     uuid         primary key,
    username               varchar(64)  not null,
    display_name           varchar(200) not null,
    email                  varchar(254),
    enabled                boolean      not null,
    password_hash          varchar(500),
    password_changed_at    timestamp with time zone,
    invitation_hash        varchar(64),
    invitation_expires_at  timestamp with time zone,
    telegram_chat_id       bigint,
    telegram_code_hash     varchar(64),
    telegram_code_expires_at timestamp with time zone,
    created_at             timestamp with time zone not null,
    created_by             varchar(100) not null,
    updated_at             timestamp with time zone not null,
    version                bigint       not null,
    constraint uq_staff_account_username unique (username),
    constraint uq_staff_account_invitation unique (invitation_hash),
    constraint uq_staff_account_telegram unique (telegram_chat_id),
    constraint uq_staff_account_telegram_code unique (telegram_code_hash)
);

create table staff_account_role (
    account_id uuid        not null references staff_account (id) on delete cascade,
    role       varchar(16) not null,
    primary key (account_id, role)
);

-- Failed logins by key (account:<name> or address:<ip>), so a lockout holds on every replica and across restarts.
-- Rows older than the longest lockout are deleted in the background.
create table login_failure (
    failure_key     varchar(200) primary key,
    failures        integer      not null,
    last_failure_at timestamp with time zone not null
);
create index ix_login_failure_last on login_failure (last_failure_at);

-- The on-duty rota: one row, the usernames of the primary, the backup, everyone alerted last, and a weekly schedule,
-- as JSON (usernames and times only). Without a row the configuration (lifeline.escalation.on-duty) applies.
create table on_duty_rota (
    id         integer       primary key,
    rota       varchar(20000) not null,
    updated_by varchar(100)  not null,
    updated_at timestamp with time zone not null,
    version    bigint        not null
);

-- Alerts to staff, stored with the decision to send them and delivered afterwards on one channel each (email,
-- telegram, log). No content of the person: the request id, the risk level and what happened.
create table staff_alert (
    id              uuid         primary key,
    dedup_key       varchar(300) not null,
    recipient       varchar(64)  not null,
    channel         varchar(16)  not null,
    event           varchar(32)  not null,
    request_id      uuid,
    risk_level      varchar(16),
    status          varchar(16)  not null,
    attempts        integer      not null,
    next_attempt_at timestamp with time zone not null,
    created_at      timestamp with time zone not null,
    sent_at         timestamp with time zone,
    last_error      varchar(500),
    version         bigint       not null,
    constraint uq_staff_alert_dedup unique (dedup_key)
);
create index ix_staff_alert_due on staff_alert (status, next_attempt_at);
create index ix_staff_alert_recent on staff_alert (request_id, event, recipient, created_at);
