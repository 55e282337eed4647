-- X9: the days a school's admins were mailed its health alerts (module dashboard): at most one mail a day.
create table health_alert_mail (
    school_id  bigint      not null references school (id),
    day        date        not null,
    sent_at    timestamptz not null,
    primary key (school_id, day)
);
