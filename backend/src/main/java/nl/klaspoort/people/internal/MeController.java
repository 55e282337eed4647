package nl.klaspoort.people.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.klaspoort.access.Role;
import nl.klaspoort.access.SchoolAccess;
import nl.klaspoort.people.People;
import nl.klaspoort.people.Person;
import nl.klaspoort.school.School;
import nl.klaspoort.school.Schools;
import nl.klaspoort.security.CurrentUser;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** {@code Query.me}: the signed-in user and their roles per school. */
@Controller
class MeController {

    record Viewer(Person user, List<Membership> memberships) {}

    record Membership(School school, List<Role> roles) {}

    private final People people;
    private final Schools schools;
    private final SchoolAccess access;

    MeController(People people, Schools schools, SchoolAccess access) {
        this.people = people;
        this.schools = schools;
        this.access = access;
    }

    @QueryMapping
    Viewer me() {
        return CurrentUser.find().flatMap(current -> people.byId(current.id())).map(user -> {
            Map<Long, Set<Role>> roles = access.rolesBySchool(user.id());
            List<Membership> memberships = schools.byIds(roles.keySet()).stream()
                    .map(school -> new Membership(school, roles.get(school.id()).stream().sorted().toList()))
                    .toList();
            return new Viewer(user, memberships);
        }).orElse(null);
    }
}
