package nl.klaspoort.dashboard.internal;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.klaspoort.access.Role;
import nl.klaspoort.access.SchoolAccess;
import nl.klaspoort.contract.Contracts;
import nl.klaspoort.dashboard.internal.DashboardQueries.SchoolCounts;
import nl.klaspoort.platform.AccessRefusedException;
import nl.klaspoort.platform.Messages;
import nl.klaspoort.school.School;
import nl.klaspoort.security.CurrentUser;
import nl.klaspoort.security.KlaspoortUser;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/**
 * The dashboard's numbers per school ({@code School.counts}), one statement for any number of schools. Reached only
 * through a school the caller holds a role at ({@code Query.schools}, {@code Query.school}).
 */
@Controller
class DashboardController {

    private final DashboardQueries queries;
    private final Contracts contracts;
    private final HealthAlerts alerts;
    private final SchoolAccess access;

    DashboardController(DashboardQueries queries, Contracts contracts, HealthAlerts alerts, SchoolAccess access) {
        this.queries = queries;
        this.contracts = contracts;
        this.alerts = alerts;
        this.access = access;
    }

    /** X9: the school's health alerts, for its admins; empty for everyone else. One statement for any number of schools. */
    @BatchMapping(typeName = "School", field = "alerts")
    Map<School, List<HealthAlerts.Alert>> alerts(List<School> schools, graphql.GraphQLContext context) {
        List<Long> administered = access.rolesAt(schools.stream().map(School::id).toList()).entrySet().stream()
                .filter(e -> e.getValue().contains(Role.ADMIN)).map(Map.Entry::getKey).toList();
        Map<Long, List<HealthAlerts.Alert>> byId = alerts.of(administered, Messages.languageOf(context));
        return schools.stream().distinct().collect(Collectors.toMap(Function.identity(),
                s -> byId.getOrDefault(s.id(), List.of())));
    }

    /** Professionals only: a pupil sees their own school's name, not its numbers. */
    @BatchMapping(typeName = "School", field = "counts")
    Map<School, SchoolCounts> counts(List<School> schools) {
        if (CurrentUser.require().kind() == KlaspoortUser.Kind.STUDENT) {
            throw new AccessRefusedException(AccessRefusedException.Reason.FORBIDDEN, "school counts");
        }
        Map<Long, SchoolCounts> byId = queries.counts(schools.stream().map(School::id).toList(), contracts.today());
        return schools.stream().distinct().collect(Collectors.toMap(Function.identity(), s -> byId.get(s.id())));
    }
}
