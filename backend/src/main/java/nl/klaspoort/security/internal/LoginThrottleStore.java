package nl.klaspoort.security.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The sign-in throttle's buckets in {@code login_throttle} (owned by this module), shared by every node: per bucket
 * ({@code account} or {@code address}) and key (the SHA-256 of the name), the moment the bucket is full again. Every
 * write is one atomic statement, so failures counted on two nodes at the same moment both count.
 */
@Repository
public class LoginThrottleStore {

    private final JdbcClient jdbc;

    LoginThrottleStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The moments the account's and the address's buckets are full again, by bucket; a full bucket is absent. */
    public Map<String, Instant> fullAt(byte[] account, byte[] address) {
        Map<String, Instant> fullAt = new HashMap<>(4);
        jdbc.sql("""
                select bucket, full_at from login_throttle
                 where (bucket = 'account' and key = :account) or (bucket = 'address' and key = :address)
                """).param("account", account).param("address", address)
                .query((rs, n) -> fullAt.put(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant())).list();
        return fullAt;
    }

    /**
     * Counts one failure in the bucket: its full moment moves one {@code refill} on, from {@code now} at the earliest
     * and to {@code now + capacity × refill} at the latest (an empty bucket stays empty, it does not go into debt).
     */
    public void take(String bucket, byte[] key, Instant now, Duration refill, int capacity) {
        jdbc.sql("""
                insert into login_throttle as t (bucket, key, full_at)
                values (:bucket, :key, :now + :refill * interval '1 microsecond')
                on conflict (bucket, key) do update
                   set full_at = least(greatest(t.full_at, :now) + :refill * interval '1 microsecond',
                                       :now + :refill * :capacity * interval '1 microsecond')
                """).param("bucket", bucket).param("key", key).param("now", utc(now))
                .param("refill", refill.toNanos() / 1_000).param("capacity", capacity).update();
    }

    /** Forgets a bucket: it is full again. */
    public void forget(String bucket, byte[] key) {
        jdbc.sql("delete from login_throttle where bucket = :bucket and key = :key")
                .param("bucket", bucket).param("key", key).update();
    }

    /** Deletes the buckets that are full again by {@code now} (they say nothing a missing row does not); how many. */
    public int deleteFull(Instant now) {
        return jdbc.sql("delete from login_throttle where full_at <= :now").param("now", utc(now)).update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
