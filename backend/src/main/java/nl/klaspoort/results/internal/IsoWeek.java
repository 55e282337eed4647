package nl.klaspoort.results.internal;

import java.time.DayOfWeek;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.klaspoort.platform.Amsterdam;

/** An ISO week such as {@code 2026-W48}, Monday to Sunday in Europe/Amsterdam. */
record IsoWeek(LocalDate monday) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-W(\\d{2})");

    /** This week in Amsterdam, by the clock. */
    static IsoWeek current(Clock clock) {
        return containing(Amsterdam.today(clock));
    }

    static IsoWeek containing(LocalDate day) {
        return new IsoWeek(day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
    }

    /** The week, or empty when {@code text} is not {@code YYYY-Www} with a week that exists in that year. */
    static Optional<IsoWeek> parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(1));
        int week = Integer.parseInt(m.group(2));
        LocalDate jan4 = LocalDate.of(year, 1, 4);
        if (week < 1 || week > jan4.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
            return Optional.empty();
        }
        return Optional.of(containing(jan4.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)));
    }

    /** Monday 00:00 in Amsterdam. */
    OffsetDateTime start() {
        return monday.atStartOfDay(Amsterdam.ZONE).toOffsetDateTime();
    }

    /** The next Monday 00:00 in Amsterdam (exclusive). */
    OffsetDateTime end() {
        return monday.plusWeeks(1).atStartOfDay(Amsterdam.ZONE).toOffsetDateTime();
    }

    IsoWeek previous() {
        return new IsoWeek(monday.minusWeeks(1));
    }

    IsoWeek next() {
        return new IsoWeek(monday.plusWeeks(1));
    }

    @Override
    public String toString() {
        return "%d-W%02d".formatted(monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
