package nl.klaspoort.contract.internal;

import nl.klaspoort.product.Product;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.klaspoort.platform.KeyedEntities;
import nl.klaspoort.school.School;
import nl.klaspoort.access.SchoolAccess;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code School.products}: the products a school holds a running contract for (started, not ended before today in Europe/Amsterdam), for
 * anyone with a role at that school; one statement for any number of schools (plus the role check).
 */
@Controller
class SchoolProductsController {

    private final KeyedEntities entities;
    private final SchoolAccess access;

    SchoolProductsController(KeyedEntities entities, SchoolAccess access) {
        this.entities = entities;
        this.access = access;
    }

    @BatchMapping(typeName = "School", field = "products")
    Map<School, List<Product>> products(List<School> schools) {
        List<Long> allowed = access.rolesAt(schools.stream().map(School::getId).toList()).entrySet().stream()
                .filter(e -> !e.getValue().isEmpty()).map(Map.Entry::getKey).toList();
        Map<Long, List<Product>> bySchool = new HashMap<>();
        if (!allowed.isEmpty()) {
            entities.list(Product.class, """
                            select c.school_id as k_school, c.school_id as k_owner, e.*
                              from product e
                              join (select distinct school_id, product_id from contract
                                     where school_id in (:schools)
                                       and start_date <= (now() at time zone 'Europe/Amsterdam')::date
                                       and (end_date is null or end_date >= (now() at time zone 'Europe/Amsterdam')::date)) c on c.product_id = e.id
                             order by e.name, e.id
                            """, Map.of("schools", allowed))
                    .forEach(row -> bySchool.computeIfAbsent(row.schoolId(), k -> new ArrayList<>()).add(row.entity()));
        }
        return schools.stream().collect(Collectors.toMap(Function.identity(),
                school -> bySchool.getOrDefault(school.getId(), List.of())));
    }
}
