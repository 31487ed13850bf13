-- Whether a request has an open task (who may read its conversation) is asked on every read: by request, not by
-- scanning all open tasks.
create index ix_user_task_inbox_request on user_task_inbox (request_id, state);
