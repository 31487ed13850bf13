-- Reports for process owners (issue 21). Runs unchanged on H2 (PostgreSQL mode) and PostgreSQL.

-- One row of facts per request, kept by the report module from the request's own tables, so that a summary over a
-- year of requests reads one narrow table instead of joining a million history entries. Codes, timestamps and
-- numbers only: no names, handles, texts, stated ages or staff usernames. first-at columns hold when the request
-- first reached that status. language and topic are closed answers, checked against their code lists.
create table report_request (
    -- The row's key, in the order requests were received: the second of intake times 2^20, plus a number from
    -- report_request_key below 2^20 that tells apart requests of the same second. A summary reads a period as one
    -- range of keys; on H2 that is a scan of the table's own rows in key order, measured three times faster than the
    -- same rows found through an index on the day (docs/performance.md).
    row_key                   bigint      primary key,
    request_id                uuid        not null references help_request (id) on delete cascade,
    received_at               timestamp with time zone not null,
    -- The UTC day, ISO week (its Monday) and month (its first day) of received_at: the report's groupings.
    received_day              date        not null,
    received_week             date        not null,
    received_month            date        not null,
    channel                   varchar(32) not null,
    language                  varchar(16),
    topic                     varchar(32),
    age_group                 varchar(16) not null,
    status                    varchar(32) not null,
    risk_level                varchar(16) not null,
    furthest_stage            varchar(16) not null,
    -- The statuses the request has reached, one bit each (bit n: the n-th status of the lifecycle, RECEIVED = 0).
    reached                   integer     not null,
    qualifying_at             timestamp with time zone,
    curator_review_at         timestamp with time zone,
    questionnaire_at          timestamp with time zone,
    awaiting_assignment_at    timestamp with time zone,
    assigned_at               timestamp with time zone,
    in_progress_at            timestamp with time zone,
    feedback_at               timestamp with time zone,
    closed_at                 timestamp with time zone,
    redirected_minor_at       timestamp with time zone,
    rejected_at               timestamp with time zone,
    abandoned_at              timestamp with time zone,
    case_outcome              varchar(16),
    case_closed_at            timestamp with time zone,
    feedback_asked_at         timestamp with time zone,
    feedback_answered_at      timestamp with time zone,
    rating                    integer,
    escalations               integer     not null,
    -- Seconds from intake to the first ASSIGNED, to the case's closure, to the first CLOSED (the summary's waits).
    assigned_after_s          integer,
    case_closed_after_s       integer,
    closed_after_s            integer
);
create unique index ix_report_request_request on report_request (request_id);
create sequence report_request_key;

-- How far the facts are up to date: as_of is when the last refresh started; the next one rebuilds the requests changed
-- since then (less an overlap for transactions that committed late). Null: never refreshed, everything is built. The
-- row is locked while a refresh runs, so replicas take turns.
create table report_refresh (
    id    varchar(32) primary key,
    as_of timestamp with time zone
);
insert into report_refresh (id) values ('requests');

-- What changed since the last refresh, found through these.
create index ix_help_request_updated on help_request (updated_at);
create index ix_questionnaire_answer_answered on questionnaire_answer (answered_at);
create index ix_care_closure_closed on care_closure (closed_at);
create index ix_feedback_request_answered on feedback_request (answered_at);
create index ix_escalation_step on escalation (step_at);
