package nl.klaspoort.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import nl.klaspoort.security.internal.LoginThrottleStore;
import nl.klaspoort.support.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The throttle's back-off over time, on its real table and a clock the test moves: five failures at once, then one
 * attempt per minute for the account; the right password resets the account, not the address; rows of buckets that
 * are full again are deleted. Every test takes names of its own, as the table is shared with the other tests.
 */
class LoginThrottleTest extends ApplicationTest {

    /** A clock that only moves when told. */
    private static final class ManualClock extends Clock {
        Instant now = Instant.parse("2030-01-01T08:00:00Z");

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }

        @Override public Clock withZone(ZoneId zone) { throw new UnsupportedOperationException(); }

        @Override public Instant instant() { return now; }

        void advance(Duration duration) { now = now.plus(duration); }
    }

    @Autowired
    LoginThrottleStore store;

    private final ManualClock time = new ManualClock();
    private final String run = UUID.randomUUID().toString();

    private LoginThrottle throttle() {
        return new LoginThrottle(new SecuritySettings.Login(5, Duration.ofMinutes(1), 100, Duration.ofSeconds(6),
                Duration.ofMinutes(10)), store, time);
    }

    private String account(String name) {
        return name + "." + run + "@school.nl";
    }

    private String address(int n) {
        return "192.0.2." + n + "/" + run;
    }

    @Test
    void afterFiveFailuresTheAccountWaitsAMinutePerAttempt() {
        LoginThrottle throttle = throttle();
        String juf = account("juf");
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.waitBeforeAttempt(juf, address(1))).isZero();
            throttle.failed(juf, address(1));
        }
        Duration wait = throttle.waitBeforeAttempt(" " + juf.toUpperCase() + " ", address(7));
        assertThat(wait).as("the account, whatever its spelling or address").isEqualTo(Duration.ofMinutes(1));

        time.advance(Duration.ofSeconds(30));
        assertThat(throttle.waitBeforeAttempt(juf, address(1))).isEqualTo(Duration.ofSeconds(30));
        time.advance(Duration.ofSeconds(30));
        assertThat(throttle.waitBeforeAttempt(juf, address(1))).as("one more attempt").isZero();
        throttle.failed(juf, address(1));
        assertThat(throttle.waitBeforeAttempt(juf, address(1))).as("and then a minute again").isEqualTo(Duration.ofMinutes(1));
        assertThat(throttle.waitBeforeAttempt(juf)).as("also where a password is asked again inside a session")
                .isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void failuresWhileThrottledDoNotDeepenTheDebt() {
        LoginThrottle throttle = throttle();
        String meester = account("meester");
        for (int i = 0; i < 50; i++) {
            throttle.failed(meester, address(i));
        }
        assertThat(throttle.waitBeforeAttempt(meester, address(99))).as("an empty bucket stays empty, no more")
                .isEqualTo(Duration.ofMinutes(1));
        time.advance(Duration.ofMinutes(5));
        assertThat(throttle.waitBeforeAttempt(meester, address(99))).isZero();
    }

    @Test
    void theRightPasswordForgetsTheAccountsFailures() {
        LoginThrottle throttle = throttle();
        String meester = account("meester");
        for (int i = 0; i < 5; i++) {
            throttle.failed(meester, address(2));
        }
        throttle.succeeded(meester);
        assertThat(throttle.waitBeforeAttempt(meester, address(2))).isZero();
    }

    @Test
    void anAddressIsThrottledAcrossAccountsAfterAHundredFailures() {
        LoginThrottle throttle = throttle();
        for (int i = 0; i < 100; i++) {
            throttle.failed(account("leerling" + i), address(3));
        }
        assertThat(throttle.waitBeforeAttempt(account("iemand.anders"), address(3))).isEqualTo(Duration.ofSeconds(6));
        assertThat(throttle.waitBeforeAttempt(account("iemand.anders"), address(4))).isZero();
        time.advance(Duration.ofSeconds(6));
        assertThat(throttle.waitBeforeAttempt(account("iemand.anders"), address(3))).isZero();
    }

    @Test
    void bucketsThatAreFullAgainAreDeletedAndNoNamesAreStored() {
        // a later year than the other tests', so that their rows are full by then and only this test's rows are left
        time.now = Instant.parse("2031-06-01T08:00:00Z");
        LoginThrottle throttle = throttle();
        String juf = account("opruimen");
        throttle.failed(juf, address(5));
        assertThat(jdbc.sql("select count(*) from login_throttle where full_at > :now").param("now", time.now.atOffset(ZoneOffset.UTC))
                .query(Integer.class).single()).as("one row per bucket, dated after our clock's now").isEqualTo(2);
        assertThat(jdbc.sql("""
                        select count(*) from login_throttle
                         where octet_length(key) <> 32 or position(convert_to(:run, 'UTF8') in key) > 0
                        """).param("run", run).query(Integer.class).single()).as("keys are SHA-256 hashes, not names").isZero();

        time.advance(Duration.ofSeconds(59));
        throttle.deleteFullBuckets();
        assertThat(throttle.waitBeforeAttempt(juf, address(5))).isZero();
        assertThat(jdbc.sql("select count(*) from login_throttle where full_at > :now").param("now", time.now.atOffset(ZoneOffset.UTC))
                .query(Integer.class).single()).as("the address's bucket (one back every 6 s) is full again and gone, the account's not yet")
                .isEqualTo(1);
        time.advance(Duration.ofSeconds(1));
        throttle.deleteFullBuckets();
        assertThat(jdbc.sql("select count(*) from login_throttle where full_at >= :start")
                .param("start", Instant.parse("2031-06-01T08:00:00Z").atOffset(ZoneOffset.UTC)).query(Integer.class).single())
                .as("nothing of this test is left").isZero();
    }
}
