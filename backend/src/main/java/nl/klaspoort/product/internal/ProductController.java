package nl.klaspoort.product.internal;

import nl.klaspoort.product.Product;
import nl.klaspoort.product.ProductRepository;

import java.util.List;
import nl.klaspoort.security.CurrentUser;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** {@code Query.products}: the publisher's catalogue, for any signed-in user. */
@Controller
class ProductController {

    private final ProductRepository products;

    ProductController(ProductRepository products) {
        this.products = products;
    }

    @QueryMapping
    List<Product> products() {
        CurrentUser.require();
        return products.findAllByOrderByName();
    }
}
