package nl.klaspoort.iprange.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import nl.klaspoort.iprange.SchoolOnlyLogin;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads {@code school_ip_range}. */
@Repository
class IpRangeQueries {

    private static final String SELECT = """
            select id, school_id, connection_type, notation, host(first_address) as first, host(last_address) as last,
                   family(first_address) as version, active, created_at
              from school_ip_range
            """;

    private final JdbcClient jdbc;

    IpRangeQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The schools' ranges that are not removed, oldest first. */
    List<IpRange> current(Collection<Long> schoolIds) {
        return jdbc.sql(SELECT + " where school_id in (:schools) and removed_at is null order by created_at, id")
                .param("schools", List.copyOf(schoolIds)).query(IpRangeQueries::range).list();
    }

    /** A range of the school (not removed) that overlaps the bounds. */
    Optional<IpRange> overlapping(long schoolId, IpRangeService.Bounds bounds) {
        return jdbc.sql(SELECT + """
                         where school_id = :school and removed_at is null and family(first_address) = family(cast(:first as inet))
                           and first_address <= cast(:last as inet) and last_address >= cast(:first as inet)
                         order by first_address limit 1
                        """)
                .param("school", schoolId).param("first", bounds.first().getHostAddress())
                .param("last", bounds.last().getHostAddress())
                .query(IpRangeQueries::range).optional();
    }

    Optional<IpRange> findCurrent(long id) {
        return jdbc.sql(SELECT + " where id = :id and removed_at is null").param("id", id).query(IpRangeQueries::range).optional();
    }

    IpRange find(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(IpRangeQueries::range).single();
    }

    /** A student's school: whether BP7 is on there, and its active ranges. */
    record StudentLogin(boolean schoolOnly, List<SchoolOnlyLogin.Range> activeRanges) {}

    /**
     * For a student: their school's "leerlingen mogen alleen op school inloggen" and its active ranges; empty for anyone
     * else. One statement (reads {@code app_user} and {@code school} of other modules: a read model).
     */
    Optional<StudentLogin> studentLogin(long userId) {
        List<Row> rows = jdbc.sql("""
                        select s.student_login_school_ip_only as school_only,
                               host(r.first_address) as first, host(r.last_address) as last
                          from app_user u
                          join school s on s.id = u.school_id
                          left join school_ip_range r on r.school_id = s.id and r.active and r.removed_at is null
                         where u.id = :user and u.kind = 'STUDENT'
                        """)
                .param("user", userId)
                .query((rs, n) -> new Row(rs.getBoolean("school_only"), rs.getString("first"), rs.getString("last")))
                .list();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new StudentLogin(rows.getFirst().schoolOnly(), rows.stream().filter(row -> row.first() != null)
                .map(row -> SchoolOnlyLogin.Range.of(row.first(), row.last())).toList()));
    }

    private record Row(boolean schoolOnly, String first, String last) {}

    private static IpRange range(ResultSet rs, int n) throws SQLException {
        return new IpRange(rs.getLong("id"), rs.getLong("school_id"), rs.getString("connection_type"), rs.getString("notation"),
                rs.getString("first"), rs.getString("last"), rs.getInt("version"), rs.getBoolean("active"),
                rs.getObject("created_at", OffsetDateTime.class));
    }
}
