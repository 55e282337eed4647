package nl.klaspoort.security.internal;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Token buckets by key (an account, an IP address, a user, a client), Bucket4j's: {@code capacity} tokens, one more
 * every {@code refillEvery}. At most {@code maxKeys} are kept, least recently used first out, so that a caller
 * cycling through made-up keys costs bounded memory (a dropped key starts full again, which only favours callers who
 * are not under attack). In memory, per application node.
 */
public final class KeyedBuckets {

    private final long capacity;
    private final Duration refillEvery;
    private final TimeMeter time;
    private final Map<String, Bucket> buckets;

    public KeyedBuckets(long capacity, Duration refillEvery, int maxKeys, TimeMeter time) {
        this.capacity = capacity;
        this.refillEvery = refillEvery;
        this.time = time;
        this.buckets = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxKeys;
            }
        };
    }

    private synchronized Bucket bucket(String key) {
        return buckets.computeIfAbsent(key, k -> Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(1, refillEvery))
                .withCustomTimePrecision(time)
                .build());
    }

    /** Zero when a token is available for {@code key}, else how long until one is. Takes nothing. */
    public Duration waitFor(String key) {
        Bucket bucket;
        synchronized (this) {
            bucket = buckets.get(key);
        }
        if (bucket == null) {
            return Duration.ZERO;
        }
        EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
    }

    /** Takes a token; zero when there was one, else how long until one is (nothing taken then). */
    public Duration take(String key) {
        var probe = bucket(key).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
    }

    /** Forgets the key: its bucket starts full again. */
    public synchronized void reset(String key) {
        buckets.remove(key);
    }
}
