package nl.klaspoort.contract.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.klaspoort.contract.internal.ContractQueries.ProductSeats;
import nl.klaspoort.platform.PayloadError;
import org.springframework.stereotype.Component;

/** A5: whether a school's running contracts have the seats for new licences. */
@Component
public class ContractLicences {

    private final ContractQueries queries;

    ContractLicences(ContractQueries queries) {
        this.queries = queries;
    }

    /**
     * The problems of taking {@code needed} licences per product (all positive) on {@code today}, in the order of the
     * map; locks the contracts until the transaction ends. One statement.
     */
    public List<PayloadError> problems(long schoolId, Map<Long, Integer> needed, LocalDate today) {
        List<PayloadError> problems = new ArrayList<>();
        Map<Long, ProductSeats> seats = new java.util.HashMap<>();
        queries.lockSeats(schoolId, needed.keySet(), today).forEach(s -> seats.put(s.productId(), s));
        needed.forEach((product, count) -> {
            ProductSeats s = seats.get(product);
            if (s == null || s.running() == 0) {
                problems.add(PayloadError.of(ContractError.NO_RUNNING_CONTRACT).field("productId")
                        .param("product", s == null ? "#" + product : s.productName()));
            } else if (s.free() < count) {
                problems.add(PayloadError.of(ContractError.NOT_ENOUGH_LICENCES).field("productId")
                        .param("free", s.free()).param("seats", s.seats()).param("needed", count)
                        .param("product", s.productName()));
            }
        });
        return problems;
    }
}
