-- The audit log records changes to any kind of target, not only users: target_type says what target_id is, and
-- target_label keeps how the target read when it was changed (an IP range's notation) for targets the log does not
-- join (only users' names are looked up, so a renamed user shows the current name).
alter table audit_event
    add column target_type varchar(20) not null default 'USER',
    add column target_label varchar(200);

-- Events written before: IP range events kept the range in after_state, the demo data's event concerned its school.
update audit_event set target_type = 'IP_RANGE', target_id = (after_state ->> 'ipRangeId')::bigint
 where action like 'IP\_RANGE\_%';
update audit_event set target_type = 'SCHOOL', target_id = school_id where action = 'DEMO_DATA_CREATED';
alter table audit_event alter column target_type drop default;
