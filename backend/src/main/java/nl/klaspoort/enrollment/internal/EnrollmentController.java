package nl.klaspoort.enrollment.internal;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.klaspoort.enrollment.EnrollmentView;
import nl.klaspoort.people.AppUser;
import nl.klaspoort.people.Professional;
import nl.klaspoort.people.Student;
import nl.klaspoort.people.UserRepository;
import nl.klaspoort.platform.KeyedEntities;
import nl.klaspoort.product.Product;
import nl.klaspoort.product.ProductRepository;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/**
 * The fields of {@code Enrollment}, each one statement per request. An enrollment is reached only through a member the
 * caller was allowed to read ({@code SchoolUser.enrollments}), so no further checks here.
 */
@Controller
class EnrollmentController {

    private final KeyedEntities entities;
    private final ProductRepository products;
    private final UserRepository users;

    EnrollmentController(KeyedEntities entities, ProductRepository products, UserRepository users) {
        this.entities = entities;
        this.products = products;
        this.users = users;
    }

    @BatchMapping(typeName = "Enrollment", field = "product")
    Map<EnrollmentView, Product> product(List<EnrollmentView> batch) {
        Map<Long, Product> byId = products.findAllById(batch.stream().map(EnrollmentView::productId).distinct().toList())
                .stream().collect(Collectors.toMap(Product::getId, Function.identity()));
        return batch.stream().collect(Collectors.toMap(Function.identity(), e -> byId.get(e.productId())));
    }

    @BatchMapping(typeName = "Enrollment", field = "student")
    Map<EnrollmentView, Student> student(List<EnrollmentView> batch) {
        Map<Long, AppUser> byId = users.findAllById(batch.stream().map(EnrollmentView::studentId).distinct().toList())
                .stream().collect(Collectors.toMap(AppUser::getId, Function.identity()));
        return batch.stream().collect(Collectors.toMap(Function.identity(), e -> (Student) byId.get(e.studentId())));
    }

    @BatchMapping(typeName = "Enrollment", field = "supervisors")
    Map<EnrollmentView, List<Professional>> supervisors(List<EnrollmentView> batch) {
        Map<Long, List<Professional>> byEnrollment = entities.list(Professional.class, """
                        select es.school_id as k_school, es.enrollment_id as k_owner, e.*
                          from enrollment_supervisor es join app_user e on e.id = es.supervisor_id
                         where es.enrollment_id in (:enrollments)
                         order by e.search_last, e.search_first, e.id
                        """, Map.of("enrollments", batch.stream().map(EnrollmentView::id).distinct().toList()))
                .stream().collect(Collectors.groupingBy(KeyedEntities.Row::ownerId,
                        Collectors.mapping(KeyedEntities.Row::entity, Collectors.toList())));
        return batch.stream().collect(Collectors.toMap(Function.identity(),
                e -> byEnrollment.getOrDefault(e.id(), List.of())));
    }
}
