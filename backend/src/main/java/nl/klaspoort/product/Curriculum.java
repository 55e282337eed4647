package nl.klaspoort.product;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import nl.klaspoort.product.internal.ProductQueries;
import org.springframework.stereotype.Service;

/** The lessons of products, in order; one statement for any number of products. */
@Service
public class Curriculum {

    private final ProductQueries queries;

    Curriculum(ProductQueries queries) {
        this.queries = queries;
    }

    /** The lessons of each given product by position (an empty list for a product without lessons). */
    public Map<Long, List<Lesson>> lessons(Collection<Long> productIds) {
        return queries.lessons(productIds);
    }
}
