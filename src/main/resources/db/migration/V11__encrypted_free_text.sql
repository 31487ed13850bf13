-- Encrypted values are longer than the plaintext (base64 of UTF-8 plus nonce and tag).
alter table questionnaire_answer alter column answer set data type varchar(12000);
alter table request_event alter column content set data type varchar(64000);
alter table user_task_note alter column content set data type varchar(12000);
