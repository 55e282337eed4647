package nl.klaspoort.administration.internal;

import nl.klaspoort.enrollment.EnrollmentView;
import nl.klaspoort.enrollment.StudentLinks;

import nl.klaspoort.people.AppUser;
import nl.klaspoort.people.Professional;
import nl.klaspoort.people.Student;
import nl.klaspoort.people.UserRepository;

import graphql.schema.DataFetchingFieldSelectionSet;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.klaspoort.platform.KeyedEntities;
import nl.klaspoort.product.Product;
import nl.klaspoort.school.School;
import nl.klaspoort.platform.Connection;
import nl.klaspoort.administration.internal.SchoolUserQueries.Filter;
import nl.klaspoort.administration.internal.SchoolUserQueries.Sort;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code School.users/archive/user/userIds/supervisors} and the fields of {@code SchoolUser}. Every nested field is a
 * {@code @BatchMapping}: one statement per field per request, whatever the page size.
 */
@Controller
class SchoolUsersController {

    private final SchoolUserQueries queries;
    private final UserRepository users;
    private final StudentLinks links;

    SchoolUsersController(SchoolUserQueries queries, UserRepository users, StudentLinks links) {
        this.queries = queries;
        this.users = users;
        this.links = links;
    }

    @SchemaMapping(typeName = "School", field = "users")
    Connection<SchoolUser> users(School school, @Argument Integer first, @Argument String after, @Argument Filter filter,
            @Argument Sort sort, DataFetchingFieldSelectionSet selection) {
        return queries.page(school.getId(), false, first, after, filter, sort, selection.contains("totalCount"));
    }

    @SchemaMapping(typeName = "School", field = "archive")
    Connection<SchoolUser> archive(School school, @Argument Integer first, @Argument String after, @Argument Filter filter,
            @Argument Sort sort, DataFetchingFieldSelectionSet selection) {
        return queries.page(school.getId(), true, first, after, filter, sort, selection.contains("totalCount"));
    }

    @SchemaMapping(typeName = "School", field = "user")
    SchoolUser user(School school, @Argument String id) {
        return queries.member(school.getId(), SchoolUserQueries.id(id, "id"));
    }

    @SchemaMapping(typeName = "School", field = "userIds")
    List<String> userIds(School school, @Argument Filter filter, @Argument Boolean archived) {
        return queries.ids(school.getId(), Boolean.TRUE.equals(archived), filter).stream().map(String::valueOf).toList();
    }

    @BatchMapping(typeName = "School", field = "supervisors")
    Map<School, List<Professional>> supervisors(List<School> schools) {
        Map<Long, List<Professional>> bySchool = queries.supervisors(schools.stream().map(School::getId).toList());
        return schools.stream().collect(Collectors.toMap(Function.identity(),
                school -> bySchool.getOrDefault(school.getId(), List.of())));
    }

    @BatchMapping(typeName = "SchoolUser", field = "user")
    Map<SchoolUser, AppUser> user(List<SchoolUser> batch) {
        Map<Long, AppUser> byId = users.findAllById(batch.stream().map(SchoolUser::id).distinct().toList()).stream()
                .collect(Collectors.toMap(AppUser::getId, Function.identity()));
        return batch.stream().collect(Collectors.toMap(Function.identity(), member -> byId.get(member.id())));
    }

    @BatchMapping(typeName = "SchoolUser", field = "products")
    Map<SchoolUser, List<Product>> products(List<SchoolUser> batch) {
        return byMember(batch, queries.products(batch));
    }

    @BatchMapping(typeName = "SchoolUser", field = "supervisors")
    Map<SchoolUser, List<Professional>> supervisorsOfStudent(List<SchoolUser> batch) {
        return byMember(batch, queries.supervisorsOfStudents(batch));
    }

    @BatchMapping(typeName = "SchoolUser", field = "students")
    Map<SchoolUser, List<Student>> students(List<SchoolUser> batch) {
        return byMember(batch, queries.studentsOfSupervisors(batch));
    }

    @BatchMapping(typeName = "SchoolUser", field = "enrollments")
    Map<SchoolUser, List<EnrollmentView>> enrollments(List<SchoolUser> batch) {
        record Key(long school, long student) {}
        Map<Key, List<EnrollmentView>> byStudent = links.enrollments(
                        batch.stream().map(SchoolUser::schoolId).distinct().toList(),
                        batch.stream().map(SchoolUser::id).distinct().toList())
                .stream().collect(Collectors.groupingBy(e -> new Key(e.schoolId(), e.studentId())));
        return batch.stream().collect(Collectors.toMap(Function.identity(),
                member -> byStudent.getOrDefault(new Key(member.schoolId(), member.id()), List.of())));
    }

    /** Hands each member of the batch the rows of its own school and user (the batch may span schools). */
    static <T> Map<SchoolUser, List<T>> byMember(Collection<SchoolUser> batch, List<KeyedEntities.Row<T>> rows) {
        record Key(long school, long owner) {}
        Map<Key, List<T>> grouped = rows.stream().collect(Collectors.groupingBy(row -> new Key(row.schoolId(), row.ownerId()),
                Collectors.mapping(KeyedEntities.Row::entity, Collectors.toList())));
        return batch.stream().collect(Collectors.toMap(Function.identity(),
                member -> grouped.getOrDefault(new Key(member.schoolId(), member.id()), List.of())));
    }
}
