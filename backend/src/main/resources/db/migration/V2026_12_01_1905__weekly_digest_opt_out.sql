-- X10: supervisors who turned the weekly digest mail off in their profile (module results).
create table weekly_digest_opt_out (
    user_id       bigint      primary key references app_user (id),
    opted_out_at  timestamptz not null
);
