package nl.klaspoort.product;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The lessons of products, in order; one statement for any number of products. */
@Service
public class Curriculum {

    private final JdbcClient jdbc;

    Curriculum(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The lessons of each given product by position (an empty list for a product without lessons). */
    public Map<Long, List<Lesson>> lessons(Collection<Long> productIds) {
        Map<Long, List<Lesson>> result = new LinkedHashMap<>();
        productIds.forEach(id -> result.put(id, List.of()));
        if (productIds.isEmpty()) {
            return result;
        }
        result.putAll(jdbc.sql("""
                        select id, product_id, position, title, ends_with_test from lesson
                         where product_id in (:ids) order by product_id, position
                        """)
                .param("ids", List.copyOf(productIds))
                .query((rs, n) -> new Lesson(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getBoolean(5)))
                .list().stream()
                .collect(Collectors.groupingBy(Lesson::productId, LinkedHashMap::new, Collectors.toList())));
        return result;
    }
}
