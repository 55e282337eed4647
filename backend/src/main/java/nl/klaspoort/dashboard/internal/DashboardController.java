package nl.klaspoort.dashboard.internal;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.klaspoort.contract.Contracts;
import nl.klaspoort.dashboard.internal.DashboardQueries.SchoolCounts;
import nl.klaspoort.school.School;
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

    DashboardController(DashboardQueries queries, Contracts contracts) {
        this.queries = queries;
        this.contracts = contracts;
    }

    @BatchMapping(typeName = "School", field = "counts")
    Map<School, SchoolCounts> counts(List<School> schools) {
        Map<Long, SchoolCounts> byId = queries.counts(schools.stream().map(School::id).toList(), contracts.today());
        return schools.stream().distinct().collect(Collectors.toMap(Function.identity(), s -> byId.get(s.id())));
    }
}
