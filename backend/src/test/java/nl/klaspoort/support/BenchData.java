package nl.klaspoort.support;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The benchmarks' data set, seeded set-based with {@code generate_series} next to the demo schools: 50 schools, one
 * of them ("Benchschool Groot") with 1,500 students each enrolled in all 3 products and followed by one supervisor
 * ({@link #SUPERVISOR}), ≈ 300k practice sessions there over 12 weeks, an admin of that school ({@link #ADMIN}), and
 * 30 students with 20 sessions each in every other school.
 */
public final class BenchData {

    public static final String SUPERVISOR = "bench.begeleider@bench.klaspoort.nl";
    public static final String ADMIN = "bench.beheerder@bench.klaspoort.nl";

    private BenchData() {}

    /** Seeds the data set (once per database) and analyzes; both users sign in with {@code passwordHash}'s password. */
    public static void seed(JdbcClient jdbc, TransactionTemplate tx, String passwordHash) {
        tx.executeWithoutResult(status -> {
            // seeding 300k sessions takes longer than the application's limit for one statement
            jdbc.sql("set local statement_timeout = 0").update();
            jdbc.sql("""
                    insert into school (id, brin, branch_code, name)
                    select nextval('school_seq'), '8' || (g % 10) || 'B' || chr(65 + g / 10), '00',
                           case when g = 0 then 'Benchschool Groot' else 'Benchschool ' || g end
                      from generate_series(0, 49) g
                    """).update();
            jdbc.sql("""
                    insert into app_user (id, kind, first_name, last_name, username, school_id, grade_year, group_name)
                    select nextval('app_user_seq'), 'STUDENT',
                           (array['Sanne','Daan','Emma','Sem','Julia','Lucas','Tess','Finn','Noor','Milan'])[1 + g % 10],
                           'Achternaam' || lpad(((g * 7919) % 100000)::text, 5, '0'),
                           'bench-' || s.id || '-' || g, s.id, 3 + g % 6, (3 + g % 6) || chr(65 + g % 3)
                      from school s cross join generate_series(1, case when s.name = 'Benchschool Groot' then 1500 else 30 end) g
                     where s.name like 'Benchschool%'
                    """).update();
            jdbc.sql("insert into school_member (school_id, user_id) select school_id, id from app_user where username like 'bench-%'").update();
            jdbc.sql("""
                    insert into contract (id, school_id, product_id, kind, name, seats, start_date, renewal_date)
                    select nextval('contract_seq'), s.id, p.id, 'SCHOOL_WIDE', 'Bench', 2000, current_date - 100, current_date + 265
                      from school s join product p on p.code = 'LEESLAB' or s.name = 'Benchschool Groot'
                     where s.name like 'Benchschool%'
                    """).update();
            jdbc.sql("""
                    insert into enrollment (id, school_id, student_id, product_id)
                    select nextval('enrollment_seq'), u.school_id, u.id, p.id
                      from app_user u join school s on s.id = u.school_id
                      join product p on p.code = 'LEESLAB' or s.name = 'Benchschool Groot'
                     where u.username like 'bench-%'
                    """).update();
            jdbc.sql("""
                    insert into app_user (id, kind, first_name, last_name, email, password_hash)
                    values (nextval('app_user_seq'), 'PROFESSIONAL', 'Bench', 'Begeleider', :email, :hash)
                    """).param("email", SUPERVISOR).param("hash", passwordHash).update();
            jdbc.sql("""
                    with sup as (select id from app_user where email = :email), big as (select id from school where name = 'Benchschool Groot'),
                         member as (insert into school_member (school_id, user_id) select big.id, sup.id from big, sup),
                         role as (insert into role_grant (school_id, user_id, role) select big.id, sup.id, 'SUPERVISOR' from big, sup),
                         assigned as (insert into product_assignment (school_id, supervisor_id, product_id)
                                      select big.id, sup.id, p.id from big, sup, product p)
                    insert into enrollment_supervisor (enrollment_id, supervisor_id, school_id)
                    select e.id, sup.id, e.school_id from enrollment e, sup, big where e.school_id = big.id
                    """).param("email", SUPERVISOR).update();
            jdbc.sql("""
                    insert into practice_session (id, school_id, student_id, product_id, external_id, started_at, ended_at,
                                                  location, lesson_position, completed, test_score)
                    select nextval('practice_session_seq'), e.school_id, e.student_id, e.product_id, 'bench-' || e.id || '-' || g,
                           t.started, t.started + make_interval(mins => 5 + ((e.id / 50 + g) % 25)::int),
                           case when (e.id / 50 + g) % 3 = 0 then 'HOME' else 'SCHOOL' end,
                           least(1 + g / 2, 30), (e.id / 50 + g) % 5 <> 0, null
                      from enrollment e join school s on s.id = e.school_id and s.name like 'Benchschool%'
                     cross join generate_series(1, case when s.name = 'Benchschool Groot' then 67 else 20 end) g
                     cross join lateral (select now() - interval '84 days' + g * interval '30 hours'
                                                + ((e.id / 50) % 97) * interval '7 minutes' as started) t
                    """).update();
            jdbc.sql("""
                    with r as (insert into school_ip_range (id, school_id, connection_type, notation, first_address, last_address, active)
                               select nextval('school_ip_range_seq'), id, 'FIBER', '192.0.2.0/24', '192.0.2.0', '192.0.2.255', true
                                 from school where name = 'Benchschool Groot' returning id, school_id, first_address, last_address)
                    insert into school_ip_range_activity (range_id, school_id, first_address, last_address, active_from)
                    select id, school_id, first_address, last_address, now() - interval '1 year' from r
                    """).update();
            jdbc.sql("""
                    with a as (insert into app_user (id, kind, first_name, last_name, email, password_hash)
                               values (nextval('app_user_seq'), 'PROFESSIONAL', 'Bench', 'Beheerder', :email, :hash) returning id),
                         big as (select id from school where name = 'Benchschool Groot'),
                         member as (insert into school_member (school_id, user_id) select big.id, a.id from big, a)
                    insert into role_grant (school_id, user_id, role) select big.id, a.id, 'ADMIN' from big, a
                    """).param("email", ADMIN).param("hash", passwordHash).update();
        });
        tx.executeWithoutResult(status -> {
            jdbc.sql("set local statement_timeout = 0").update();
            jdbc.sql("analyze").update();
        });
    }
}
