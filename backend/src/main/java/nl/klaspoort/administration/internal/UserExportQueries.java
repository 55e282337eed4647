package nl.klaspoort.administration.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import nl.klaspoort.platform.Where;
import nl.klaspoort.spreadsheet.SheetRole;
import nl.klaspoort.spreadsheet.UserExportRow;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The download of the user overview (B15) as one statement over the users read model ({@link SchoolUserQueries}'s
 * members, filter and order), each user with their products by name, read through a cursor: the caller runs it in a
 * transaction and consumes the stream before it ends.
 */
@Repository
class UserExportQueries {

    /** Rows fetched from PostgreSQL at a time. */
    static final int FETCH_SIZE = 1_000;

    private final JdbcClient jdbc;

    UserExportQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The users matching {@code filter} (on the members' columns), ranked by {@code rank}, in {@code order}. */
    Stream<UserExportRow> users(long schoolId, Where filter, String rank, String order) {
        return jdbc.sql(SchoolUserQueries.MEMBERS + """
                        select * from (
                          select m.id, m.k_rank, m.k_last, m.k_first, m.kind, m.roles, u.first_name, u.name_prefix,
                                 u.last_name, u.grade_year, u.group_name, coalesce(u.username, u.email) as login,
                                 array(select p.name
                                         from (select e.product_id from enrollment e
                                                where e.school_id = :school and e.student_id = m.id
                                               union
                                               select a.product_id from product_assignment a
                                                where a.school_id = :school and a.supervisor_id = m.id) x
                                         join product p on p.id = x.product_id
                                        order by p.name) as products
                            from (select member.*, %s as k_rank from member where %s) m
                            join app_user u on u.id = m.id
                        ) export
                         order by %s
                        """.formatted(rank, filter.sql(), order))
                .withFetchSize(FETCH_SIZE)
                .params(filter.params()).param("school", schoolId)
                .query(UserExportQueries::row)
                .stream();
    }

    private static UserExportRow row(ResultSet rs, int n) throws SQLException {
        boolean student = "STUDENT".equals(rs.getString("kind"));
        Set<SheetRole> roles = EnumSet.noneOf(SheetRole.class);
        if (student) {
            roles.add(SheetRole.STUDENT);
        } else {
            Arrays.stream(texts(rs.getArray("roles"))).map(SheetRole::valueOf).forEach(roles::add);
        }
        Integer gradeYear = rs.getObject("grade_year", Integer.class);
        return new UserExportRow(rs.getString("first_name"), rs.getString("name_prefix"), rs.getString("last_name"),
                student ? gradeYear : null, student ? rs.getString("group_name") : null, roles,
                List.of(texts(rs.getArray("products"))), rs.getString("login"));
    }

    private static String[] texts(Array array) throws SQLException {
        return array == null ? new String[0] : (String[]) array.getArray();
    }
}
