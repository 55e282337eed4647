package nl.klaspoort.support;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import nl.klaspoort.access.Role;
import nl.klaspoort.platform.Amsterdam;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The one way tests make data of their own (the demo data stays as it is, other tests count it): schools with a
 * unique BRIN, professionals and students who can sign in ({@link Sessions#PROFESSIONAL_PASSWORD},
 * {@link Sessions#STUDENT_PASSWORD}), koppelingen, contracts, sessions and IP ranges, set-based where it counts, plus
 * what tests read back. Tests write straight to the tables: they may set up states the API would refuse (a student
 * imported but not linked, an enrollment without a supervisor).
 *
 * <pre>{@code
 * TestSchool school = fixtures.school().withAdmin().withSupervisors(2).withStudents(1500, 5).create();
 * }</pre>
 */
public final class Fixtures {

    private static final AtomicInteger SCHOOLS = new AtomicInteger();

    /** Licences of each contract {@link SchoolBuilder#withContracts()} makes. */
    public static final int CONTRACT_SEATS = 5_000;

    /** A school made by {@link SchoolBuilder}: its admin and supervisors (when asked for) and the demo products' ids. */
    public record TestSchool(long id, String name, Long admin, String adminEmail, List<Long> supervisors,
            List<Long> students, long leeslab, long spelling, long rekenen) {

        public String schoolId() {
            return Long.toString(id);
        }

        public long supervisorA() {
            return supervisors.get(0);
        }

        public long supervisorB() {
            return supervisors.get(1);
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final String professionalHash;
    private final String studentHash;

    Fixtures(JdbcClient jdbc, PasswordEncoder passwords, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.professionalHash = passwords.encode(Sessions.PROFESSIONAL_PASSWORD);
        this.studentHash = passwords.encode(Sessions.STUDENT_PASSWORD);
    }

    /**
     * Today as the application sees it: the Amsterdam date of its clock. Never {@code LocalDate.now()}, which is the
     * JVM's (UTC) date and lags a day between 23:00 and 00:00 UTC, so a contract "starting tomorrow" would already run.
     */
    public LocalDate today() {
        return Amsterdam.today(clock);
    }

    /** A new school: {@code fixtures.school().withAdmin().withSupervisors(2).create()}. */
    public SchoolBuilder school() {
        return new SchoolBuilder();
    }

    public final class SchoolBuilder {
        private String name;
        private boolean admin;
        private int supervisors;
        private int students;
        private int gradeYear = 5;
        private boolean contracts;

        public SchoolBuilder named(String schoolName) {
            this.name = schoolName;
            return this;
        }

        /** An ADMIN, "Adam Admin". */
        public SchoolBuilder withAdmin() {
            this.admin = true;
            return this;
        }

        /** SUPERVISORs "Bea Begeleider", "Bram Begeleider", … (without products). */
        public SchoolBuilder withSupervisors(int count) {
            this.supervisors = count;
            return this;
        }

        /** Students in the grade year, not linked yet. */
        public SchoolBuilder withStudents(int count, int inGradeYear) {
            this.students = count;
            this.gradeYear = inGradeYear;
            return this;
        }

        /**
         * Running school-wide contracts ({@value #CONTRACT_SEATS} licences, since a year ago) for the three demo
         * products, so that students can be enrolled (A5).
         */
        public SchoolBuilder withContracts() {
            this.contracts = true;
            return this;
        }

        public TestSchool create() {
            int n = SCHOOLS.getAndIncrement();
            String brin = "%02dZ%c".formatted(n % 100, (char) ('A' + n / 100));
            String schoolName = name == null ? "Testschool " + brin : name;
            long id = jdbc.sql("insert into school (id, brin, branch_code, name) values (nextval('school_seq'), :brin, '00', :name) returning id")
                    .param("brin", brin).param("name", schoolName).query(Long.class).single();
            String tag = UUID.randomUUID().toString().substring(0, 8);
            Long adminId = null;
            String adminEmail = null;
            if (admin) {
                adminEmail = "admin." + tag + "@test.klaspoort.nl";
                adminId = professional(id, "Adam", "Admin", adminEmail, Role.ADMIN);
            }
            String[] names = {"Bea", "Bram", "Bas", "Bo", "Britt", "Ben"};
            List<Long> supervisorIds = new ArrayList<>();
            for (int i = 0; i < supervisors; i++) {
                String first = names[i % names.length] + (i < names.length ? "" : Integer.toString(i));
                supervisorIds.add(professional(id, first, "Begeleider", first.toLowerCase() + "." + tag + "@test.klaspoort.nl",
                        Role.SUPERVISOR));
            }
            List<Long> studentIds = students == 0 ? List.of() : students(id, students, gradeYear, false);
            if (contracts) {
                for (String code : List.of("LEESLAB", "SPELLINGSTER", "REKENROUTE")) {
                    contract(id, productId(code), "SCHOOL_WIDE", CONTRACT_SEATS, today().minusYears(1), null);
                }
            }
            return new TestSchool(id, schoolName, adminId, adminEmail, List.copyOf(supervisorIds), studentIds,
                    productId("LEESLAB"), productId("SPELLINGSTER"), productId("REKENROUTE"));
        }
    }

    // ---- people

    /** A professional with the roles at the school, active, who signs in with this e-mail address. */
    public long professional(long school, String first, String last, String email, Role... roles) {
        long id = jdbc.sql("""
                        insert into app_user (id, kind, first_name, last_name, email, password_hash)
                        values (nextval('app_user_seq'), 'PROFESSIONAL', :first, :last, :email, :hash)
                        returning id
                        """)
                .param("first", first).param("last", last).param("email", email.toLowerCase()).param("hash", professionalHash)
                .query(Long.class).single();
        grant(school, id, roles);
        return id;
    }

    /** A professional with a generated e-mail address (see {@link #email}). */
    public long professional(long school, String first, String last, Role... roles) {
        return professional(school, first, last, (first + "." + last + "." + UUID.randomUUID().toString().substring(0, 8)
                + "@test.klaspoort.nl").replace(' ', '-'), roles);
    }

    /** A professional of no school yet (see {@link #grant(long, String, Role...)}); returns the e-mail address. */
    public String professionalLogin(String first) {
        String email = first.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@fixture.klaspoort.nl";
        jdbc.sql("""
                insert into app_user (id, kind, first_name, last_name, email, password_hash)
                values (nextval('app_user_seq'), 'PROFESSIONAL', :first, 'Fixture', :email, :hash)
                """).param("first", first).param("email", email).param("hash", professionalHash).update();
        return email;
    }

    /** Membership of the school with these roles (kept when there already). */
    public void grant(long school, long user, Role... roles) {
        jdbc.sql("insert into school_member (school_id, user_id) values (:school, :user) on conflict do nothing")
                .param("school", school).param("user", user).update();
        if (roles.length > 0) {
            jdbc.sql("""
                            insert into role_grant (school_id, user_id, role) select :school, :user, r from unnest(:roles::text[]) as r
                            on conflict do nothing
                            """)
                    .param("school", school).param("user", user)
                    .param("roles", Arrays.stream(roles).map(Role::name).toArray(String[]::new)).update();
        }
    }

    public void grant(long school, String login, Role... roles) {
        grant(school, userId(login), roles);
    }

    /** A student of the school, who signs in with {@link Sessions#STUDENT_PASSWORD}; not linked yet. */
    public long student(long school, String first, String prefix, String last, int gradeYear, String group) {
        long id = jdbc.sql("""
                        insert into app_user (id, kind, first_name, name_prefix, last_name, username, school_id, grade_year,
                                              group_name, password_hash)
                        values (nextval('app_user_seq'), 'STUDENT', :first, :prefix, :last, :username, :school, :grade, :group, :hash)
                        returning id
                        """)
                .param("first", first).param("prefix", prefix).param("last", last)
                .param("username", "t-" + UUID.randomUUID()).param("school", school).param("grade", gradeYear)
                .param("group", group).param("hash", studentHash).query(Long.class).single();
        grant(school, id);
        return id;
    }

    public long student(TestSchool school, int gradeYear) {
        return students(school.id(), 1, gradeYear, false).getFirst();
    }

    public List<Long> students(TestSchool school, int count, int gradeYear, boolean archived) {
        return students(school.id(), count, gradeYear, archived);
    }

    /** {@code count} students "Test Leerling n" in the gradeYear (archived when asked), in two statements; by id. */
    public List<Long> students(long school, int count, int gradeYear, boolean archived) {
        String tag = "t" + UUID.randomUUID().toString().substring(0, 8) + ".";
        return jdbc.sql("""
                        with u as (
                          insert into app_user (id, kind, first_name, last_name, username, school_id, grade_year, password_hash)
                          select nextval('app_user_seq'), 'STUDENT', 'Test', 'Leerling ' || g, :tag || g, :school, :grade, :hash
                            from generate_series(1, :count) as g
                          returning id)
                        insert into school_member (school_id, user_id, archived_at)
                        select :school, id, case when :archived then now() end from u
                        returning user_id
                        """)
                .param("tag", tag).param("school", school).param("grade", gradeYear).param("count", count)
                .param("archived", archived).param("hash", studentHash)
                .query(Long.class).list().stream().sorted().toList();
    }

    public void archive(long school, long user) {
        jdbc.sql("update school_member set archived_at = now() where school_id = :school and user_id = :user")
                .param("school", school).param("user", user).update();
    }

    // ---- koppelingen, contracts, results

    /** The supervisor works with the products at the school. */
    public void assign(long school, long supervisor, long... products) {
        for (long product : products) {
            jdbc.sql("insert into product_assignment (school_id, supervisor_id, product_id) values (:school, :s, :p) on conflict do nothing")
                    .param("school", school).param("s", supervisor).param("p", product).update();
        }
    }

    public void assign(long school, String supervisorLogin, long product) {
        assign(school, userId(supervisorLogin), product);
    }

    /** Links the student to the product with these supervisors (none: an enrollment without supervisor). */
    public void enroll(long school, long student, long product, long... supervisors) {
        long enrollment = jdbc.sql("""
                        insert into enrollment (id, school_id, student_id, product_id) values (nextval('enrollment_seq'), :school, :student, :product)
                        returning id
                        """)
                .param("school", school).param("student", student).param("product", product).query(Long.class).single();
        for (long supervisor : supervisors) {
            jdbc.sql("insert into enrollment_supervisor (enrollment_id, supervisor_id, school_id) values (:e, :s, :school)")
                    .param("e", enrollment).param("s", supervisor).param("school", school).update();
        }
    }

    public void enroll(TestSchool school, long student, long product, long... supervisors) {
        enroll(school.id(), student, product, supervisors);
        for (long supervisor : supervisors) {
            assign(school.id(), supervisor, product);
        }
    }

    /** As {@link #enroll(long, long, long, long...)} with the supervisors' e-mail addresses. */
    public void enrollWith(long school, long student, long product, String... supervisorLogins) {
        enroll(school, student, product, Arrays.stream(supervisorLogins).mapToLong(this::userId).toArray());
    }

    public void contract(long school, long product, LocalDate start, LocalDate end) {
        contract(school, product, "SCHOOL_WIDE", 100, start, end);
    }

    /**
     * A contract ({@code kind} SCHOOL_WIDE or PER_STUDENT) with {@code seats} licences; {@code end} the first day it no
     * longer runs, null when it renews. Returns its id.
     */
    public long contract(long school, long product, String kind, int seats, LocalDate start, LocalDate end) {
        return jdbc.sql("""
                        insert into contract (id, school_id, product_id, kind, name, seats, start_date, renewal_date, end_date)
                        values (nextval('contract_seq'), :school, :product, :kind, :name, :seats, :start, :renewal, :end)
                        returning id
                        """).param("school", school).param("product", product).param("kind", kind)
                .param("name", "Fixture " + kind.toLowerCase() + " " + seats).param("seats", seats).param("start", start)
                .param("renewal", start.plusYears(1)).param("end", end).query(Long.class).single();
    }

    /** A running contract since a year ago. */
    public void contract(long school, long product) {
        contract(school, product, today().minusYears(1), null);
    }

    /** A licence of the contract for the student, from {@code start}, ending on {@code end} (null: no end). Returns its id. */
    public long licence(long contract, long student, LocalDate start, LocalDate end) {
        return jdbc.sql("""
                        insert into licence (id, contract_id, school_id, user_id, start_date, end_date)
                        select nextval('licence_seq'), c.id, c.school_id, :student, :start, :end from contract c where c.id = :contract
                        returning id
                        """).param("contract", contract).param("student", student).param("start", start).param("end", end)
                .query(Long.class).single();
    }

    /** Licences of the contract for all the students, from {@code start}, in one statement. */
    public void licences(long contract, List<Long> students, LocalDate start) {
        jdbc.sql("""
                        insert into licence (id, contract_id, school_id, user_id, start_date)
                        select nextval('licence_seq'), c.id, c.school_id, s, :start from contract c, unnest(:students::bigint[]) as s
                         where c.id = :contract
                        """).param("contract", contract).param("students", students.toArray(Long[]::new)).param("start", start)
                .update();
    }

    /** The end dates of the student's licences at the school by product code ("CODE:date" or "CODE:-"), sorted. */
    public List<String> licenceEnds(long school, long student) {
        return jdbc.sql("""
                        select p.code || ':' || coalesce(l.end_date::text, '-')
                          from licence l join contract c on c.id = l.contract_id join product p on p.id = c.product_id
                         where l.school_id = :school and l.user_id = :student order by 1
                        """).param("school", school).param("student", student).query(String.class).list();
    }

    public void session(long school, long student, long product, Instant started, int minutes, String location,
            int lesson, boolean completed, Double score) {
        jdbc.sql("""
                insert into practice_session (id, school_id, student_id, product_id, external_id, started_at, ended_at,
                                              location, lesson_position, completed, test_score)
                values (nextval('practice_session_seq'), :school, :student, :product, :ext, :started, :ended, :location, :lesson, :completed, :score)
                """)
                .param("school", school).param("student", student).param("product", product)
                .param("ext", "fx-" + UUID.randomUUID()).param("started", Timestamp.from(started))
                .param("ended", Timestamp.from(started.plusSeconds(60L * minutes))).param("location", location)
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
                .param("from", Timestamp.from(from)).param("until", until == null ? null : Timestamp.from(until))
                .update();
    }

    // ---- lookups

    public long productId(String code) {
        return jdbc.sql("select id from product where code = :code").param("code", code).query(Long.class).single();
    }

    /** The main location of a BRIN (the demo schools: 12AB, 34CD). */
    public long schoolId(String brin) {
        return jdbc.sql("select id from school where brin = :brin and branch_code = '00'").param("brin", brin).query(Long.class).single();
    }

    /** A user by e-mail address or username. */
    public long userId(String login) {
        return jdbc.sql("select id from app_user where lower(email) = lower(:login) or lower(username) = lower(:login)")
                .param("login", login).query(Long.class).single();
    }

    public String email(long user) {
        return jdbc.sql("select email from app_user where id = :id").param("id", user).query(String.class).single();
    }

    public String username(long user) {
        return jdbc.sql("select username from app_user where id = :id").param("id", user).query(String.class).single();
    }

    // ---- reading the effects back

    public boolean archived(long school, long user) {
        return jdbc.sql("select archived_at is not null from school_member where school_id = :school and user_id = :user")
                .param("school", school).param("user", user).query(Boolean.class).single();
    }

    public List<String> roles(long school, long user) {
        return jdbc.sql("select role from role_grant where school_id = :school and user_id = :user order by role")
                .param("school", school).param("user", user).query(String.class).list();
    }

    public List<Long> assignedProducts(long school, long supervisor) {
        return jdbc.sql("select product_id from product_assignment where school_id = :school and supervisor_id = :s order by 1")
                .param("school", school).param("s", supervisor).query(Long.class).list();
    }

    /** The student's links as "product:supervisor" texts, sorted. */
    public List<String> links(long student) {
        return jdbc.sql("""
                        select e.product_id || ':' || coalesce(es.supervisor_id::text, '-')
                          from enrollment e
                          left join enrollment_supervisor es on es.enrollment_id = e.id
                         where e.student_id = :student order by 1
                        """)
                .param("student", student).query(String.class).list();
    }

    public int gradeYear(long student) {
        return jdbc.sql("select grade_year from app_user where id = :id").param("id", student).query(Integer.class).single();
    }

    /** A fingerprint of everything administrative at the school, to assert that nothing changed. */
    public String state(long school) {
        return jdbc.sql("""
                        select concat_ws('|',
                          (select string_agg(user_id || ':' || coalesce(archived_at::text, '-'), ',' order by user_id) from school_member where school_id = :s),
                          (select string_agg(user_id || role, ',' order by user_id, role) from role_grant where school_id = :s),
                          (select string_agg(supervisor_id || ':' || product_id, ',' order by supervisor_id, product_id) from product_assignment where school_id = :s),
                          (select string_agg(e.student_id || ':' || e.product_id || ':' || coalesce(es.supervisor_id::text, '-'), ',' order by e.student_id, e.product_id, es.supervisor_id)
                             from enrollment e left join enrollment_supervisor es on es.enrollment_id = e.id where e.school_id = :s),
                          (select string_agg(id || ':' || grade_year || ':' || first_name || last_name || coalesce(username, '') || coalesce(email, '')
                                             || coalesce(password_hash, ''), ',' order by id)
                             from app_user where school_id = :s or id in (select user_id from school_member where school_id = :s)),
                          (select count(*) from audit_event where school_id = :s))
                        """)
                .param("s", school).query(String.class).single();
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {
        @Bean
        Fixtures fixtures(JdbcClient jdbc, PasswordEncoder passwords, Clock clock) {
            return new Fixtures(jdbc, passwords, clock);
        }
    }
}
