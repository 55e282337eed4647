package nl.klaspoort.contract.internal;

import java.time.LocalDate;
import nl.klaspoort.contract.Contracts.Kind;
import nl.klaspoort.contract.internal.ContractTerms.Status;

/**
 * GraphQL {@code Contract}: a school's subscription (abonnement) to a product as it stands on {@code today}: its status,
 * the renewal date shown (none once it ends) and the licences in use. Its product is batch-loaded.
 */
public record Contract(long id, long schoolId, long productId, Kind kind, String name, int seats, int licencesInUse,
        LocalDate startDate, LocalDate renewalDate, LocalDate endDate, Status status, boolean endingCancellable) {

    /** A stored contract with its seats in use, on {@code today}. */
    static Contract of(long id, long schoolId, long productId, Kind kind, String name, int seats, int inUse,
            LocalDate start, LocalDate end, LocalDate today) {
        return new Contract(id, schoolId, productId, kind, name, seats, inUse, start,
                ContractTerms.renewalShown(start, end, today), end, ContractTerms.status(end, today),
                ContractTerms.endingCancellable(end, today));
    }

    /** Whether the contract runs on {@code today} (the rule of {@code running_contract(day)}). */
    boolean runsOn(LocalDate today) {
        return ContractTerms.runsOn(startDate, endDate, today);
    }
}
