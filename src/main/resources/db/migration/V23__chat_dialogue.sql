-- The platform's side of a chat dialogue with a person (the Telegram bot; the web chat next), per request: what was
-- asked and said last, so that every message gets one fitting answer whichever replica takes it. Question ids, a
-- status and a flag only, never the person's words. Runs unchanged on H2 (PostgreSQL mode) and PostgreSQL.
create table chat_dialogue (
    request_id           uuid        primary key references help_request (id),
    -- The question shown last; a question is shown once unless the person asks where they were.
    asked_question       varchar(64),
    -- The question offered again after words that answer no question; offered again once.
    offered_again        varchar(64),
    -- A message with a risk signal paused the questionnaire: nothing is asked until the person writes again.
    paused               boolean     not null,
    -- The status whose notice ("a curator is looking at your request") was given; cleared by every status change.
    noticed_stage        varchar(32),
    -- An answer stored but not passed on to the workflow engine (unreachable then): passed on with the next message.
    unannounced_question varchar(64),
    version              bigint      not null
);
