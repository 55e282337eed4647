package nl.klaspoort.user;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Ids from the demo data, and schools of their own for tests that change data (the demo data stays as it is). */
final class UsersTestData {

    private UsersTestData() {}

    static String schoolId(JdbcClient jdbc, String brin) {
        return jdbc.sql("select id from school where brin = :brin").param("brin", brin).query(String.class).single();
    }

    static String productId(JdbcClient jdbc, String code) {
        return jdbc.sql("select id from product where code = :code").param("code", code).query(String.class).single();
    }

    /** A user by e-mail address or username. */
    static String userId(JdbcClient jdbc, String login) {
        return jdbc.sql("select id from app_user where lower(email) = :login or lower(username) = :login")
                .param("login", login).query(String.class).single();
    }

    /** A new, empty school with a unique BRIN. */
    static long newSchool(JdbcClient jdbc, String name) {
        for (int attempt = 0; ; attempt++) {
            String brin = "%02d%s".formatted((int) (Math.random() * 100),
                    UUID.randomUUID().toString().substring(0, 2).toUpperCase());
            Long id = jdbc.sql("""
                            insert into school (id, brin, branch_code, name) values (nextval('school_seq'), :brin, '00', :name)
                            on conflict do nothing returning id
                            """)
                    .param("brin", brin).param("name", name).query(Long.class).optional().orElse(null);
            if (id != null) {
                return id;
            }
        }
    }

    /** A professional who can sign in with the demo professionals' password, member of the school with these roles. */
    static long professional(JdbcClient jdbc, long school, String first, String last, String... roles) {
        long id = jdbc.sql("""
                        insert into app_user (id, kind, first_name, last_name, email, password_hash)
                        values (nextval('app_user_seq'), 'PROFESSIONAL', :first, :last, :email,
                                (select password_hash from app_user where email = 'beheerder@demo.klaspoort.nl'))
                        returning id
                        """)
                .param("first", first).param("last", last)
                .param("email", (first + "." + last + "." + UUID.randomUUID().toString().substring(0, 8) + "@test.klaspoort.nl")
                        .toLowerCase().replace(' ', '-'))
                .query(Long.class).single();
        jdbc.sql("insert into school_member (school_id, user_id) values (:school, :user)")
                .param("school", school).param("user", id).update();
        for (String role : roles) {
            jdbc.sql("insert into role_grant (school_id, user_id, role) values (:school, :user, :role)")
                    .param("school", school).param("user", id).param("role", role).update();
        }
        return id;
    }

    static String email(JdbcClient jdbc, long user) {
        return jdbc.sql("select email from app_user where id = :id").param("id", user).query(String.class).single();
    }

    /** A student of the school (not enrolled: an "imported, not yet linked" student until {@link #enroll}). */
    static long student(JdbcClient jdbc, long school, String first, String prefix, String last, int gradeYear) {
        long id = jdbc.sql("""
                        insert into app_user (id, kind, first_name, name_prefix, last_name, username, school_id, grade_year)
                        values (nextval('app_user_seq'), 'STUDENT', :first, :prefix, :last, :username, :school, :grade)
                        returning id
                        """)
                .param("first", first).param("prefix", prefix).param("last", last)
                .param("username", "t-" + UUID.randomUUID()).param("school", school).param("grade", gradeYear)
                .query(Long.class).single();
        jdbc.sql("insert into school_member (school_id, user_id) values (:school, :user)")
                .param("school", school).param("user", id).update();
        return id;
    }

    static void enroll(JdbcClient jdbc, long school, long student, String productCode, long... supervisors) {
        long enrollment = jdbc.sql("""
                        insert into enrollment (id, school_id, student_id, product_id)
                        values (nextval('enrollment_seq'), :school, :student, (select id from product where code = :code))
                        returning id
                        """)
                .param("school", school).param("student", student).param("code", productCode).query(Long.class).single();
        for (long supervisor : supervisors) {
            jdbc.sql("insert into enrollment_supervisor (enrollment_id, supervisor_id, school_id) values (:e, :s, :school)")
                    .param("e", enrollment).param("s", supervisor).param("school", school).update();
        }
    }

    static void archive(JdbcClient jdbc, long school, long user) {
        jdbc.sql("update school_member set archived_at = now() where school_id = :school and user_id = :user")
                .param("school", school).param("user", user).update();
    }
}
