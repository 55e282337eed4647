package nl.klaspoort.platform;

import java.util.ArrayList;
import java.util.List;

/**
 * The one way to build a dynamic ORDER BY: sort keys (fixed SQL expressions chosen by an enum of the schema, never
 * input) each ascending or descending. {@code OrderBy.by("grade_year", desc).then("id")} is
 * {@code grade_year desc, id}.
 */
public final class OrderBy {

    private final List<String> terms = new ArrayList<>();

    private OrderBy() {}

    public static OrderBy by(String expression, boolean descending) {
        return new OrderBy().then(expression, descending);
    }

    public OrderBy then(String expression, boolean descending) {
        terms.add(descending ? expression + " desc" : expression);
        return this;
    }

    /** Ascending keys that break ties. */
    public OrderBy then(String... expressions) {
        terms.addAll(List.of(expressions));
        return this;
    }

    public String sql() {
        return String.join(", ", terms);
    }
}
