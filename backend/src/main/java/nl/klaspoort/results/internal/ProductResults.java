package nl.klaspoort.results.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import nl.klaspoort.contract.Contracts;
import nl.klaspoort.platform.Connection;
import nl.klaspoort.platform.Cursors;
import nl.klaspoort.platform.Edge;
import nl.klaspoort.platform.PageSize;
import nl.klaspoort.platform.Where;
import org.springframework.stereotype.Service;

/**
 * The product's own sessions read back (RS6): only sessions of students enrolled in the product, active at a school
 * that holds a running contract for it, in start-time order with keyset paging. One statement per page.
 */
@Service
class ProductResults {

    record Session(String sessionId, long schoolId, long studentId, OffsetDateTime startedAt, OffsetDateTime endedAt,
                   String location, int lessonPosition, boolean completed, Double testScore) {}

    private final ProductResultsQueries queries;
    private final Contracts contracts;

    ProductResults(ProductResultsQueries queries, Contracts contracts) {
        this.queries = queries;
        this.contracts = contracts;
    }

    Connection<Session> sessions(long productId, Long schoolId, Long studentId, OffsetDateTime from, OffsetDateTime to,
            Integer first, String after) {
        PageSize size = PageSize.of(first);
        Where where = Where.all()
                .andIf(schoolId != null, "ps.school_id = :school", "school", schoolId)
                .andIf(studentId != null, "ps.student_id = :student", "student", studentId)
                .andIf(from != null, "ps.started_at >= :from", "from", from == null ? null : Timestamp.from(from.toInstant()))
                .andIf(to != null, "ps.started_at < :to", "to", to == null ? null : Timestamp.from(to.toInstant()));
        if (after != null) {
            List<String> key = Cursors.decode(after, "productResults", "STARTED_AT", 2);
            try {
                where.and("(ps.started_at, ps.id) > (:afterTime, :afterId)",
                        "afterTime", Timestamp.from(Instant.parse(key.get(0))), "afterId", Long.parseLong(key.get(1)));
            } catch (RuntimeException e) {
                throw Cursors.invalid();
            }
        }
        List<ProductResultsQueries.Ranked> rows = queries.sessions(productId, where, contracts.today(), size.fetch());
        Connection<ProductResultsQueries.Ranked> page = Connection.of(rows, size, after != null,
                r -> Cursors.encode("productResults", "STARTED_AT", r.session().startedAt().toInstant(), r.id()));
        return new Connection<>(page.edges().stream().map(e -> new Edge<>(e.cursor(), e.node().session())).toList(),
                page.pageInfo(), null);
    }
}
