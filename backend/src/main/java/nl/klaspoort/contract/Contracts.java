package nl.klaspoort.contract;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import nl.klaspoort.contract.internal.ContractLicences;
import nl.klaspoort.contract.internal.ContractQueries;
import nl.klaspoort.contract.internal.ContractStore;
import nl.klaspoort.contract.internal.ContractTerms;
import nl.klaspoort.platform.Amsterdam;
import nl.klaspoort.platform.PayloadError;
import nl.klaspoort.product.Product;
import org.springframework.stereotype.Service;

/**
 * Contracts (abonnementen) of schools for products and their licences, and the one "running contract" rule: a contract
 * runs on a day when it has started and its end date (the first day without access) has not come, the day being today
 * in Europe/Amsterdam by the application's clock. In SQL the rules are the functions {@code running_contract(day)} and
 * {@code valid_licence(day)}; other modules' read models join them with {@link #today()} as the parameter instead of
 * writing the conditions again.
 *
 * <p>Enrolling a student in a product takes a licence (a seat) of a running contract for it, and ending the enrollment
 * gives it back: the enrollment module calls {@link #licenceProblems}, {@link #take} and {@link #release}. A student
 * launches a product only with a valid licence ({@link #licensedProducts}).
 */
@Service
public class Contracts {

    /** The two kinds of the manual: school-wide (a pupil count in the name) and the legacy per-student contract. */
    public enum Kind { SCHOOL_WIDE, PER_STUDENT }

    /** A new contract; {@code end} null for one that renews until ended. */
    public record NewContract(long schoolId, long productId, Kind kind, String name, int seats, LocalDate start,
            LocalDate end) {}

    /** A student's seat in a product at a school. */
    public record Seat(long studentId, long productId) {}

    /** GraphQL {@code ProductLicenceUse}: the seats of a product's running contracts at a school and how many are in use. */
    public record LicenceUse(Product product, int total, int inUse) {}

    private final ContractQueries queries;
    private final ContractStore store;
    private final ContractLicences licences;
    private final Clock clock;

    Contracts(ContractQueries queries, ContractStore store, ContractLicences licences, Clock clock) {
        this.queries = queries;
        this.store = store;
        this.licences = licences;
        this.clock = clock;
    }

    /** The day the rules are evaluated on: today in Amsterdam. */
    public LocalDate today() {
        return Amsterdam.today(clock);
    }

    /** The products each school holds a running contract for today, by name; one statement. */
    public Map<Long, List<Product>> runningProducts(Collection<Long> schoolIds) {
        return schoolIds.isEmpty() ? Map.of() : queries.runningProducts(schoolIds, today());
    }

    /** A new contract; its stored renewal date is its next one as of today (counted from its start). */
    public long create(NewContract contract) {
        return store.create(contract, ContractTerms.nextRenewal(contract.start(), today()));
    }

    /**
     * What stands in the way of {@code needed} new licences per product at the school today: {@code NO_RUNNING_CONTRACT}
     * for a product without a running contract, {@code NOT_ENOUGH_LICENCES} ("Er zijn nog 3 van de 250 licenties vrij")
     * for one with fewer free seats than needed; each with {@code field} {@code productId}. Locks the school's contracts of
     * those products until the transaction ends, so that a {@link #take} in the same transaction finds the seats still
     * free. One statement; none when nothing is needed.
     */
    public List<PayloadError> licenceProblems(long schoolId, Map<Long, Integer> neededByProduct) {
        Map<Long, Integer> needed = new java.util.LinkedHashMap<>(neededByProduct);
        needed.values().removeIf(n -> n <= 0);
        return needed.isEmpty() ? List.of() : licences.problems(schoolId, needed, today());
    }

    /** Gives each seat a licence of a running contract with a free seat, from today; one statement (none for no seats). */
    public void take(long schoolId, Collection<Seat> seats) {
        if (!seats.isEmpty()) {
            store.take(schoolId, new ArrayList<>(seats), today());
        }
    }

    /** Gives back the licences of the seats (their enrollments ended); one statement (none for no seats). */
    public void release(long schoolId, Collection<Seat> seats) {
        if (!seats.isEmpty()) {
            store.release(schoolId, new ArrayList<>(seats));
        }
    }

    /** The products the user holds a valid licence for at the school today, by name (a pupil's tiles); one statement. */
    public List<Product> licensedProducts(long schoolId, long userId) {
        return queries.licensedProducts(schoolId, userId, today());
    }

    /** A5: whether the user holds a valid licence for the product at the school today (may launch it); one statement. */
    public boolean holdsLicence(long schoolId, long userId, long productId) {
        return queries.holdsLicence(schoolId, userId, productId, today());
    }

    /** Per school: each product with a running contract, its seats and the licences in use today; one statement. */
    public Map<Long, List<LicenceUse>> licenceUse(Collection<Long> schoolIds) {
        return schoolIds.isEmpty() ? Map.of() : queries.licenceUse(schoolIds, today());
    }
}
