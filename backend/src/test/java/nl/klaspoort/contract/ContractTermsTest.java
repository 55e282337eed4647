package nl.klaspoort.contract;

import static nl.klaspoort.contract.internal.ContractTerms.Status.ACTIVE;
import static nl.klaspoort.contract.internal.ContractTerms.Status.ENDED;
import static nl.klaspoort.contract.internal.ContractTerms.Status.ENDING;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import nl.klaspoort.contract.internal.ContractTerms;
import nl.klaspoort.platform.Amsterdam;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The date rules of contracts and licences (A1, A2, A4) over their edges: an end date today and yesterday, 29 February,
 * both daylight-saving changes in Amsterdam, a renewal that falls on a leap day. "Today" is the Amsterdam date of a
 * clock fixed at the instant under test, as {@code Contracts.today()} reads the application's clock.
 */
class ContractTermsTest {

    private static LocalDate day(String text) {
        return LocalDate.parse(text);
    }

    private static LocalDate todayAt(String instant) {
        return Amsterdam.today(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    @Test
    @DisplayName("A1: an end date today reads 'Beëindigd sinds' and can no longer be cancelled; yesterday likewise; tomorrow 'Eindigt op'")
    void endDateTodayYesterdayTomorrow() {
        LocalDate today = day("2026-12-02");
        assertThat(ContractTerms.status(today, today)).isEqualTo(ENDED);
        assertThat(ContractTerms.endingCancellable(today, today)).isFalse();
        assertThat(ContractTerms.runsOn(day("2026-01-01"), today, today)).as("nobody logs in on the end date").isFalse();

        assertThat(ContractTerms.status(today.minusDays(1), today)).isEqualTo(ENDED);
        assertThat(ContractTerms.endingCancellable(today.minusDays(1), today)).isFalse();

        assertThat(ContractTerms.status(today.plusDays(1), today)).isEqualTo(ENDING);
        assertThat(ContractTerms.endingCancellable(today.plusDays(1), today)).isTrue();
        assertThat(ContractTerms.runsOn(day("2026-01-01"), today.plusDays(1), today)).as("the last day still runs").isTrue();

        assertThat(ContractTerms.status(null, today)).isEqualTo(ACTIVE);
        assertThat(ContractTerms.endingCancellable(null, today)).isFalse();
    }

    @Test
    @DisplayName("A1: the renewal is the first anniversary of the start after today; on the renewal day itself the next one is a year on")
    void renewalCountsFromTheStart() {
        LocalDate start = day("2025-08-01");
        assertThat(ContractTerms.nextRenewal(start, day("2025-08-01"))).isEqualTo(day("2026-08-01"));
        assertThat(ContractTerms.nextRenewal(start, day("2026-07-31"))).isEqualTo(day("2026-08-01"));
        assertThat(ContractTerms.nextRenewal(start, day("2026-08-01"))).isEqualTo(day("2027-08-01"));
        assertThat(ContractTerms.nextRenewal(start, day("2031-12-31"))).isEqualTo(day("2032-08-01"));
        assertThat(ContractTerms.nextRenewal(day("2027-01-01"), day("2026-12-02"))).as("not started yet: a year after the start")
                .isEqualTo(day("2028-01-01"));
        assertThat(ContractTerms.renewalShown(start, day("2027-08-01"), day("2026-12-02"))).as("ending: no renewal").isNull();
    }

    @Test
    @DisplayName("A1: a contract started on 29 February renews on 28 February in common years and on 29 February in leap years")
    void startedOnTheLeapDay() {
        LocalDate start = day("2024-02-29");
        assertThat(ContractTerms.nextRenewal(start, day("2024-02-29"))).isEqualTo(day("2025-02-28"));
        assertThat(ContractTerms.nextRenewal(start, day("2025-02-27"))).isEqualTo(day("2025-02-28"));
        assertThat(ContractTerms.nextRenewal(start, day("2025-02-28"))).as("renewed that day").isEqualTo(day("2026-02-28"));
        assertThat(ContractTerms.nextRenewal(start, day("2027-03-01"))).as("back on the leap day, not drifted to the 28th")
                .isEqualTo(day("2028-02-29"));
        assertThat(ContractTerms.nextRenewal(start, day("2028-02-28"))).isEqualTo(day("2028-02-29"));
        assertThat(ContractTerms.nextRenewal(start, day("2028-02-29"))).isEqualTo(day("2029-02-28"));
    }

    @Test
    @DisplayName("A2: a renewal that falls on a leap day is the end date when the contract is ended before it")
    void renewalOnALeapDay() {
        LocalDate start = day("2020-02-29");
        LocalDate today = day("2027-11-15");
        LocalDate renewal = ContractTerms.nextRenewal(start, today);
        assertThat(renewal).isEqualTo(day("2028-02-29"));
        // ending makes the renewal date the end date: it runs through 28 February and ends on the leap day
        assertThat(ContractTerms.runsOn(start, renewal, day("2028-02-28"))).isTrue();
        assertThat(ContractTerms.status(renewal, day("2028-02-28"))).isEqualTo(ENDING);
        assertThat(ContractTerms.status(renewal, day("2028-02-29"))).isEqualTo(ENDED);
        assertThat(ContractTerms.endingCancellable(renewal, day("2028-02-28"))).isTrue();
        assertThat(ContractTerms.endingCancellable(renewal, day("2028-02-29"))).isFalse();
        // a start on 1 March after a leap day: renewals stay on 1 March
        assertThat(ContractTerms.nextRenewal(day("2024-03-01"), day("2028-02-29"))).isEqualTo(day("2028-03-01"));
    }

    @Test
    @DisplayName("A1: on the spring change (29 March 2026, 02:00 → 03:00) the end date starts at midnight in Amsterdam, an hour before midnight UTC")
    void springDaylightSavingChange() {
        LocalDate end = day("2026-03-29");
        assertThat(todayAt("2026-03-28T22:59:59Z")).isEqualTo(day("2026-03-28")); // 23:59:59 CET
        assertThat(ContractTerms.status(end, todayAt("2026-03-28T22:59:59Z"))).isEqualTo(ENDING);
        assertThat(ContractTerms.status(end, todayAt("2026-03-28T23:00:00Z"))).as("00:00 CET on 29 March").isEqualTo(ENDED);
        // the day of the change is 23 hours long: 23:59 CEST on 29 March is 21:59 UTC, the next day starts at 22:00 UTC
        assertThat(todayAt("2026-03-29T21:59:59Z")).isEqualTo(day("2026-03-29"));
        assertThat(todayAt("2026-03-29T22:00:00Z")).isEqualTo(day("2026-03-30"));
        assertThat(ContractTerms.nextRenewal(day("2025-03-30"), todayAt("2026-03-29T21:59:59Z"))).isEqualTo(day("2026-03-30"));
        assertThat(ContractTerms.nextRenewal(day("2025-03-30"), todayAt("2026-03-29T22:00:00Z"))).isEqualTo(day("2027-03-30"));
    }

    @Test
    @DisplayName("A1: on the autumn change (25 October 2026, 03:00 → 02:00) the end date starts at midnight in Amsterdam, two hours before midnight UTC")
    void autumnDaylightSavingChange() {
        LocalDate end = day("2026-10-25");
        assertThat(ContractTerms.status(end, todayAt("2026-10-24T21:59:59Z"))).as("23:59:59 CEST on 24 October").isEqualTo(ENDING);
        assertThat(ContractTerms.status(end, todayAt("2026-10-24T22:00:00Z"))).as("00:00 CEST on 25 October").isEqualTo(ENDED);
        // the day of the change is 25 hours long: it ends at 23:00 UTC, and 02:30 happens twice, on the same day
        assertThat(todayAt("2026-10-25T00:30:00Z")).isEqualTo(day("2026-10-25")); // 02:30 CEST
        assertThat(todayAt("2026-10-25T01:30:00Z")).isEqualTo(day("2026-10-25")); // 02:30 CET
        assertThat(todayAt("2026-10-25T22:59:59Z")).isEqualTo(day("2026-10-25"));
        assertThat(todayAt("2026-10-25T23:00:00Z")).isEqualTo(day("2026-10-26"));
        assertThat(ContractTerms.endingCancellable(day("2026-10-26"), todayAt("2026-10-25T22:59:59Z"))).isTrue();
        assertThat(ContractTerms.endingCancellable(day("2026-10-26"), todayAt("2026-10-25T23:00:00Z"))).isFalse();
    }
}
