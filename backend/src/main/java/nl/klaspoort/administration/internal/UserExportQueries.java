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
 * members, filter and order), each user with their products by name (aggregated once for the school and hash-joined:
 * a subquery per user cost seconds for 100,000 users), read through a cursor: the caller runs it in a transaction and
 * consumes the stream before it ends. Its first fetch sorts the whole school, which on a busy machine takes longer
 * than the pool's statement timeout (5 s) for the largest schools; the download raises it for its own transaction
 * only, to {@link #STATEMENT_TIMEOUT} (the request's bound), and every other statement keeps the 5 s.
 */
@Repository
class UserExportQueries {

    /** Rows fetched from PostgreSQL at a time. */
    static final int FETCH_SIZE = 1_000;

    /** How long one statement of the download may run (each fetch of the cursor is one), as long as a GraphQL request. */
    static final String STATEMENT_TIMEOUT = "30s";

    private final JdbcClient jdbc;

    UserExportQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The users matching {@code filter} (on the members' columns), ranked by {@code rank}, in {@code order}. */
    Stream<UserExportRow> users(long schoolId, Where filter, String rank, String order) {
        jdbc.sql("set local statement_timeout = '" + STATEMENT_TIMEOUT + "'").update();
        return jdbc.sql(SchoolUserQueries.MEMBERS + """
                        , products as (
                          select x.user_id, array_agg(p.name order by p.name) as names
                            from (select student_id as user_id, product_id from enrollment where school_id = :school
                                  union
                                  select supervisor_id, product_id from product_assignment where school_id = :school) x
                            join product p on p.id = x.product_id
                           group by x.user_id
                        )
                        select * from (
                          select m.id, m.k_rank, m.k_last, m.k_first, m.kind, m.roles, u.first_name, u.name_prefix,
                                 u.last_name, u.grade_year, u.group_name, coalesce(u.username, u.email) as login,
                                 coalesce(pr.names, '{}') as products
                            from (select member.*, %s as k_rank from member where %s) m
                            join app_user u on u.id = m.id
                            left join products pr on pr.user_id = m.id
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
