package nl.klaspoort.enrollment.internal;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.klaspoort.enrollment.EnrollmentView;
import nl.klaspoort.people.People;
import nl.klaspoort.people.Person;
import nl.klaspoort.people.Professional;
import nl.klaspoort.people.Student;
import nl.klaspoort.platform.Keyed;
import nl.klaspoort.product.Product;
import nl.klaspoort.product.Products;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/**
 * The fields of {@code Enrollment}, each one statement per request. An enrollment is reached only through a member the
 * caller was allowed to read ({@code SchoolUser.enrollments}), so no further checks here.
 */
@Controller
class EnrollmentController {

    private final EnrollmentQueries queries;
    private final Products products;
    private final People people;

    EnrollmentController(EnrollmentQueries queries, Products products, People people) {
        this.queries = queries;
        this.products = products;
        this.people = people;
    }

    @BatchMapping(typeName = "Enrollment", field = "product")
    Map<EnrollmentView, Product> product(List<EnrollmentView> batch) {
        Map<Long, Product> byId = products.byIds(batch.stream().map(EnrollmentView::productId).distinct().toList());
        return batch.stream().distinct().collect(Collectors.toMap(Function.identity(), e -> byId.get(e.productId())));
    }

    @BatchMapping(typeName = "Enrollment", field = "student")
    Map<EnrollmentView, Student> student(List<EnrollmentView> batch) {
        Map<Long, Person> byId = people.byIds(batch.stream().map(EnrollmentView::studentId).distinct().toList());
        return batch.stream().distinct().collect(Collectors.toMap(Function.identity(), e -> (Student) byId.get(e.studentId())));
    }

    @BatchMapping(typeName = "Enrollment", field = "supervisors")
    Map<EnrollmentView, List<Professional>> supervisors(List<EnrollmentView> batch) {
        return Keyed.group(batch, EnrollmentView::schoolId, EnrollmentView::id,
                queries.supervisors(batch.stream().map(EnrollmentView::id).distinct().toList()));
    }
}
