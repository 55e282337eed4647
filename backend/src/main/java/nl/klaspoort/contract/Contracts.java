package nl.klaspoort.contract;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import nl.klaspoort.contract.internal.ContractQueries;
import nl.klaspoort.contract.internal.ContractStore;
import nl.klaspoort.platform.Amsterdam;
import nl.klaspoort.product.Product;
import org.springframework.stereotype.Service;

/**
 * Contracts (abonnementen) of schools for products, and the one "running contract" rule: a contract runs on a day when
 * it has started and not ended before it, the day being today in Europe/Amsterdam by the application's clock. In SQL
 * the rule is the function {@code running_contract(day)}; other modules' read models join it with
 * {@link #today()} as the parameter instead of writing the condition again.
 */
@Service
public class Contracts {

    public enum Kind { SCHOOL_WIDE, PER_STUDENT }

    /** A new contract; {@code end} null for one that runs until cancelled. */
    public record NewContract(long schoolId, long productId, Kind kind, String name, int seats, LocalDate start,
            LocalDate end) {}

    private final ContractQueries queries;
    private final ContractStore store;
    private final Clock clock;

    Contracts(ContractQueries queries, ContractStore store, Clock clock) {
        this.queries = queries;
        this.store = store;
        this.clock = clock;
    }

    /** The day the rule is evaluated on: today in Amsterdam. */
    public LocalDate today() {
        return Amsterdam.today(clock);
    }

    /** The products each school holds a running contract for today, by name; one statement. */
    public Map<Long, List<Product>> runningProducts(Collection<Long> schoolIds) {
        return schoolIds.isEmpty() ? Map.of() : queries.runningProducts(schoolIds, today());
    }

    public long create(NewContract contract) {
        return store.create(contract);
    }
}
