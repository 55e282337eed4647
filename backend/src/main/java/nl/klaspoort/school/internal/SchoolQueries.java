package nl.klaspoort.school.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import nl.klaspoort.school.School;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads {@code school}. */
@Repository
public class SchoolQueries {

    private static final String COLUMNS = "id, brin, branch_code, name, student_login_school_ip_only";

    private final JdbcClient jdbc;

    SchoolQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<School> byIds(Collection<Long> ids) {
        return jdbc.sql("select " + COLUMNS + " from school where id in (:ids) order by name, id")
                .param("ids", List.copyOf(ids)).query(SchoolQueries::school).list();
    }

    public Optional<School> byBrin(String brin) {
        return jdbc.sql("select " + COLUMNS + " from school where brin = :brin and branch_code = '00'")
                .param("brin", brin).query(SchoolQueries::school).optional();
    }

    private static School school(ResultSet rs, int row) throws SQLException {
        return new School(rs.getLong("id"), rs.getString("brin"), rs.getString("branch_code"), rs.getString("name"),
                rs.getBoolean("student_login_school_ip_only"));
    }
}
