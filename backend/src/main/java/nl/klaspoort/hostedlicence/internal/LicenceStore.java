package nl.klaspoort.hostedlicence.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes {@code hosted_licence} and the outbox {@code hosted_licence_push}. Set-based; times from the caller's clock. */
@Repository
class LicenceStore {

    /** The key of the advisory lock one node holds while it pushes (a killed node's lock goes with its connection). */
    private static final long PUSHER_LOCK = 0x4b_4c_48_4c_50_55_53_48L; // "KLHLPUSH"

    /** One push to queue: a school, GRANT or REVOKE, a product and the Basispoort users. */
    record NewPush(long schoolId, String operation, String productCode, List<Long> basispoortIds) {}

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    LicenceStore(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** Serialises comparisons until the transaction ends (two nodes must not queue the same difference twice). */
    void lockComparison() {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('hosted_licence', 0))").query().singleRow();
    }

    /**
     * Runs {@code work} while holding the pushers' lock on a connection of its own, or returns null without running it
     * when another node holds it.
     */
    <T> T whilePushing(Supplier<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            if (!advisory(connection, "select pg_try_advisory_lock(?)")) {
                return null;
            }
            try {
                return work.get();
            } finally {
                advisory(connection, "select pg_advisory_unlock(?)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("pushers' lock", e);
        }
    }

    private static boolean advisory(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, PUSHER_LOCK);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** What Basispoort is told from now on: these tiles granted (to this Basispoort id), those revoked. Two statements. */
    void tell(List<LicenceQueries.Difference> differences, Instant now) {
        List<LicenceQueries.Difference> revoked = differences.stream().filter(d -> d.revokeFrom() != null).toList();
        List<LicenceQueries.Difference> granted = differences.stream().filter(d -> d.grantTo() != null).toList();
        if (!revoked.isEmpty()) {
            jdbc.sql("""
                    delete from hosted_licence h
                     using unnest(:schools::bigint[], :users::bigint[], :products::bigint[]) as r(school_id, user_id, product_id)
                     where h.school_id = r.school_id and h.user_id = r.user_id and h.product_id = r.product_id
                    """)
                    .param("schools", revoked.stream().map(LicenceQueries.Difference::schoolId).toArray(Long[]::new))
                    .param("users", revoked.stream().map(LicenceQueries.Difference::userId).toArray(Long[]::new))
                    .param("products", revoked.stream().map(LicenceQueries.Difference::productId).toArray(Long[]::new))
                    .update();
        }
        if (!granted.isEmpty()) {
            jdbc.sql("""
                    insert into hosted_licence (school_id, user_id, product_id, basispoort_id, granted_at)
                    select school_id, user_id, product_id, basispoort_id, :now
                      from unnest(:schools::bigint[], :users::bigint[], :products::bigint[], :ids::bigint[])
                           as g(school_id, user_id, product_id, basispoort_id)
                    """)
                    .param("schools", granted.stream().map(LicenceQueries.Difference::schoolId).toArray(Long[]::new))
                    .param("users", granted.stream().map(LicenceQueries.Difference::userId).toArray(Long[]::new))
                    .param("products", granted.stream().map(LicenceQueries.Difference::productId).toArray(Long[]::new))
                    .param("ids", granted.stream().map(LicenceQueries.Difference::grantTo).toArray(Long[]::new))
                    .param("now", Timestamp.from(now))
                    .update();
        }
    }

    /** Queues the pushes, in the order given (a school's revokes before its grants); one statement. */
    void queue(List<NewPush> pushes, Instant now) {
        if (pushes.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into hosted_licence_push (id, school_id, operation, product_code, basispoort_ids, created_at, next_attempt_at)
                select nextval('hosted_licence_push_seq'), p.school_id, p.operation, p.product_code,
                       array(select unnest(string_to_array(p.ids, ',')::bigint[])), :now, :now
                  from unnest(:schools::bigint[], :operations::text[], :products::text[], :ids::text[])
                       with ordinality as p(school_id, operation, product_code, ids, n)
                 order by p.n
                """)
                .param("schools", pushes.stream().map(NewPush::schoolId).toArray(Long[]::new))
                .param("operations", pushes.stream().map(NewPush::operation).toArray(String[]::new))
                .param("products", pushes.stream().map(NewPush::productCode).toArray(String[]::new))
                .param("ids", pushes.stream().map(p -> String.join(",", p.basispoortIds().stream().map(String::valueOf).toList()))
                        .toArray(String[]::new))
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Counts an attempt before it is made: an attempt that never reports back is known to have maybe happened. */
    void attempting(long pushId) {
        jdbc.sql("update hosted_licence_push set attempts = attempts + 1 where id = :id").param("id", pushId).update();
    }

    /** Sent (or found done): {@code users} is how many users this attempt actually sent (0 when all were done). */
    void sent(long pushId, int users, Instant now) {
        jdbc.sql("update hosted_licence_push set sent_at = :now, sent_users = :users, last_error = null where id = :id")
                .param("id", pushId).param("users", users).param("now", Timestamp.from(now)).update();
    }

    /** Failed: tried again at {@code next}. */
    void failed(long pushId, String error, Instant next) {
        jdbc.sql("update hosted_licence_push set last_error = :error, next_attempt_at = :next where id = :id")
                .param("id", pushId).param("error", error).param("next", Timestamp.from(next)).update();
    }
}
