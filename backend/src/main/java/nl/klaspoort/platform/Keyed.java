package nl.klaspoort.platform;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * A value loaded for a key of a batch: "the products of each of these users at these schools" is one statement whose
 * rows are {@code Keyed(school, owner, product)}, handed back to each member of the batch by {@link #group}.
 */
public record Keyed<T>(long schoolId, long ownerId, T value) {

    /** Every key of the batch with its values (an empty list when it has none), in row order. */
    public static <K, T> Map<K, List<T>> group(Collection<K> batch, ToLongFunction<K> school, ToLongFunction<K> owner,
            List<Keyed<T>> rows) {
        record Key(long school, long owner) {}
        Map<Key, List<T>> grouped = rows.stream().collect(Collectors.groupingBy(row -> new Key(row.schoolId(), row.ownerId()),
                Collectors.mapping(Keyed::value, Collectors.toList())));
        return batch.stream().distinct().collect(Collectors.toMap(Function.identity(),
                k -> grouped.getOrDefault(new Key(school.applyAsLong(k), owner.applyAsLong(k)), List.of())));
    }
}
