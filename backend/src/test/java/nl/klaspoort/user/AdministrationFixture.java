package nl.klaspoort.user;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import nl.klaspoort.support.Sessions;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Fresh schools for the administration tests, so that they change nothing the demo data's tests rely on: an admin, two
 * supervisors, products of the catalogue, and students made in one statement. Professionals sign in with
 * {@link Sessions#PROFESSIONAL_PASSWORD}, students with {@link Sessions#STUDENT_PASSWORD}.
 */
public final class AdministrationFixture {

    private static final AtomicInteger SCHOOLS = new AtomicInteger();

    /** A school with its admin, supervisors (no products yet) and the ids of the three demo products. */
    public record TestSchool(long id, long admin, String adminEmail, long supervisorA, long supervisorB, long leeslab,
            long spelling, long rekenen) {
        public String schoolId() {
            return Long.toString(id);
        }
    }

    private final JdbcClient jdbc;

    public AdministrationFixture(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public TestSchool school() {
        int n = SCHOOLS.getAndIncrement();
        String brin = "%02dZ%c".formatted(n % 100, (char) ('A' + n / 100));
        long school = jdbc.sql("insert into school (id, brin, branch_code, name) values (nextval('school_seq'), :brin, '00', :name) returning id")
                .param("brin", brin).param("name", "Testschool " + brin).query(Long.class).single();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String adminEmail = "admin." + tag + "@test.klaspoort.nl";
        long admin = professional(school, "Adam", "Admin", adminEmail, "ADMIN");
        long supervisorA = professional(school, "Bea", "Begeleider", "bea." + tag + "@test.klaspoort.nl", "SUPERVISOR");
        long supervisorB = professional(school, "Bram", "Begeleider", "bram." + tag + "@test.klaspoort.nl", "SUPERVISOR");
        Map<String, Long> products = jdbc.sql("select code, id from product").query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return new TestSchool(school, admin, adminEmail, supervisorA, supervisorB, products.get("LEESLAB"),
                products.get("SPELLINGSTER"), products.get("REKENROUTE"));
    }

    /** A professional with the roles at the school, active, who can sign in. */
    public long professional(long school, String first, String last, String email, String... roles) {
        long id = jdbc.sql("""
                        insert into app_user (id, kind, first_name, last_name, email, password_hash)
                        values (nextval('app_user_seq'), 'PROFESSIONAL', :first, :last, :email,
                                (select password_hash from app_user where email = :demo))
                        returning id
                        """)
                .param("first", first).param("last", last).param("email", email).param("demo", Sessions.ADMIN_REGENBOOG)
                .query(Long.class).single();
        jdbc.sql("insert into school_member (school_id, user_id) values (:school, :user)").param("school", school).param("user", id).update();
        for (String role : roles) {
            jdbc.sql("insert into role_grant (school_id, user_id, role) values (:school, :user, :role)")
                    .param("school", school).param("user", id).param("role", role).update();
        }
        return id;
    }

    /** {@code count} students in the gradeYear, without links (archived when asked), in two statements. */
    public List<Long> students(TestSchool school, int count, int gradeYear, boolean archived) {
        String tag = "t" + UUID.randomUUID().toString().substring(0, 8) + ".";
        return jdbc.sql("""
                        with u as (
                          insert into app_user (id, kind, first_name, last_name, username, school_id, grade_year, password_hash)
                          select nextval('app_user_seq'), 'STUDENT', 'Test', 'Leerling ' || g, :tag || g, :school, :grade,
                                 (select password_hash from app_user where username = :demo)
                            from generate_series(1, :count) as g
                          returning id)
                        insert into school_member (school_id, user_id, archived_at)
                        select :school, id, case when :archived then now() end from u
                        returning user_id
                        """)
                .param("tag", tag).param("school", school.id()).param("grade", gradeYear).param("count", count)
                .param("archived", archived).param("demo", Sessions.STUDENT_REGENBOOG)
                .query(Long.class).list().stream().sorted().toList();
    }

    public long student(TestSchool school, int gradeYear) {
        return students(school, 1, gradeYear, false).getFirst();
    }

    /** Links the student to the product with the supervisors (and assigns the product to them), directly in SQL. */
    public void enroll(TestSchool school, long student, long product, long... supervisors) {
        long enrollment = jdbc.sql("""
                        insert into enrollment (id, school_id, student_id, product_id) values (nextval('enrollment_seq'), :school, :student, :product)
                        returning id
                        """)
                .param("school", school.id()).param("student", student).param("product", product).query(Long.class).single();
        for (long supervisor : supervisors) {
            jdbc.sql("insert into product_assignment (school_id, supervisor_id, product_id) values (:school, :s, :p) on conflict do nothing")
                    .param("school", school.id()).param("s", supervisor).param("p", product).update();
            jdbc.sql("insert into enrollment_supervisor (enrollment_id, supervisor_id, school_id) values (:e, :s, :school)")
                    .param("e", enrollment).param("s", supervisor).param("school", school.id()).update();
        }
    }

    // --- reading the effects back

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
                        select e.product_id || ':' || coalesce(es.supervisor_id::text, '-') from enrollment e
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
                          (select string_agg(supervisor_id || ':' || product_id, ',' order by 1) from product_assignment where school_id = :s),
                          (select string_agg(e.student_id || ':' || e.product_id || ':' || coalesce(es.supervisor_id::text, '-'), ',' order by 1)
                             from enrollment e left join enrollment_supervisor es on es.enrollment_id = e.id where e.school_id = :s),
                          (select string_agg(id || ':' || grade_year || ':' || first_name || last_name || coalesce(username, '') || coalesce(email, '')
                                             || coalesce(password_hash, ''), ',' order by id)
                             from app_user where school_id = :s or id in (select user_id from school_member where school_id = :s)),
                          (select count(*) from audit_event where school_id = :s))
                        """)
                .param("s", school).query(String.class).single();
    }

    // --- GraphQL helpers

    public static GraphQlTester.Response run(HttpGraphQlTester tester, String document, Map<String, Object> input) {
        return tester.documentName(document).variable("input", input).execute();
    }

    /** The result statuses of a bulk payload at {@code path}, as "id:STATUS[:CODE]". */
    public static List<String> statuses(GraphQlTester.Response response, String field) {
        List<Map<String, Object>> results = response.path(field + ".results")
                .entity(new ParameterizedTypeReference<List<Map<String, Object>>>() {}).get();
        return results.stream().map(r -> r.get("userId") + ":" + r.get("status")
                + (r.get("error") instanceof Map<?, ?> e ? ":" + e.get("code") : "")).toList();
    }

    public static List<String> errorCodes(GraphQlTester.Response response, String field) {
        return response.path(field + ".errors[*].code").entityList(String.class).get();
    }

    public static List<String> ids(long... ids) {
        return Arrays.stream(ids).mapToObj(Long::toString).toList();
    }

    public static List<String> ids(List<Long> ids) {
        return ids.stream().map(String::valueOf).toList();
    }
}
