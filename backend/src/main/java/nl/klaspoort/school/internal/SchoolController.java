package nl.klaspoort.school.internal;

import nl.klaspoort.school.School;
import nl.klaspoort.school.SchoolRepository;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.klaspoort.access.Role;
import nl.klaspoort.access.SchoolAccess;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** {@code Query.schools}, {@code Query.school} and {@code School.myRoles}. */
@Controller
class SchoolController {

    private final SchoolRepository schools;
    private final SchoolAccess access;

    SchoolController(SchoolRepository schools, SchoolAccess access) {
        this.schools = schools;
        this.access = access;
    }

    @QueryMapping
    List<School> schools() {
        Set<Long> ids = access.rolesBySchool().keySet();
        return schools.findAllById(ids).stream().sorted(Comparator.comparing(School::getName)).toList();
    }

    @QueryMapping
    School school(@Argument long id) {
        return access.rolesAt(id).isEmpty() ? null : schools.findById(id).orElse(null);
    }

    @BatchMapping(typeName = "School", field = "myRoles")
    Map<School, List<Role>> myRoles(List<School> batch) {
        Map<Long, Set<Role>> roles = access.rolesAt(batch.stream().map(School::getId).toList());
        return batch.stream().collect(Collectors.toMap(Function.identity(),
                school -> roles.getOrDefault(school.getId(), Set.of()).stream().sorted().toList()));
    }
}
