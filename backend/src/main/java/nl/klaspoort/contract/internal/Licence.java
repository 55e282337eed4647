package nl.klaspoort.contract.internal;

import java.time.LocalDate;
import nl.klaspoort.contract.Contracts.Kind;
import nl.klaspoort.contract.internal.ContractTerms.Status;
import nl.klaspoort.people.Student;

/**
 * GraphQL {@code Licence}: one seat of a contract, held by a student, as it stands on {@code today}. Its end is its own
 * end date or the contract's, whichever comes first: when a contract ends, all its licences end with it. A per-student
 * licence renews yearly from its own start; a school-wide one renews with its contract (no renewal date of its own).
 */
public record Licence(long id, long schoolId, long contractId, Kind kind, Student student, LocalDate startDate,
        LocalDate renewalDate, LocalDate endDate, Status status, boolean endingCancellable) {

    /** A stored licence of a contract of {@code kind} that ends on {@code contractEnd} (null: renews), on {@code today}. */
    static Licence of(long id, long schoolId, long contractId, Kind kind, Student student, LocalDate start,
            LocalDate ownEnd, LocalDate contractEnd, LocalDate today) {
        LocalDate end = ownEnd == null ? contractEnd : contractEnd == null || ownEnd.isBefore(contractEnd) ? ownEnd : contractEnd;
        LocalDate renewal = kind == Kind.PER_STUDENT ? ContractTerms.renewalShown(start, end, today) : null;
        // a licence can be given back only while its own ending (not the contract's) has not come
        boolean cancellable = ownEnd != null && (contractEnd == null || ownEnd.isBefore(contractEnd))
                && (kind == Kind.SCHOOL_WIDE || ContractTerms.endingCancellable(ownEnd, today))
                && (contractEnd == null || today.isBefore(contractEnd));
        return new Licence(id, schoolId, contractId, kind, student, start, renewal, end, ContractTerms.status(end, today),
                cancellable);
    }
}
