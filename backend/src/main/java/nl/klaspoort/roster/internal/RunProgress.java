package nl.klaspoort.roster.internal;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Live progress of reading, comparing and applying (X4), fanned out to subscriptions of this application instance
 * ({@code Subscription.rosterProgress}); the run itself is in the database once compared.
 */
@Component
class RunProgress {

    enum Phase {
        /** Reading the source: Basispoort's answers, or the uploaded file. */
        READING,
        /** Comparing with the school's roster. */
        COMPARING,
        /** Applying the changes, in steps. */
        APPLYING,
        /** Done: the run holds the report. */
        DONE,
        /** Stopped: the run (when there is one) says why. */
        FAILED
    }

    /**
     * GraphQL {@code RosterProgress}.
     *
     * @param runId null until the source is compared and the run exists
     * @param done  steps done of {@code total} in this phase
     */
    record Progress(long schoolId, Long runId, Phase phase, int done, int total) {}

    private final Sinks.Many<Progress> sink = Sinks.many().multicast().directBestEffort();

    /** Hands the progress to the current subscribers, if any (serialised: the sink takes one emitter at a time). */
    synchronized void publish(Progress progress) {
        sink.tryEmitNext(progress);
    }

    Flux<Progress> of(long schoolId) {
        return sink.asFlux().filter(p -> p.schoolId() == schoolId);
    }

    int subscribers() {
        return sink.currentSubscriberCount();
    }
}
