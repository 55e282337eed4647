package nl.klaspoort.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock in tests: the real time until a test moves it ({@link #moveTo}, {@link #advance}), so that
 * time-bound rules (contract days, ISO weeks, token lifetimes) are tested without waiting. A test that moves it puts
 * it back with {@link #reset()} (the context, and so the clock, is shared by all tests).
 */
public final class TestClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    /** From now on the clock reads {@code instant} (and runs on from there). */
    public void moveTo(Instant instant) {
        offset = Duration.between(Instant.now(), instant);
    }

    /** From now on the clock reads this wall-clock time in Amsterdam, e.g. {@code "2026-12-02T09:00"}. */
    public void moveToAmsterdam(String localDateTime) {
        moveTo(java.time.LocalDateTime.parse(localDateTime).atZone(nl.klaspoort.platform.Amsterdam.ZONE).toInstant());
    }

    public void advance(Duration duration) {
        offset = offset.plus(duration);
    }

    /** Back to the real time. */
    public void reset() {
        offset = Duration.ZERO;
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }
}
