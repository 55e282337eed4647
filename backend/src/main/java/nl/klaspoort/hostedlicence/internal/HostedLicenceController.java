package nl.klaspoort.hostedlicence.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.klaspoort.access.Role;
import nl.klaspoort.access.SchoolAccess;
import nl.klaspoort.hostedlicence.HostedLicences;
import nl.klaspoort.school.School;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/** {@code School.basispoortLicences} (batched): the hosted licences of the schools where the caller is ADMIN. */
@Controller
class HostedLicenceController {

    private final LicenceQueries queries;
    private final SchoolAccess access;

    HostedLicenceController(LicenceQueries queries, SchoolAccess access) {
        this.queries = queries;
        this.access = access;
    }

    @BatchMapping(typeName = "School", field = "basispoortLicences")
    Map<School, HostedLicences.Status> basispoortLicences(List<School> schools) {
        Set<Long> administered = access.rolesAt(schools.stream().map(School::id).toList()).entrySet().stream()
                .filter(e -> e.getValue().contains(Role.ADMIN)).map(Map.Entry::getKey).collect(Collectors.toSet());
        if (administered.isEmpty()) {
            return Map.of();
        }
        Map<Long, HostedLicences.Status> status = queries.status(administered);
        return schools.stream().filter(s -> status.containsKey(s.id())).collect(Collectors.toMap(s -> s, s -> status.get(s.id())));
    }
}
