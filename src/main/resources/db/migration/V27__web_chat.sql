-- The web chat (/chat): one session per request, reached with a bearer token that only the person's browser holds.
-- Only the token's SHA-256 is stored, so a copy of the database opens no conversation. The token is valid while the
-- request is open (its status is checked at every call). Runs unchanged on H2 (PostgreSQL mode) and PostgreSQL.
create table chat_session (
    token_hash varchar(64)              primary key,
    request_id uuid                     not null references help_request (id),
    created_at timestamp with time zone not null,
    constraint uq_chat_session_request unique (request_id)
);
