-- The integrator whose request a message belongs to: its webhook (lifeline.security.integrators[].webhook) delivers
-- the message when one is configured. Null for requests taken in by staff, the public web form or the platform's bot.
alter table outbound_message add column integrator varchar(100);
