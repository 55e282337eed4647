package nl.klaspoort.user;

import graphql.schema.DataFetchingFieldSelectionSet;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.klaspoort.platform.KeyedEntities;
import nl.klaspoort.product.Product;
import nl.klaspoort.school.School;
import nl.klaspoort.security.AccessRefusedException;
import nl.klaspoort.security.CurrentUser;
import nl.klaspoort.security.KlaspoortUser;
import nl.klaspoort.user.SchoolUserQueries.Connection;
import nl.klaspoort.user.SchoolUserQueries.Filter;
import nl.klaspoort.user.SchoolUserQueries.Sort;
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

    SchoolUsersController(SchoolUserQueries queries, UserRepository users) {
        this.queries = queries;
        this.users = users;
    }

    @SchemaMapping(typeName = "School", field = "users")
    Connection users(School school, @Argument Integer first, @Argument String after, @Argument Filter filter,
            @Argument Sort sort, DataFetchingFieldSelectionSet selection) {
        return queries.page(school.getId(), false, first, after, filter, sort, selection.contains("totalCount"));
    }

    @SchemaMapping(typeName = "School", field = "archive")
    Connection archive(School school, @Argument Integer first, @Argument String after, @Argument Filter filter,
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

    /** Professionals only: a pupil does not read the staff's e-mail addresses and job titles. */
    @BatchMapping(typeName = "School", field = "supervisors")
    Map<School, List<Professional>> supervisors(List<School> schools) {
        if (CurrentUser.require().kind() == KlaspoortUser.Kind.STUDENT) {
            throw new AccessRefusedException(AccessRefusedException.Reason.FORBIDDEN, "the school's supervisors");
        }
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

    /** Hands each member of the batch the rows of its own school and user (the batch may span schools). */
    static <T> Map<SchoolUser, List<T>> byMember(Collection<SchoolUser> batch, List<KeyedEntities.Row<T>> rows) {
        record Key(long school, long owner) {}
        Map<Key, List<T>> grouped = rows.stream().collect(Collectors.groupingBy(row -> new Key(row.schoolId(), row.ownerId()),
                Collectors.mapping(KeyedEntities.Row::entity, Collectors.toList())));
        return batch.stream().collect(Collectors.toMap(Function.identity(),
                member -> grouped.getOrDefault(new Key(member.schoolId(), member.id()), List.of())));
    }
}
