package nl.klaspoort.launch.internal;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.klaspoort.launch.internal.LaunchService.LaunchPayload;
import nl.klaspoort.product.Product;
import nl.klaspoort.school.School;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** {@code School.myProducts} (the tiles, D2/D3) and {@code productLaunch} (D3). */
@Controller
class LaunchController {

    record LaunchInput(String schoolId, String productId) {}

    private final LaunchService launches;

    LaunchController(LaunchService launches) {
        this.launches = launches;
    }

    @BatchMapping(typeName = "School", field = "myProducts")
    Map<School, List<Product>> myProducts(List<School> schools) {
        Map<Long, List<Product>> bySchool = launches.tiles(schools.stream().map(School::id).distinct().toList());
        return schools.stream().distinct().collect(Collectors.toMap(Function.identity(),
                school -> bySchool.getOrDefault(school.id(), List.of())));
    }

    @MutationMapping
    LaunchPayload productLaunch(@Argument LaunchInput input) {
        return launches.launch(input.schoolId(), input.productId());
    }
}
