-- The one "running contract" rule (module contract): a contract runs on a day when it has started and not ended before
-- it. Every query that asks which products a school may use joins this function with the day as a parameter: the
-- Amsterdam date of the application's clock, never the database's current_date. Inlined by the planner (a plain SQL
-- function), so it costs nothing over writing the condition out.
create function running_contract(on_day date)
    returns table (contract_id bigint, school_id bigint, product_id bigint)
    language sql stable parallel safe
    as $$ select c.id, c.school_id, c.product_id from contract c
           where c.start_date <= on_day and (c.end_date is null or c.end_date >= on_day) $$;

-- Optimistic locking was JPA's; all writes are set-based SQL now.
alter table app_user drop column version;
