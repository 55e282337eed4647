package nl.klaspoort.results.internal;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/** In-process fan-out of recorded results to live subscriptions (one application instance). */
@Component
public class ResultsEvents {

    private final Sinks.Many<ResultsChange> sink = Sinks.many().multicast().directBestEffort();

    /** Hands the change to the current subscribers, if any (serialised: the sink takes one emitter at a time). */
    synchronized void publish(ResultsChange change) {
        sink.tryEmitNext(change);
    }

    Flux<ResultsChange> changes() {
        return sink.asFlux();
    }

    /** Live subscriptions right now (for tests and monitoring). */
    public int subscribers() {
        return sink.currentSubscriberCount();
    }
}
