package nl.klaspoort.hostedlicence;

import java.time.OffsetDateTime;
import nl.klaspoort.hostedlicence.internal.LicencePusher;
import org.springframework.stereotype.Service;

/**
 * Hosted licences for other modules and tests: bring Basispoort up to date now instead of at the next tick.
 */
@Service
public class HostedLicences {

    /**
     * What one round did: pushes written to the outbox by the comparison, and pushes sent, failed (retried later with
     * back-off) or found already done in Basispoort after an attempt whose outcome was unknown.
     */
    public record Round(int queued, int sent, int failed, int alreadyDone) {}

    /** A school's hosted licences as the Basispoort screen shows them (GraphQL {@code BasispoortLicences}). */
    public record Status(int granted, int waitingPushes, int waitingUsers, int failingPushes, String lastError,
            OffsetDateTime nextAttemptAt, OffsetDateTime lastSentAt) {}

    private final LicencePusher pusher;

    HostedLicences(LicencePusher pusher) {
        this.pusher = pusher;
    }

    /**
     * Compares every school's enrolments with what Basispoort was told, queues the difference and sends every push
     * that is due; returns empty figures when another node is pushing right now.
     */
    public Round pushNow() {
        return pusher.round();
    }
}
