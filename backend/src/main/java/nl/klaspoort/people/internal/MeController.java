package nl.klaspoort.people.internal;

import nl.klaspoort.people.AppUser;
import nl.klaspoort.people.UserRepository;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.klaspoort.school.School;
import nl.klaspoort.school.SchoolRepository;
import nl.klaspoort.security.CurrentUser;
import nl.klaspoort.access.Role;
import nl.klaspoort.access.SchoolAccess;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** {@code Query.me}: the signed-in user and their roles per school. */
@Controller
class MeController {

    record Viewer(AppUser user, List<Membership> memberships) {}

    record Membership(School school, List<Role> roles) {}

    private final UserRepository users;
    private final SchoolRepository schools;
    private final SchoolAccess access;

    MeController(UserRepository users, SchoolRepository schools, SchoolAccess access) {
        this.users = users;
        this.schools = schools;
        this.access = access;
    }

    @QueryMapping
    Viewer me() {
        return CurrentUser.find().flatMap(current -> users.findById(current.id())).map(user -> {
            Map<Long, Set<Role>> roles = access.rolesBySchool(user.getId());
            List<Membership> memberships = schools.findAllById(roles.keySet()).stream()
                    .sorted(Comparator.comparing(School::getName))
                    .map(school -> new Membership(school, roles.get(school.getId()).stream().sorted().toList()))
                    .toList();
            return new Viewer(user, memberships);
        }).orElse(null);
    }
}
