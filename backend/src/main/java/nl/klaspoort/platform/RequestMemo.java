package nl.klaspoort.platform;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Values computed once per GraphQL query request and shared by every field of it, such as the caller's roles (one
 * statement instead of one per field that checks access). Only a query gets a memo: it runs on the request's thread in
 * one read-only transaction, so nothing it reads can change under it. A mutation, a subscription and anything outside
 * a request have none, and {@link #get} simply computes.
 */
public final class RequestMemo {

    private static final ThreadLocal<Map<Object, Object>> CURRENT = new ThreadLocal<>();

    private RequestMemo() {}

    /** The value for {@code key} in this request's memo, computed on first use; computed every time without a memo. */
    @SuppressWarnings("unchecked")
    public static <T> T get(Object key, Supplier<T> compute) {
        Map<Object, Object> memo = CURRENT.get();
        if (memo == null) {
            return compute.get();
        }
        Object value = memo.get(key);
        if (value == null) {
            value = compute.get();
            memo.put(key, value);
        }
        return (T) value;
    }

    /** Whether this thread runs a query request with a memo. */
    public static boolean active() {
        return CURRENT.get() != null;
    }

    /** Runs {@code work} with a fresh memo on this thread (the query's execution); the memo ends with it. */
    public static <T> T with(Supplier<T> work) {
        Map<Object, Object> outer = CURRENT.get();
        CURRENT.set(new HashMap<>());
        try {
            return work.get();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }
}
