package nl.klaspoort.administration.internal;

import nl.klaspoort.platform.CommonError;

import nl.klaspoort.platform.PayloadError;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import nl.klaspoort.enrollment.Enrollments.LinkRow;
import org.springframework.stereotype.Service;

/** The link rows of a koppelingen mutation as given, checked: every product exists, every supervisor supervises. */
@Service
class LinkRules {

    private final LinkRuleQueries queries;

    LinkRules(LinkRuleQueries queries) {
        this.queries = queries;
    }

    /** Most link rows ("nog een koppeling toevoegen") in one mutation. */
    public static final int MAX_ROWS = 20;

    /** A link row as it arrives in GraphQL input. */
    public record LinkInput(String productId, List<String> supervisorIds) {}

    /**
     * The rows, once every product exists and every supervisor is an active SUPERVISOR of the school; otherwise the
     * problems go to {@code problems} (e.g. {@code bulk::inputError}). One statement. {@code allowEmpty}: an empty list
     * is valid.
     */
    public List<LinkRow> parse(long schoolId, List<LinkInput> input, boolean allowEmpty,
            Consumer<PayloadError> problems) {
        List<LinkInput> rows = input == null ? List.of() : input;
        if (rows.isEmpty() && !allowEmpty) {
            problems.accept(PayloadError.of(CommonError.EMPTY_LIST).field("links"));
        }
        if (rows.size() > MAX_ROWS) {
            problems.accept(PayloadError.of(CommonError.TOO_MANY_ITEMS).field("links").param("max", MAX_ROWS));
            return List.of();
        }
        Set<Long> products = new HashSet<>();
        Set<Long> supervisors = new LinkedHashSet<>();
        List<PayloadError> errors = new ArrayList<>();
        List<LinkRow> parsed = new ArrayList<>();
        for (LinkInput row : rows) {
            Long product = Bulk.parseId(row.productId());
            List<Long> sups = new ArrayList<>();
            if (product == null) {
                errors.add(PayloadError.of(CommonError.NOT_FOUND).field("productId"));
            }
            if (row.supervisorIds() == null || row.supervisorIds().isEmpty()) {
                errors.add(PayloadError.of(CommonError.EMPTY_LIST).field("supervisorIds"));
            } else {
                for (String raw : new LinkedHashSet<>(row.supervisorIds())) {
                    Long id = Bulk.parseId(raw);
                    if (id == null) {
                        errors.add(PayloadError.of(CommonError.NOT_FOUND).item(raw));
                    } else {
                        sups.add(id);
                    }
                }
            }
            if (product != null) {
                products.add(product);
                supervisors.addAll(sups);
                parsed.add(new LinkRow(product, sups));
            }
        }
        Map<String, Boolean> found = products.isEmpty() && supervisors.isEmpty() ? Map.of()
                : queries.productsAndSupervisors(schoolId, products, supervisors);
        products.stream().filter(p -> !found.containsKey("P" + p)).sorted()
                .forEach(p -> errors.add(PayloadError.of(CommonError.NOT_FOUND).field("productId")));
        for (long s : supervisors) {
            Boolean ok = found.get("S" + s);
            if (ok == null) {
                errors.add(PayloadError.of(CommonError.NOT_FOUND).item(s));
            } else if (!ok) {
                errors.add(PayloadError.of(AdministrationError.NOT_A_SUPERVISOR).item(s));
            }
        }
        errors.forEach(problems);
        return parsed;
    }

}
