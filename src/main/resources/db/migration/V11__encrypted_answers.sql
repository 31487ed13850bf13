-- Questionnaire answers are stored encrypted (longer than the plaintext).
alter table questionnaire_answer alter column answer set data type varchar(12000);
