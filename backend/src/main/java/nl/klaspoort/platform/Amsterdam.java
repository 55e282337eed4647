package nl.klaspoort.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Dates as the schools live them: Europe/Amsterdam. "Today" (a contract runs today, this ISO week) is always the
 * Amsterdam date of the injected {@link Clock}'s now, never the database's or the JVM's.
 */
public final class Amsterdam {

    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private Amsterdam() {}

    /** Today's date in Amsterdam. */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /** The instant a day starts in Amsterdam. */
    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZONE).toInstant();
    }
}
