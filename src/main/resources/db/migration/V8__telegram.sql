-- Telegram redelivers updates it is not sure we received: each update is handled once.
create table telegram_update (
    update_id   bigint primary key,
    received_at timestamp with time zone not null
);

-- A person who blocked the bot (or otherwise cannot be reached) is not messaged again in a loop.
alter table contact add column unreachable_since timestamp with time zone;
