package nl.klaspoort.school.internal;

import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes {@code school}. */
@Repository
public class SchoolStore {

    private final JdbcClient jdbc;
    private final Clock clock;

    SchoolStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public long create(String brin, String branchCode, String name) {
        return jdbc.sql("""
                        insert into school (id, brin, branch_code, name, created_at)
                        values (nextval('school_seq'), :brin, :branch, :name, :now) returning id
                        """)
                .param("brin", brin).param("branch", branchCode).param("name", name)
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .query(Long.class).single();
    }

    public boolean setStudentLoginSchoolIpOnly(long id, boolean on) {
        return jdbc.sql("update school set student_login_school_ip_only = :on where id = :id and student_login_school_ip_only <> :on")
                .param("id", id).param("on", on).update() == 1;
    }
}
