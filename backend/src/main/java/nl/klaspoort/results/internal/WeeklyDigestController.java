package nl.klaspoort.results.internal;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** {@code Query.weeklyDigest}, {@code Query.weeklyDigestSubscribed}, {@code Mutation.weeklyDigestSubscriptionSet} (X10). */
@Controller
class WeeklyDigestController {

    record SubscriptionInput(boolean subscribed) {}

    record SubscriptionPayload(boolean subscribed, java.util.List<nl.klaspoort.platform.PayloadError> errors) {}

    private final WeeklyDigests digests;

    WeeklyDigestController(WeeklyDigests digests) {
        this.digests = digests;
    }

    @QueryMapping
    WeeklyDigests.Digest weeklyDigest(@Argument String schoolId, @Argument String week) {
        return digests.digest(schoolId, week);
    }

    @QueryMapping
    boolean weeklyDigestSubscribed() {
        return digests.subscribed();
    }

    @MutationMapping
    SubscriptionPayload weeklyDigestSubscriptionSet(@Argument SubscriptionInput input) {
        return new SubscriptionPayload(digests.subscribe(input.subscribed()), java.util.List.of());
    }
}
