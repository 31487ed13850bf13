-- Feedback collection: one row per case closed as helped. Runs unchanged on H2 (PostgreSQL mode) and PostgreSQL.
-- The row is stored when the case closes, before the engine hears of it: the feedback-collection process is started
-- from it (and started again after an embedded engine's restart) until process_instance_key is set for the engine run.
-- The one-time link's token is never stored: only its SHA-256 hash and expiry. The comment is the person's own words:
-- encrypted at rest (ciphertext of up to 2000 characters) and erased with the person's data.
create table feedback_request (
    id                   uuid         primary key,
    request_id           uuid         not null references help_request (id),
    specialist_id        uuid,
    case_closed_at       timestamp with time zone not null,
    engine_run           varchar(64),
    process_instance_key bigint,
    next_attempt_at      timestamp with time zone,
    attempts             integer      not null,
    asked_at             timestamp with time zone,
    reminded_at          timestamp with time zone,
    token_hash           varchar(64),
    token_expires_at     timestamp with time zone,
    rating               integer,
    comment              varchar(12000),
    answered_at          timestamp with time zone,
    answered_by          varchar(100),
    answer_published_at  timestamp with time zone,
    next_publish_at      timestamp with time zone,
    comment_risk         varchar(16),
    follow_up            varchar(32),
    follow_up_outcome    varchar(64),
    outcome              varchar(32),
    finished_at          timestamp with time zone,
    version              bigint       not null,
    constraint uq_feedback_request_request unique (request_id),
    constraint ck_feedback_rating check (rating is null or (rating between 1 and 5))
);
create index ix_feedback_request_start on feedback_request (finished_at, next_attempt_at);
create index ix_feedback_request_publish on feedback_request (answer_published_at, next_publish_at);
create index ix_feedback_request_asked on feedback_request (asked_at, specialist_id);
