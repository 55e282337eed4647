package nl.klaspoort.results;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Fresh test data of its own for results tests (never the demo data's, which other tests count): schools with a
 * unique BRIN, professionals with a known password, students, enrollments, contracts, sessions and IP ranges.
 */
public final class ResultsFixture {

    public static final String PASSWORD = "Fixture2026!";

    private final JdbcClient jdbc;
    private final String hash;

    public ResultsFixture(JdbcClient jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.hash = passwords.encode(PASSWORD);
    }

    public long productId(String code) {
        return jdbc.sql("select id from product where code = :code").param("code", code).query(Long.class).single();
    }

    public long school(String name) {
        long id = jdbc.sql("select nextval('school_seq')").query(Long.class).single();
        String brin = "9" + (id % 10) + String.format("%2s", Long.toString((id / 10) % 1296, 36).toUpperCase()).replace(' ', '0');
        jdbc.sql("insert into school (id, brin, branch_code, name) values (:id, :brin, '00', :name)")
                .param("id", id).param("brin", brin).param("name", name).update();
        return id;
    }

    /** A professional with a unique e-mail address (returned) and {@link #PASSWORD}. */
    public String professional(String name) {
        String email = name.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@fixture.klaspoort.nl";
        jdbc.sql("""
                insert into app_user (id, kind, first_name, last_name, email, password_hash)
                values (nextval('app_user_seq'), 'PROFESSIONAL', :name, 'Fixture', :email, :hash)
                """).param("name", name).param("email", email).param("hash", hash).update();
        return email;
    }

    public long userId(String email) {
        return jdbc.sql("select id from app_user where lower(email) = lower(:email)").param("email", email).query(Long.class).single();
    }

    public void grant(long school, String email, String role) {
        long user = userId(email);
        jdbc.sql("insert into school_member (school_id, user_id) values (:school, :user) on conflict do nothing")
                .param("school", school).param("user", user).update();
        jdbc.sql("insert into role_grant (school_id, user_id, role) values (:school, :user, :role)")
                .param("school", school).param("user", user).param("role", role).update();
    }

    public void assign(long school, String email, long product) {
        jdbc.sql("insert into product_assignment (school_id, supervisor_id, product_id) values (:school, :user, :product)")
                .param("school", school).param("user", userId(email)).param("product", product).update();
    }

    public long student(long school, String first, String prefix, String last, int gradeYear, String group) {
        long id = jdbc.sql("""
                        insert into app_user (id, kind, first_name, name_prefix, last_name, username, school_id, grade_year, group_name, password_hash)
                        values (nextval('app_user_seq'), 'STUDENT', :first, :prefix, :last, :username, :school, :grade, :group, :hash) returning id
                        """)
                .param("first", first).param("prefix", prefix).param("last", last)
                .param("username", "fx-" + UUID.randomUUID()).param("school", school).param("grade", gradeYear)
                .param("group", group).param("hash", hash).query(Long.class).single();
        jdbc.sql("insert into school_member (school_id, user_id) values (:school, :user)").param("school", school).param("user", id).update();
        return id;
    }

    public void enroll(long school, long student, long product, String... supervisorEmails) {
        long enrollment = jdbc.sql("""
                        insert into enrollment (id, school_id, student_id, product_id) values (nextval('enrollment_seq'), :school, :student, :product)
                        returning id
                        """).param("school", school).param("student", student).param("product", product).query(Long.class).single();
        for (String email : supervisorEmails) {
            jdbc.sql("insert into enrollment_supervisor (enrollment_id, supervisor_id, school_id) values (:e, :s, :school)")
                    .param("e", enrollment).param("s", userId(email)).param("school", school).update();
        }
    }

    public void contract(long school, long product, LocalDate start, LocalDate end) {
        jdbc.sql("""
                insert into contract (id, school_id, product_id, kind, name, seats, start_date, renewal_date, end_date)
                values (nextval('contract_seq'), :school, :product, 'SCHOOL_WIDE', 'Fixture', 100, :start, :renewal, :end)
                """).param("school", school).param("product", product).param("start", start)
                .param("renewal", start.plusYears(1)).param("end", end).update();
    }

    /** A running contract since a year ago. */
    public void contract(long school, long product) {
        contract(school, product, LocalDate.now().minusYears(1), null);
    }

    public void session(long school, long student, long product, Instant started, int minutes, String location,
                        int lesson, boolean completed, Double score) {
        jdbc.sql("""
                insert into practice_session (id, school_id, student_id, product_id, external_id, started_at, ended_at,
                                              location, lesson_position, completed, test_score)
                values (nextval('practice_session_seq'), :school, :student, :product, :ext, :started, :ended, :location, :lesson, :completed, :score)
                """)
                .param("school", school).param("student", student).param("product", product)
                .param("ext", "fx-" + UUID.randomUUID()).param("started", java.sql.Timestamp.from(started))
                .param("ended", java.sql.Timestamp.from(started.plusSeconds(60L * minutes))).param("location", location)
                .param("lesson", lesson).param("completed", completed).param("score", score).update();
    }

    /** An IP range of the school that was active from {@code from} until {@code until} (null: still active). */
    public void activeRange(long school, String first, String last, Instant from, Instant until) {
        long id = jdbc.sql("""
                        insert into school_ip_range (id, school_id, connection_type, notation, first_address, last_address, active)
                        values (nextval('school_ip_range_seq'), :school, 'OTHER', :first || ' - ' || :last, cast(:first as inet), cast(:last as inet), :active)
                        returning id
                        """).param("school", school).param("first", first).param("last", last).param("active", until == null)
                .query(Long.class).single();
        jdbc.sql("""
                insert into school_ip_range_activity (range_id, school_id, first_address, last_address, active_from, active_until)
                values (:id, :school, cast(:first as inet), cast(:last as inet), :from, :until)
                """).param("id", id).param("school", school).param("first", first).param("last", last)
                .param("from", java.sql.Timestamp.from(from)).param("until", until == null ? null : java.sql.Timestamp.from(until))
                .update();
    }

    public List<String> ids(List<Long> ids) {
        return ids.stream().map(String::valueOf).toList();
    }
}
