package nl.klaspoort.results.internal;

import java.time.Instant;
import nl.klaspoort.platform.Connection;
import nl.klaspoort.platform.Cursors;
import nl.klaspoort.platform.Edge;
import nl.klaspoort.platform.PageSize;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The product's own sessions read back (RS6): only sessions of students enrolled in the product, active at a school
 * that holds a running contract for it, in start-time order with keyset paging. One statement per page.
 */
@Service
class ProductResults {

    record Session(String sessionId, long schoolId, long studentId, OffsetDateTime startedAt, OffsetDateTime endedAt,
                   String location, int lessonPosition, boolean completed, Double testScore) {}

    /** A session with its row id, the tie-breaker of the order. */
    private record Keyed(long id, Session session) {}

    private final JdbcClient jdbc;

    ProductResults(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Connection<Session> sessions(long productId, Long schoolId, Long studentId, OffsetDateTime from, OffsetDateTime to,
            Integer first, String after) {
        PageSize size = PageSize.of(first);
        StringBuilder where = new StringBuilder();
        var params = new java.util.HashMap<String, Object>();
        if (schoolId != null) {
            where.append(" and ps.school_id = :school");
            params.put("school", schoolId);
        }
        if (studentId != null) {
            where.append(" and ps.student_id = :student");
            params.put("student", studentId);
        }
        if (from != null) {
            where.append(" and ps.started_at >= :from");
            params.put("from", Timestamp.from(from.toInstant()));
        }
        if (to != null) {
            where.append(" and ps.started_at < :to");
            params.put("to", Timestamp.from(to.toInstant()));
        }
        if (after != null) {
            Object[] key = decode(after);
            where.append(" and (ps.started_at, ps.id) > (:afterTime, :afterId)");
            params.put("afterTime", key[0]);
            params.put("afterId", key[1]);
        }
        List<Keyed> rows = jdbc.sql("""
                        select ps.id, ps.external_id, ps.school_id, ps.student_id, ps.started_at, ps.ended_at, ps.location,
                               ps.lesson_position, ps.completed, ps.test_score::float8
                          from practice_session ps
                          join enrollment e on e.student_id = ps.student_id and e.product_id = ps.product_id and e.school_id = ps.school_id
                          join school_member m on m.school_id = ps.school_id and m.user_id = ps.student_id and m.archived_at is null
                         where ps.product_id = :product %s
                           and exists (select 1 from contract c where c.school_id = ps.school_id and c.product_id = :product
                                          and c.start_date <= :today and (c.end_date is null or c.end_date >= :today))
                         order by ps.started_at, ps.id
                         limit :limit
                        """.formatted(where))
                .params(params).param("product", productId).param("today", LocalDate.now(IsoWeek.AMSTERDAM)).param("limit", size.fetch())
                .query((rs, n) -> new Keyed(rs.getLong(1), new Session(rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getObject(5, OffsetDateTime.class), rs.getObject(6, OffsetDateTime.class), rs.getString(7),
                        rs.getInt(8), rs.getBoolean(9), (Double) rs.getObject(10))))
                .list();
        Connection<Keyed> page = Connection.of(rows, size, after != null,
                k -> Cursors.encode("productResults", "STARTED_AT", k.session().startedAt().toInstant(), k.id()));
        return new Connection<>(page.edges().stream().map(e -> new Edge<>(e.cursor(), e.node().session())).toList(),
                page.pageInfo(), null);
    }

    private static Object[] decode(String cursor) {
        List<String> key = Cursors.decode(cursor, "productResults", "STARTED_AT", 2);
        try {
            return new Object[] {Timestamp.from(Instant.parse(key.get(0))), Long.parseLong(key.get(1))};
        } catch (RuntimeException e) {
            throw Cursors.invalid();
        }
    }
}
