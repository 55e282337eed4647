-- Contracts and licences as the manual shows them (4.13, A1-A5; module contract).
--
-- A contract's end_date becomes the day it no longer runs: "Eindigt op [datum]" and "Beëindigd sinds [datum]" name the
-- first day nobody can log in, and ending a contract makes its renewal date (the first day of the next term) its end
-- date. It was the last day it ran: existing end dates move one day on, so every contract keeps the days it runs.
update contract set end_date = end_date + 1 where end_date is not null;

create or replace function running_contract(on_day date)
    returns table (contract_id bigint, school_id bigint, product_id bigint)
    language sql stable parallel safe
    as $$ select c.id, c.school_id, c.product_id from contract c
           where c.start_date <= on_day and (c.end_date is null or on_day < c.end_date) $$;

alter table contract add constraint contract_dates_ck check (end_date is null or end_date > start_date);
alter table contract add constraint contract_renewal_ck check (renewal_date > start_date);

-- A licence is one seat of a contract held by a student. Its end_date is, like a contract's, the first day it no
-- longer counts: today for a licence ended at once (school-wide contracts), the licence's next yearly renewal for a
-- per-student licence whose renewal was stopped. A licence is valid on a day when its contract runs, it has started and
-- not ended: valid_licence(day) is the one definition, joined by the seat counts, the pupils' tiles and the launch.
alter table licence add constraint licence_dates_ck check (end_date is null or end_date >= start_date);
create index licence_user_idx on licence (school_id, user_id);

create function valid_licence(on_day date)
    returns table (licence_id bigint, contract_id bigint, school_id bigint, product_id bigint, user_id bigint)
    language sql stable parallel safe
    as $$ select l.id, c.contract_id, c.school_id, c.product_id, l.user_id
            from running_contract(on_day) c join licence l on l.contract_id = c.contract_id
           where l.start_date <= on_day and (l.end_date is null or on_day < l.end_date) $$;

-- Enrolling takes a licence from now on. Students enrolled before hold one of the oldest running contract of their
-- school for the product (a one-time backfill, so the database's date here; the application never asks it the time).
insert into licence (id, contract_id, school_id, user_id, start_date)
select nextval('licence_seq'), c.id, e.school_id, e.student_id,
       greatest(c.start_date, (e.created_at at time zone 'Europe/Amsterdam')::date)
  from enrollment e
  join lateral (select k.id, k.start_date from contract k
                 where k.school_id = e.school_id and k.product_id = e.product_id
                   and k.start_date <= current_date and (k.end_date is null or current_date < k.end_date)
                 order by k.start_date, k.id limit 1) c on true
on conflict (contract_id, user_id) do nothing;

-- Where a professional opens a product's supervisor environment (D2, "Dashboard" tiles); module product.
alter table product add column supervisor_url varchar(500);
