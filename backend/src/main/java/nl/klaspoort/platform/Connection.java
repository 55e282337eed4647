package nl.klaspoort.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list (a Relay connection): the shape of every {@code *Connection} type of the schema. A query fetches
 * {@code size + 1} rows ({@link PageSize#fetch()}); the extra row only tells that a next page exists.
 *
 * @param totalCount items over all pages; null when not asked for (counting is opt-in, it makes lists slow)
 */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, Integer totalCount) {

    /** The page of the fetched rows (at most {@code size + 1}), each edge with the cursor {@code cursor} gives it. */
    public static <T> Connection<T> of(List<T> fetched, PageSize size, boolean hasPrevious, Function<T, String> cursor) {
        List<Edge<T>> edges = new ArrayList<>();
        for (T item : fetched.subList(0, Math.min(size.value(), fetched.size()))) {
            edges.add(new Edge<>(cursor.apply(item), item));
        }
        return new Connection<>(edges, new PageInfo(fetched.size() > size.value(), hasPrevious,
                edges.isEmpty() ? null : edges.getFirst().cursor(), edges.isEmpty() ? null : edges.getLast().cursor()),
                null);
    }

    /** The same page with its total count. */
    public Connection<T> withTotalCount(Integer total) {
        return new Connection<>(edges, pageInfo, total);
    }
}
