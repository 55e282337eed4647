package nl.klaspoort.platform.internal;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.Clock;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

/** {@code Subscription.heartbeat}: proves the graphql-ws path (session, security, push) end to end. */
@Controller
class HeartbeatController {

    private final Clock clock;

    HeartbeatController(Clock clock) {
        this.clock = clock;
    }

    record Heartbeat(int sequence, OffsetDateTime at) {}

    @SubscriptionMapping
    Flux<Heartbeat> heartbeat(@Argument Integer everyMillis) {
        int every = Math.clamp(everyMillis == null ? 1000 : everyMillis, 100, 60_000);
        return Flux.interval(Duration.ZERO, Duration.ofMillis(every))
                .map(tick -> new Heartbeat((int) (tick + 1), OffsetDateTime.now(clock)));
    }
}
