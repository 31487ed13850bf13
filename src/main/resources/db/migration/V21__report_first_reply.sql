-- Reports: the time from intake to the first reply a person got from the staff (the case conversation, V15).
alter table report_request add column first_reply_at timestamp with time zone;
alter table report_request add column first_reply_after_s integer;
-- Replies written since the last refresh are found through this.
create index ix_conversation_message_kind_at on conversation_message (kind, at);
-- Rebuild every row once, so requests answered before this version get their first reply too.
update report_refresh set as_of = null;
