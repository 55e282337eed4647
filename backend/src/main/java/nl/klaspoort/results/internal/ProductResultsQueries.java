package nl.klaspoort.results.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import nl.klaspoort.platform.Where;
import nl.klaspoort.results.internal.ProductResults.Session;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A product's own sessions (RS6): only of students enrolled in it, active at a school that holds a running contract
 * for it (a read model over enrollment, school_member and the contract rule).
 */
@Repository
class ProductResultsQueries {

    /** A session with its row id, the tie-breaker of the order. */
    record Ranked(long id, Session session) {}

    private final JdbcClient jdbc;

    ProductResultsQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** In start-time order: the product's sessions matching {@code where} (on {@code ps}), at most {@code limit}. */
    List<Ranked> sessions(long productId, Where where, LocalDate today, int limit) {
        return jdbc.sql("""
                        select ps.id, ps.external_id, ps.school_id, ps.student_id, ps.started_at, ps.ended_at, ps.location,
                               ps.lesson_position, ps.completed, ps.test_score::float8
                          from practice_session ps
                          join enrollment e on e.student_id = ps.student_id and e.product_id = ps.product_id and e.school_id = ps.school_id
                          join school_member m on m.school_id = ps.school_id and m.user_id = ps.student_id and m.archived_at is null
                         where ps.product_id = :product and %s
                           and exists (select 1 from running_contract(:today) c where c.school_id = ps.school_id and c.product_id = :product)
                         order by ps.started_at, ps.id
                         limit :limit
                        """.formatted(where.sql()))
                .params(where.params()).param("product", productId).param("today", today).param("limit", limit)
                .query((rs, n) -> new Ranked(rs.getLong(1), new Session(rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getObject(5, OffsetDateTime.class), rs.getObject(6, OffsetDateTime.class), rs.getString(7),
                        rs.getInt(8), rs.getBoolean(9), (Double) rs.getObject(10))))
                .list();
    }
}
