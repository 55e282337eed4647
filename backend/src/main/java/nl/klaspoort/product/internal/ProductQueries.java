package nl.klaspoort.product.internal;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import nl.klaspoort.product.Lesson;
import nl.klaspoort.product.Product;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads {@code product} and {@code lesson}. */
@Repository
public class ProductQueries {

    private final JdbcClient jdbc;

    ProductQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Product> all() {
        return jdbc.sql("select * from product order by name, id").query((rs, n) -> Product.fromRow(rs)).list();
    }

    public Map<Long, Product> byIds(Collection<Long> ids) {
        Map<Long, Product> products = new LinkedHashMap<>();
        jdbc.sql("select * from product where id in (:ids)").param("ids", List.copyOf(ids))
                .query((rs, n) -> Product.fromRow(rs)).list().forEach(p -> products.put(p.id(), p));
        return products;
    }

    public Optional<Product> byCode(String code) {
        return jdbc.sql("select * from product where code = :code").param("code", code)
                .query((rs, n) -> Product.fromRow(rs)).optional();
    }

    public Set<Long> existing(Collection<Long> ids) {
        return new HashSet<>(jdbc.sql("select id from product where id = any(:ids)")
                .param("ids", ids.toArray(Long[]::new)).query(Long.class).list());
    }

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
