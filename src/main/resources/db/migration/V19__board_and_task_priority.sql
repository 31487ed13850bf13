-- The curators' board and task priorities (issue 17). Runs unchanged on H2 (PostgreSQL mode) and PostgreSQL.

-- When the request entered its current status: the board's "waiting since". Kept by the application with every status
-- change; existing requests take it from their history (the last status change), or their intake time. A row written
-- by other means than the application gets the time it was written.
alter table help_request add column status_changed_at timestamp with time zone default current_timestamp;
update help_request set status_changed_at = coalesce(
    (select max(e.at) from request_event e where e.request_id = help_request.id and e.type = 'STATUS_CHANGED'),
    created_at);
alter table help_request alter column status_changed_at set not null;
-- The board reads open statuses (optionally one risk level), longest waiting first.
create index ix_help_request_board on help_request (status, risk_level, status_changed_at);

-- Embedded inbox: a task's priority (0-100, Camunda's scale; 50 when the model sets none) and due date, from the
-- model's zeebe:priorityDefinition and zeebe:taskSchedule, so the most urgent task comes first. form_variables: the
-- process variables the task's form shows (e.g. the specialists a curator may choose from), as JSON; ids, codes and
-- staff names only, like every process variable.
alter table user_task_inbox add column priority integer default 50 not null;
alter table user_task_inbox add column due_date timestamp with time zone;
alter table user_task_inbox add column form_variables varchar(8000);
create index ix_user_task_inbox_priority on user_task_inbox (state, priority desc, created_at);
