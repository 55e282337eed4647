package nl.klaspoort.contract.internal;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.klaspoort.access.SchoolAccess;
import nl.klaspoort.contract.Contracts;
import nl.klaspoort.product.Product;
import nl.klaspoort.school.School;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code School.products}: the products a school holds a running contract for, for anyone with a role at that school;
 * one statement for any number of schools (plus the role check).
 */
@Controller
class SchoolProductsController {

    private final Contracts contracts;
    private final SchoolAccess access;

    SchoolProductsController(Contracts contracts, SchoolAccess access) {
        this.contracts = contracts;
        this.access = access;
    }

    @BatchMapping(typeName = "School", field = "products")
    Map<School, List<Product>> products(List<School> schools) {
        List<Long> allowed = access.rolesAt(schools.stream().map(School::id).toList()).entrySet().stream()
                .filter(e -> !e.getValue().isEmpty()).map(Map.Entry::getKey).toList();
        Map<Long, List<Product>> bySchool = contracts.runningProducts(allowed);
        return schools.stream().distinct().collect(Collectors.toMap(Function.identity(),
                school -> bySchool.getOrDefault(school.id(), List.of())));
    }
}
