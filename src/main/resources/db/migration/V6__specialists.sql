-- Specialist assignment: the registry of specialists, their capacity bookkeeping and the queue of
-- requests waiting for one. Runs unchanged on H2 (PostgreSQL mode) and PostgreSQL.

-- active_cases counts the rows of specialist_assignment in status ACTIVE; it is changed only by
-- conditional UPDATEs (never above max_cases), so matching can filter on it without counting.
create table specialist (
    id               uuid         primary key,
    name             varchar(200) not null,
    username         varchar(100),
    time_zone        varchar(64)  not null,
    max_cases        integer      not null,
    active_cases     integer      not null,
    active           boolean      not null,
    last_assigned_at timestamp with time zone,
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null,
    version          bigint       not null,
    constraint uq_specialist_username unique (username),
    constraint ck_specialist_capacity check (max_cases > 0 and active_cases >= 0)
);
create index ix_specialist_time_zone on specialist (time_zone);

create table specialist_language (
    specialist_id uuid        not null references specialist (id) on delete cascade,
    language      varchar(16) not null,
    primary key (specialist_id, language)
);
-- Matching starts from the requested language.
create index ix_specialist_language on specialist_language (language, specialist_id);

create table specialist_topic (
    specialist_id uuid        not null references specialist (id) on delete cascade,
    topic         varchar(32) not null,
    primary key (specialist_id, topic)
);
create index ix_specialist_topic on specialist_topic (topic, specialist_id);

create table specialist_age_group (
    specialist_id uuid        not null references specialist (id) on delete cascade,
    age_group     varchar(16) not null,
    primary key (specialist_id, age_group)
);

-- Weekly shifts in the specialist's time zone: weekday 1 (Monday) to 7, minutes of the day
-- [start_minute, end_minute). A shift over midnight is stored as two rows.
create table specialist_shift (
    specialist_id uuid    not null references specialist (id) on delete cascade,
    weekday       integer not null,
    start_minute  integer not null,
    end_minute    integer not null,
    primary key (specialist_id, weekday, start_minute),
    constraint ck_specialist_shift check (weekday between 1 and 7 and start_minute >= 0
                                          and end_minute <= 1440 and start_minute < end_minute)
);

-- One row per (specialist, request) ever reserved: makes reserve/release idempotent.
create table specialist_assignment (
    specialist_id uuid        not null references specialist (id),
    request_id    uuid        not null references help_request (id),
    status        varchar(16) not null,
    reserved_at   timestamp with time zone not null,
    released_at   timestamp with time zone,
    primary key (specialist_id, request_id)
);
create index ix_specialist_assignment_request on specialist_assignment (request_id);

-- Requests waiting for a specialist; served by risk first (risk_priority: 0 NONE .. 3 HIGH), then
-- by how long they have waited.
create table waiting_request (
    request_id    uuid        primary key references help_request (id),
    risk_level    varchar(16) not null,
    risk_priority integer     not null,
    language      varchar(16) not null,
    topic         varchar(32),
    age_group     varchar(16),
    waiting_since timestamp with time zone not null
);
create index ix_waiting_request_order on waiting_request (risk_priority desc, waiting_since, request_id);
