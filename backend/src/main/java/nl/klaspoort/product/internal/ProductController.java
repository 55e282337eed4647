package nl.klaspoort.product.internal;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.klaspoort.product.Curriculum;
import nl.klaspoort.product.Lesson;
import nl.klaspoort.product.Product;
import nl.klaspoort.product.Products;
import nl.klaspoort.security.CurrentUser;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** {@code Query.products} (the publisher's catalogue, any signed-in user) and {@code Product.lessons} (batched). */
@Controller
class ProductController {

    private final Products products;
    private final Curriculum curriculum;

    ProductController(Products products, Curriculum curriculum) {
        this.products = products;
        this.curriculum = curriculum;
    }

    @QueryMapping
    List<Product> products() {
        CurrentUser.require();
        return products.all();
    }

    @BatchMapping(typeName = "Product", field = "lessons")
    Map<Product, List<Lesson>> lessons(List<Product> batch) {
        Map<Long, List<Lesson>> byProduct = curriculum.lessons(batch.stream().map(Product::id).distinct().toList());
        return batch.stream().distinct().collect(Collectors.toMap(Function.identity(), p -> byProduct.get(p.id())));
    }
}
