-- Each request remembers the integrator that brought it (null: taken in by staff, the anonymous web form or the
-- Telegram bot); an integrator reads and writes only its own. Idempotency keys are scoped per caller, so the same key
-- from two integrators makes two requests. Runs unchanged on H2 (PostgreSQL mode) and PostgreSQL.
alter table help_request add column integrator varchar(100);
alter table help_request add column idempotency_scope varchar(100);

-- Before this version every API key was the one principal 'integrator': its requests stay with an integrator of that
-- name (name your single integrator 'integrator' to keep serving them). The scope of an earlier key is whoever
-- submitted the request (the actor of its first history entry).
update help_request set integrator = 'integrator'
where exists (select 1 from request_event e
              where e.id = (select min(first_event.id) from request_event first_event
                            where first_event.request_id = help_request.id)
                and e.actor = 'integrator');
update help_request set idempotency_scope =
    (select e.actor from request_event e
     where e.id = (select min(first_event.id) from request_event first_event
                   where first_event.request_id = help_request.id))
where idempotency_key is not null;

alter table help_request drop constraint uq_help_request_idempotency_key;
alter table help_request add constraint uq_help_request_idempotency unique (idempotency_scope, idempotency_key);
create index ix_help_request_integrator_contact on help_request (integrator, contact_id);
