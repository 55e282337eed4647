package nl.klaspoort.administration.internal;

import graphql.schema.DataFetchingFieldSelectionSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.klaspoort.administration.internal.SchoolUsers.Filter;
import nl.klaspoort.administration.internal.SchoolUsers.Sort;
import nl.klaspoort.enrollment.EnrollmentView;
import nl.klaspoort.enrollment.Enrollments;
import nl.klaspoort.people.People;
import nl.klaspoort.people.Person;
import nl.klaspoort.people.Professional;
import nl.klaspoort.people.Student;
import nl.klaspoort.platform.Connection;
import nl.klaspoort.platform.Keyed;
import nl.klaspoort.product.Product;
import nl.klaspoort.school.School;
import nl.klaspoort.security.KlaspoortUser;
import nl.klaspoort.security.CurrentUser;
import nl.klaspoort.platform.AccessRefusedException;
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

    private final SchoolUsers users;
    private final SchoolUserQueries queries;
    private final People people;
    private final Enrollments enrollments;
    private final nl.klaspoort.membership.Invitations invitations;

    SchoolUsersController(SchoolUsers users, SchoolUserQueries queries, People people, Enrollments enrollments,
            nl.klaspoort.membership.Invitations invitations) {
        this.users = users;
        this.queries = queries;
        this.people = people;
        this.enrollments = enrollments;
        this.invitations = invitations;
    }

    @SchemaMapping(typeName = "School", field = "users")
    Connection<SchoolUser> users(School school, @Argument Integer first, @Argument String after, @Argument Filter filter,
            @Argument Sort sort, DataFetchingFieldSelectionSet selection) {
        return users.page(school.id(), false, first, after, filter, sort, selection.contains("totalCount"));
    }

    @SchemaMapping(typeName = "School", field = "archive")
    Connection<SchoolUser> archive(School school, @Argument Integer first, @Argument String after, @Argument Filter filter,
            @Argument Sort sort, DataFetchingFieldSelectionSet selection) {
        return users.page(school.id(), true, first, after, filter, sort, selection.contains("totalCount"));
    }

    @SchemaMapping(typeName = "School", field = "user")
    SchoolUser user(School school, @Argument String id) {
        return users.member(school.id(), SchoolUsers.id(id, "id"));
    }

    @SchemaMapping(typeName = "School", field = "userIds")
    List<String> userIds(School school, @Argument Filter filter, @Argument Boolean archived) {
        return users.ids(school.id(), Boolean.TRUE.equals(archived), filter).stream().map(String::valueOf).toList();
    }

    /** Professionals only: a pupil does not read the staff's e-mail addresses and job titles. */
    @BatchMapping(typeName = "School", field = "supervisors")
    Map<School, List<Professional>> supervisors(List<School> schools) {
        if (CurrentUser.require().kind() == KlaspoortUser.Kind.STUDENT) {
            throw new AccessRefusedException(AccessRefusedException.Reason.FORBIDDEN, "the school's supervisors");
        }
        return Keyed.group(schools, School::id, School::id, users.supervisors(schools.stream().map(School::id).toList()));
    }

    // The fields of SchoolUser: reached only through a member the caller was allowed to read.

    @BatchMapping(typeName = "SchoolUser", field = "user")
    Map<SchoolUser, Person> user(List<SchoolUser> batch) {
        Map<Long, Person> byId = new java.util.HashMap<>(people.byIds(batch.stream().map(SchoolUser::id).distinct().toList()));
        // a pending invitation (issue 10, item 9) reads as the names and address the school's admin typed
        invitations.byIds(batch.stream().map(SchoolUser::id).filter(id -> !byId.containsKey(id)).distinct().toList())
                .values().forEach(i -> byId.put(i.id(), new Professional(i.id(), i.firstName(), i.namePrefix(),
                        i.lastName(), i.email(), i.function())));
        return batch.stream().distinct().collect(Collectors.toMap(Function.identity(), member -> byId.get(member.id())));
    }

    /**
     * A professional who has not chosen a password yet, or not answered the school's invitation yet: both are "not
     * activated" to the school, which may send the mail again (the two are not told apart, see the invitations).
     */
    @BatchMapping(typeName = "SchoolUser", field = "activationPending")
    Map<SchoolUser, Boolean> activationPending(List<SchoolUser> batch) {
        // one statement for the whole page, whoever is on it; an id that is nobody's is a pending invitation's (one more
        // statement only when the page shows one)
        List<Long> ids = batch.stream().map(SchoolUser::id).distinct().toList();
        Map<Long, Boolean> hasPassword = people.hasPassword(ids);
        java.util.Set<Long> invited = invitations.byIds(ids.stream().filter(id -> !hasPassword.containsKey(id)).toList())
                .keySet();
        return batch.stream().distinct().collect(Collectors.toMap(Function.identity(), member -> !member.student()
                && (invited.contains(member.id()) || Boolean.FALSE.equals(hasPassword.get(member.id())))));
    }

    @BatchMapping(typeName = "SchoolUser", field = "products")
    Map<SchoolUser, List<Product>> products(List<SchoolUser> batch) {
        return Keyed.group(batch, SchoolUser::schoolId, SchoolUser::id, queries.products(batch));
    }

    @BatchMapping(typeName = "SchoolUser", field = "supervisors")
    Map<SchoolUser, List<Professional>> supervisorsOfStudent(List<SchoolUser> batch) {
        return Keyed.group(batch, SchoolUser::schoolId, SchoolUser::id, queries.supervisorsOfStudents(batch));
    }

    @BatchMapping(typeName = "SchoolUser", field = "students")
    Map<SchoolUser, List<Student>> students(List<SchoolUser> batch) {
        return Keyed.group(batch, SchoolUser::schoolId, SchoolUser::id, queries.studentsOfSupervisors(batch));
    }

    @BatchMapping(typeName = "SchoolUser", field = "enrollments")
    Map<SchoolUser, List<EnrollmentView>> enrollments(List<SchoolUser> batch) {
        List<Keyed<EnrollmentView>> rows = enrollments.enrollments(
                        batch.stream().map(SchoolUser::schoolId).distinct().toList(),
                        batch.stream().map(SchoolUser::id).distinct().toList())
                .stream().map(e -> new Keyed<>(e.schoolId(), e.studentId(), e)).toList();
        if (batch.stream().anyMatch(SchoolUser::followedOnly)) {
            java.util.Set<Long> followed = queries.followedEnrollments(batch);
            rows = rows.stream().filter(row -> followed.contains(row.value().id())).toList();
        }
        return Keyed.group(batch, SchoolUser::schoolId, SchoolUser::id, rows);
    }
}
