package nl.klaspoort.security;

import static nl.klaspoort.support.BenchReport.p;
import static nl.klaspoort.support.BenchReport.report;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.TimeMeter;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import nl.klaspoort.security.internal.KeyedBuckets;
import nl.klaspoort.support.ApplicationTest;
import nl.klaspoort.support.Sessions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the shared throttle costs a sign-in attempt (issue 10 item 3): a few hundred failed attempts, each from its own
 * address for an unknown account (so none is throttled and each is counted), measured three ways in turn: the whole
 * {@code POST /login} as a browser sends it (the throttle in PostgreSQL); the PostgreSQL throttle's own work per attempt
 * (look up both buckets, count the failure in both); the same work on Bucket4j's buckets in memory, as before.
 */
@Tag("bench")
class LoginThrottleBenchmarkTest extends ApplicationTest {

    private static final int ATTEMPTS = 300;

    @Autowired
    LoginThrottle throttle;

    @Autowired
    SecuritySettings settings;

    @Test
    @DisplayName("Issue 10 item 3: the throttle in PostgreSQL against Bucket4j in memory, per failed sign-in attempt")
    void costPerAttempt() throws Exception {
        SecuritySettings.Login login = settings.login();
        KeyedBuckets accounts = new KeyedBuckets(login.accountAttempts(), login.accountRefill(), 100_000, TimeMeter.SYSTEM_MILLISECONDS);
        KeyedBuckets addresses = new KeyedBuckets(login.ipAttempts(), login.ipRefill(), 100_000, TimeMeter.SYSTEM_MILLISECONDS);

        Sessions.LoginForm form = new Sessions.LoginForm(port, "198.19.255.1");

        int warmUp = 50;
        double[] whole = new double[ATTEMPTS], shared = new double[ATTEMPTS], memory = new double[ATTEMPTS];
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int i = -warmUp; i < ATTEMPTS; i++) {
            String ip = "198.19." + ((i + warmUp) / 250) + "." + ((i + warmUp) % 250 + 1);
            String account = "bench." + run + "." + i + "@example.org";

            long start = System.nanoTime();
            HttpResponse<String> response = form.post(ip, account, "Raden123");
            long httpNanos = System.nanoTime() - start;
            assertThat(response.statusCode()).isEqualTo(401);

            String other = account.replace("bench.", "alone.");
            start = System.nanoTime();
            assertThat(throttle.waitBeforeAttempt(other, ip + "/alone")).isZero();
            throttle.failed(other, ip + "/alone");
            long sharedNanos = System.nanoTime() - start;

            start = System.nanoTime();
            Duration wait = max(accounts.waitFor(other), addresses.waitFor(ip));
            accounts.take(other);
            addresses.take(ip);
            long memoryNanos = System.nanoTime() - start;
            assertThat(wait).isZero();

            if (i >= 0) {
                whole[i] = httpNanos / 1e6;
                shared[i] = sharedNanos / 1e6;
                memory[i] = memoryNanos / 1e6;
            }
        }
        Arrays.sort(whole);
        Arrays.sort(shared);
        Arrays.sort(memory);
        double before = whole[ATTEMPTS / 2] - shared[ATTEMPTS / 2] + memory[ATTEMPTS / 2];
        report("login throttle, %d failed attempts: whole POST /login p50 %.2f ms p95 %.2f ms; throttle in PostgreSQL p50 %.3f ms"
                        + " p95 %.3f ms; Bucket4j in memory p50 %.4f ms p95 %.4f ms; attempt after/before (p50) %.3f",
                ATTEMPTS, p(whole, 50), p(whole, 95), p(shared, 50), p(shared, 95), p(memory, 50), p(memory, 95),
                whole[ATTEMPTS / 2] / before);
        assertThat(shared[ATTEMPTS / 2]).as("the shared throttle is a small part of an attempt").isLessThan(whole[ATTEMPTS / 2]);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
