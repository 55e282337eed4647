package nl.klaspoort.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The throttle's back-off over time, on a clock the test moves: five failures at once, then one attempt per minute
 * for the account; the right password resets the account, not the address.
 */
class LoginThrottleTest {

    /** A clock for the buckets that only moves when told. */
    private static final class ManualTime implements TimeMeter {
        long nanos;

        @Override public long currentTimeNanos() { return nanos; }

        @Override public boolean isWallClockBased() { return false; }

        void advance(Duration duration) { nanos += duration.toNanos(); }
    }

    private final ManualTime time = new ManualTime();
    private final LoginThrottle throttle = new LoginThrottle(
            new SecuritySettings.Login(5, Duration.ofMinutes(1), 100, Duration.ofSeconds(6)), time);

    @Test
    void afterFiveFailuresTheAccountWaitsAMinutePerAttempt() {
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.waitBeforeAttempt("juf@school.nl", "192.0.2.1")).isZero();
            throttle.failed("juf@school.nl", "192.0.2.1");
        }
        Duration wait = throttle.waitBeforeAttempt("JUF@school.nl ", "198.51.100.7");
        assertThat(wait).as("the account, whatever its spelling or address").isBetween(Duration.ofSeconds(59), Duration.ofMinutes(1));

        time.advance(Duration.ofSeconds(30));
        assertThat(throttle.waitBeforeAttempt("juf@school.nl", "192.0.2.1")).isBetween(Duration.ofSeconds(29), Duration.ofSeconds(30));
        time.advance(Duration.ofSeconds(30));
        assertThat(throttle.waitBeforeAttempt("juf@school.nl", "192.0.2.1")).as("one more attempt").isZero();
        throttle.failed("juf@school.nl", "192.0.2.1");
        assertThat(throttle.waitBeforeAttempt("juf@school.nl", "192.0.2.1")).as("and then a minute again").isPositive();
    }

    @Test
    void theRightPasswordForgetsTheAccountsFailures() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("meester@school.nl", "192.0.2.2");
        }
        throttle.succeeded("meester@school.nl");
        assertThat(throttle.waitBeforeAttempt("meester@school.nl", "192.0.2.2")).isZero();
    }

    @Test
    void anAddressIsThrottledAcrossAccountsAfterAHundredFailures() {
        for (int i = 0; i < 100; i++) {
            throttle.failed("leerling" + i, "192.0.2.3");
        }
        assertThat(throttle.waitBeforeAttempt("iemand.anders", "192.0.2.3")).isPositive();
        assertThat(throttle.waitBeforeAttempt("iemand.anders", "192.0.2.4")).isZero();
        time.advance(Duration.ofSeconds(6));
        assertThat(throttle.waitBeforeAttempt("iemand.anders", "192.0.2.3")).isZero();
    }
}
