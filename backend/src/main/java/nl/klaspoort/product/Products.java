package nl.klaspoort.product;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.klaspoort.product.internal.ProductQueries;
import nl.klaspoort.product.internal.ProductStore;
import org.springframework.stereotype.Service;

/** The publisher's products ({@code product}) and their curricula ({@code lesson}). */
@Service
public class Products {

    /** A new product with its curriculum: lesson {@code n} (from 1) is titled "Les n" and ends with a test every {@code testEvery}. */
    public record NewProduct(String code, String name, String description, String icon, String launchUrl,
            String documentationUrl, String supervisorUrl, int lessons, int testEvery) {}

    private final ProductQueries queries;
    private final ProductStore store;

    Products(ProductQueries queries, ProductStore store) {
        this.queries = queries;
        this.store = store;
    }

    /** Every product, by name. */
    public List<Product> all() {
        return queries.all();
    }

    /** The products with these ids, by id; one statement. */
    public Map<Long, Product> byIds(Collection<Long> ids) {
        return ids.isEmpty() ? Map.of() : queries.byIds(ids);
    }

    public Optional<Product> byId(long id) {
        return Optional.ofNullable(byIds(List.of(id)).get(id));
    }

    public Optional<Product> byCode(String code) {
        return queries.byCode(code);
    }

    /** Those of the ids that are products; one statement. */
    public Set<Long> existing(Collection<Long> ids) {
        return ids.isEmpty() ? Set.of() : queries.existing(ids);
    }

    /** Creates the product and its lessons; returns its id. */
    public long create(NewProduct product) {
        return store.create(product);
    }
}
