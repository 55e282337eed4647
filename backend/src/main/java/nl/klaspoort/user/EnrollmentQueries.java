package nl.klaspoort.user;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.klaspoort.platform.KeyedEntities;
import nl.klaspoort.product.Product;
import nl.klaspoort.product.ProductRepository;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;

/**
 * {@code SchoolUser.enrollments} and the fields of {@code Enrollment}, each one statement per request. Reached only
 * through a {@link SchoolUser} the caller was allowed to read, and always filtered on that member's school.
 */
@Controller
class EnrollmentQueries {

    private final JdbcClient jdbc;
    private final KeyedEntities entities;
    private final ProductRepository products;
    private final UserRepository users;

    EnrollmentQueries(JdbcClient jdbc, KeyedEntities entities, ProductRepository products, UserRepository users) {
        this.jdbc = jdbc;
        this.entities = entities;
        this.products = products;
        this.users = users;
    }

    @BatchMapping(typeName = "SchoolUser", field = "enrollments")
    Map<SchoolUser, List<EnrollmentView>> enrollments(List<SchoolUser> batch) {
        record Key(long school, long student) {}
        Map<Key, List<EnrollmentView>> byStudent = jdbc.sql("""
                        select e.id, e.school_id, e.student_id, e.product_id
                          from enrollment e join product p on p.id = e.product_id
                         where e.school_id in (:schools) and e.student_id in (:users)
                         order by p.name, e.id
                        """)
                .param("schools", batch.stream().map(SchoolUser::schoolId).distinct().toList())
                .param("users", batch.stream().map(SchoolUser::id).distinct().toList())
                .query((rs, n) -> new EnrollmentView(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .list().stream()
                .collect(Collectors.groupingBy(e -> new Key(e.schoolId(), e.studentId())));
        return batch.stream().collect(Collectors.toMap(Function.identity(),
                member -> byStudent.getOrDefault(new Key(member.schoolId(), member.id()), List.of())));
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
