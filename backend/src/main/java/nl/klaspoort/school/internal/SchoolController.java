package nl.klaspoort.school.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.klaspoort.access.Role;
import nl.klaspoort.access.SchoolAccess;
import nl.klaspoort.school.School;
import nl.klaspoort.school.Schools;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** {@code Query.schools}, {@code Query.school} and {@code School.myRoles}. */
@Controller
class SchoolController {

    private final Schools schools;
    private final SchoolAccess access;

    SchoolController(Schools schools, SchoolAccess access) {
        this.schools = schools;
        this.access = access;
    }

    @QueryMapping
    List<School> schools() {
        return schools.byIds(access.rolesBySchool().keySet());
    }

    @QueryMapping
    School school(@Argument long id) {
        return access.rolesAt(id).isEmpty() ? null : schools.byId(id).orElse(null);
    }

    @BatchMapping(typeName = "School", field = "myRoles")
    Map<School, List<Role>> myRoles(List<School> batch) {
        Map<Long, Set<Role>> roles = access.rolesAt(batch.stream().map(School::id).toList());
        return batch.stream().distinct().collect(Collectors.toMap(Function.identity(),
                school -> roles.getOrDefault(school.id(), Set.of()).stream().sorted().toList()));
    }
}
