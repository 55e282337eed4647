package nl.klaspoort.security.internal;

import graphql.schema.DataFetchingEnvironment;
import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import nl.klaspoort.platform.AccessRefusedException;
import nl.klaspoort.platform.RefusalObserver;
import nl.klaspoort.security.RequestLimits;
import nl.klaspoort.security.SecurityEvents;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Logs every refused access in GraphQL as a security event: the caller by id, the reason and the field's path; no
 * data. A refusal in a batch loader is handled on another thread: the caller is then restored from the request's
 * GraphQL context, where Spring for GraphQL keeps the security context.
 */
@Component
class RefusalLog implements RefusalObserver {

    private static final ContextSnapshotFactory SNAPSHOTS = ContextSnapshotFactory.builder().build();

    @Override
    public void refused(AccessRefusedException refused, DataFetchingEnvironment env) {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller == null) {
            try (ContextSnapshot.Scope scope = SNAPSHOTS.captureFrom(env.getGraphQlContext()).setThreadLocals()) {
                caller = SecurityContextHolder.getContext().getAuthentication();
            }
        }
        SecurityEvents.record(SecurityEvents.Event.ACCESS_REFUSED, "caller", String.valueOf(RequestLimits.caller(caller)),
                "reason", refused.reason(), "field", env.getExecutionStepInfo().getPath());
    }
}
