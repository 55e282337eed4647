package nl.klaspoort.results.internal;

import nl.klaspoort.school.School;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import nl.klaspoort.security.SecurityEvents;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * {@code School.resultsOverview}, {@code School.studentResults} and {@code Subscription.resultsChanged}. The two
 * School fields take arguments and are asked for one school at a time (a school page), so they are not batched.
 */
@Controller
class SupervisorResultsController {

    private final SupervisorResults results;
    private final ResultsEvents events;

    SupervisorResultsController(SupervisorResults results, ResultsEvents events) {
        this.results = results;
        this.events = events;
    }

    @SchemaMapping(typeName = "School", field = "resultsOverview")
    SupervisorResults.OverviewConnection resultsOverview(School school, @Argument long productId, @Argument String week,
            @Argument Integer first, @Argument String after, @Argument SupervisorResults.Filter filter,
            @Argument SupervisorResults.Sort sort) {
        return results.overview(school.id(), productId, week, first, after, filter, sort);
    }

    @SchemaMapping(typeName = "School", field = "studentResults")
    SupervisorResults.StudentResults studentResults(School school, @Argument long studentId, @Argument long productId) {
        return results.studentResults(school.id(), studentId, productId);
    }

    @SubscriptionMapping
    Flux<ResultsChange> resultsChanged(@Argument long schoolId, @Argument long productId) {
        long supervisor = results.requireAssignedSupervisor(schoolId, productId);
        return events.changes()
                .filter(change -> change.schoolId() == schoolId && change.productId() == productId)
                .publishOn(Schedulers.boundedElastic())
                .<ResultsChange>handle((change, sink) -> {
                    OverviewQueries.Followed followed = results.followedStudents(supervisor, schoolId, productId, change.studentIds());
                    if (!followed.allowed()) {
                        // archived, no longer SUPERVISOR, or the product taken away since subscribing: the stream ends
                        SecurityEvents.record(SecurityEvents.Event.ACCESS_REFUSED, "caller", "user:" + supervisor,
                                "reason", "SUBSCRIPTION_ENDED", "field", "/resultsChanged");
                        sink.complete();
                    } else if (!followed.studentIds().isEmpty()) {
                        sink.next(new ResultsChange(schoolId, productId, followed.studentIds()));
                    }
                });
    }
}
