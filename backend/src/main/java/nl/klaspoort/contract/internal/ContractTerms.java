package nl.klaspoort.contract.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The date rules of contracts and licences (manual 4.13), as pure functions of dates: no clock, no database. "Today" is
 * the Amsterdam date of the application's clock ({@code Contracts.today()}). An end date is the first day without
 * access: "Eindigt op 1 augustus" means nobody logs in from 1 August on, and from that day the status reads
 * "Beëindigd sinds 1 augustus".
 */
public final class ContractTerms {

    /** GraphQL {@code ContractStatus} and {@code LicenceStatus}. */
    public enum Status {
        /** "Actief": renews automatically. */
        ACTIVE,
        /** "Eindigt op [datum]": ends on the end date, which lies after today. */
        ENDING,
        /** "Beëindigd sinds [datum]": the end date is today or has passed. */
        ENDED
    }

    private ContractTerms() {}

    /**
     * The first renewal after {@code today}: the first anniversary of {@code start} (start plus n years, n at least 1)
     * that lies after today. Terms are always counted from the start ("rekening houdend met de startdatum"), so a
     * contract started on 29 February renews on 28 February in other years and on 29 February again in a leap year.
     * On the renewal day itself the contract has renewed: the next renewal is a year on.
     */
    public static LocalDate nextRenewal(LocalDate start, LocalDate today) {
        long years = Math.max(1, ChronoUnit.YEARS.between(start, today));
        LocalDate renewal = start.plusYears(years);
        while (!renewal.isAfter(today)) {
            renewal = start.plusYears(++years);
        }
        return renewal;
    }

    /** The status on {@code today} of a contract or licence that ends on {@code end} (null: it renews). */
    public static Status status(LocalDate end, LocalDate today) {
        if (end == null) {
            return Status.ACTIVE;
        }
        return today.isBefore(end) ? Status.ENDING : Status.ENDED;
    }

    /** An ending can be cancelled while its end date has not come: from the end date on it has passed. */
    public static boolean endingCancellable(LocalDate end, LocalDate today) {
        return end != null && today.isBefore(end);
    }

    /** The renewal date to show: the next renewal while active, none once an end date is set. */
    public static LocalDate renewalShown(LocalDate start, LocalDate end, LocalDate today) {
        return end == null ? nextRenewal(start, today) : null;
    }

    /** Whether something that started on {@code start} and ends on {@code end} (null: never) counts on {@code day}. */
    public static boolean runsOn(LocalDate start, LocalDate end, LocalDate day) {
        return !day.isBefore(start) && (end == null || day.isBefore(end));
    }
}
