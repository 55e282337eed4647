-- User administration (chapter 4 of the manual): activation of new professionals, undo of audited batches.
--
-- Archive is a state on school_member: archiving keeps a user's roles, product assignments and enrollments in place,
-- so dearchiving brings exactly those links back. Readers of "active" links filter on school_member.archived_at.

-- A professional created by an admin has no password yet: they choose one through the activation e-mail.
alter table app_user add column activation_token varchar(64);
alter table app_user add column activation_requested_at timestamptz;
create unique index app_user_activation_token_uq on app_user (activation_token) where activation_token is not null;

-- The batch an undo event reverses, so a batch is undone at most once.
alter table audit_event add column undoes_batch_id uuid;
create index audit_event_undoes_idx on audit_event (undoes_batch_id) where undoes_batch_id is not null;
-- "which later events touched these users" for the undo conflict check and the audit filter on actor.
create index audit_event_target_idx on audit_event (school_id, target_id, id);
create index audit_event_actor_idx on audit_event (school_id, actor_id, id);
