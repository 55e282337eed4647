package nl.klaspoort.product.internal;

import nl.klaspoort.product.Curriculum;
import nl.klaspoort.product.Lesson;
import nl.klaspoort.product.Product;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/** {@code Product.lessons}, batched: one statement per request whatever the number of products. */
@Controller
class LessonController {

    private final Curriculum curriculum;

    LessonController(Curriculum curriculum) {
        this.curriculum = curriculum;
    }

    @BatchMapping(typeName = "Product", field = "lessons")
    Map<Product, List<Lesson>> lessons(List<Product> products) {
        Map<Long, List<Lesson>> byProduct = curriculum.lessons(products.stream().map(Product::getId).toList());
        return products.stream().collect(Collectors.toMap(Function.identity(), p -> byProduct.get(p.getId())));
    }
}
