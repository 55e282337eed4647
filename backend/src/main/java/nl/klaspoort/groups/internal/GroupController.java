package nl.klaspoort.groups.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.klaspoort.access.Role;
import nl.klaspoort.access.SchoolAccess;
import nl.klaspoort.groups.Groups.Group;
import nl.klaspoort.people.Person;
import nl.klaspoort.platform.Keyed;
import nl.klaspoort.school.School;
import nl.klaspoort.security.CurrentUser;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code School.groups}: an ADMIN sees the school's groups, a SUPERVISOR the groups they are linked to (BP5: a teacher
 * sees the groups the school's roster links them to); {@code Group.students} and {@code Group.teachers}, batched.
 */
@Controller
class GroupController {

    private final GroupQueries queries;
    private final SchoolAccess access;

    GroupController(GroupQueries queries, SchoolAccess access) {
        this.queries = queries;
        this.access = access;
    }

    @BatchMapping(typeName = "School", field = "groups")
    Map<School, List<Group>> groups(List<School> schools) {
        Map<Long, Set<Role>> roles = access.rolesAt(schools.stream().map(School::id).toList());
        List<Long> all = roles.entrySet().stream().filter(e -> e.getValue().contains(Role.ADMIN)).map(Map.Entry::getKey).toList();
        List<Long> own = roles.entrySet().stream().filter(e -> !e.getValue().contains(Role.ADMIN)
                && e.getValue().contains(Role.SUPERVISOR)).map(Map.Entry::getKey).toList();
        Map<Long, List<Group>> bySchool = new HashMap<>();
        if (!all.isEmpty() || !own.isEmpty()) {
            queries.active(all, own, CurrentUser.id())
                    .forEach(g -> bySchool.computeIfAbsent(g.schoolId(), k -> new java.util.ArrayList<>()).add(g));
        }
        Map<School, List<Group>> result = new HashMap<>();
        schools.stream().filter(s -> all.contains(s.id()) || own.contains(s.id()))
                .forEach(s -> result.put(s, bySchool.getOrDefault(s.id(), List.of())));
        return result;
    }

    @BatchMapping(typeName = "Group", field = "students")
    Map<Group, List<Person>> students(List<Group> groups) {
        return Keyed.group(groups, Group::schoolId, Group::id, queries.members(groups.stream().map(Group::id).toList(), "STUDENT"));
    }

    @BatchMapping(typeName = "Group", field = "teachers")
    Map<Group, List<Person>> teachers(List<Group> groups) {
        return Keyed.group(groups, Group::schoolId, Group::id,
                queries.members(groups.stream().map(Group::id).toList(), "PROFESSIONAL"));
    }
}
