package nl.klaspoort.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one way to build a dynamic WHERE clause: conditions joined with {@code and}, each with its named parameters, so
 * SQL text and values never mix. Conditions are fixed SQL fragments written in the queries class; only values vary.
 *
 * <pre>{@code
 * Where where = Where.of("ps.product_id = :product", "product", productId)
 *         .andIf(schoolId != null, "ps.school_id = :school", "school", schoolId);
 * jdbc.sql("select ... where " + where.sql()).params(where.params())
 * }</pre>
 */
public final class Where {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> params = new LinkedHashMap<>();

    private Where() {}

    /** No condition yet: {@link #sql()} is {@code true}. */
    public static Where all() {
        return new Where();
    }

    /** One condition with its parameters as name, value pairs. */
    public static Where of(String condition, Object... nameValues) {
        return new Where().and(condition, nameValues);
    }

    /** Adds a condition with its parameters as name, value pairs. */
    public Where and(String condition, Object... nameValues) {
        if (nameValues.length % 2 != 0) {
            throw new IllegalArgumentException("parameters come as name, value pairs: " + condition);
        }
        conditions.add(condition);
        for (int i = 0; i < nameValues.length; i += 2) {
            params.put((String) nameValues[i], nameValues[i + 1]);
        }
        return this;
    }

    /** Adds the condition only {@code when} it applies (e.g. the filter was given). */
    public Where andIf(boolean when, String condition, Object... nameValues) {
        return when ? and(condition, nameValues) : this;
    }

    /** A parameter used elsewhere in the statement (a join, the limit). */
    public Where param(String name, Object value) {
        params.put(name, value);
        return this;
    }

    /** Whether no condition was added. */
    public boolean isEmpty() {
        return conditions.isEmpty();
    }

    /** The conditions joined with {@code and}; {@code true} when there are none. */
    public String sql() {
        return conditions.isEmpty() ? "true" : String.join(" and ", conditions);
    }

    /** Every parameter, for {@code JdbcClient.StatementSpec.params(Map)}. */
    public Map<String, Object> params() {
        return params;
    }
}
