-- Emergency escalation: risk signals, escalations, and the history fields that show them.
-- Runs unchanged on H2 (PostgreSQL mode) and PostgreSQL.

-- History entries of type RISK_SIGNAL and ESCALATION: step (escalation step or signal source), level, and codes
-- (lexicon entry ids, reason/outcome codes, staff usernames). Never a person's text.
alter table request_event add column step varchar(64);
alter table request_event add column level varchar(16);
alter table request_event add column detail varchar(500);

-- Set when a supervisor lets a request continue after an escalation: assignment serves it first.
alter table help_request add column priority boolean default false not null;

-- Every risk signal, stored in the transaction that found it. Signals of level MEDIUM or HIGH are published to the
-- engine as message RiskDetected (message id = signal id) until published_at is set: an unreachable engine delays
-- an escalation, it never loses one. LOW signals are for review and are never published.
create table escalation_signal (
    id              uuid         primary key,
    request_id      uuid         not null references help_request (id),
    source          varchar(32)  not null,
    level           varchar(16)  not null,
    codes           varchar(500) not null,
    actor           varchar(100) not null,
    created_at      timestamp with time zone not null,
    next_attempt_at timestamp with time zone,
    attempts        integer      not null,
    published_at    timestamp with time zone
);
create index ix_escalation_signal_due on escalation_signal (published_at, next_attempt_at);
create index ix_escalation_signal_request on escalation_signal (request_id, created_at);

-- One row per risk-escalation process instance: what the console lists as an escalation.
create table escalation (
    id                   uuid         primary key,
    request_id           uuid         not null references help_request (id),
    engine_run           varchar(64)  not null,
    process_instance_key bigint       not null,
    level                varchar(16)  not null,
    source               varchar(32)  not null,
    opened_at            timestamp with time zone not null,
    step                 varchar(64)  not null,
    step_at              timestamp with time zone not null,
    on_duty_notified_at  timestamp with time zone,
    backup_notified_at   timestamp with time zone,
    all_alerted_at       timestamp with time zone,
    outcome              varchar(64),
    decision             varchar(16),
    closed_at            timestamp with time zone,
    version              bigint       not null,
    constraint uq_escalation_instance unique (engine_run, process_instance_key)
);
create index ix_escalation_open on escalation (closed_at, opened_at);
create index ix_escalation_request on escalation (request_id);
