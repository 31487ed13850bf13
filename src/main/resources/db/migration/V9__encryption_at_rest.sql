-- Sensitive text is stored encrypted (AES-GCM, "enc:<key id>:<base64>"), which is longer than the
-- plaintext and different every time it is written: contacts are found by a keyed hash instead.
alter table contact add column channel_user_hash varchar(64);
alter table contact alter column channel_user_id set data type varchar(400);
alter table contact alter column display_name set data type varchar(400);
alter table request_event alter column content set data type varchar(11000);
alter table contact drop constraint uq_contact_channel_user;
alter table contact add constraint uq_contact_channel_user_hash unique (channel, channel_user_hash);

-- Erasure keeps the row (statistics refer to it) but not who the person was.
alter table contact add column erased_at timestamp with time zone;
