package nl.klaspoort.mail.internal;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Empties the outbox: each {@link MailRequested} goes to SMTP after its transaction committed (on a listener thread,
 * so a slow server never holds up a request). When the server is away the publication stays incomplete and is
 * submitted again every {@code klaspoort.mail.retry-every} (and at start, for what a stop left behind). A mail the
 * server refuses for good (a malformed address) is logged and dropped, without its address.
 */
@Component
class MailOutbox {

    private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);

    private final SmtpDelivery delivery;
    private final IncompleteEventPublications incomplete;
    private final Clock clock;
    private final Duration retryAfter;

    MailOutbox(SmtpDelivery delivery, IncompleteEventPublications incomplete, Clock clock,
            @Value("${klaspoort.mail.retry-every:PT1M}") Duration retryAfter) {
        this.delivery = delivery;
        this.incomplete = incomplete;
        this.clock = clock;
        this.retryAfter = retryAfter;
    }

    @ApplicationModuleListener
    void send(MailRequested request) {
        try {
            delivery.deliver(request.to(), request.mail());
            log.info("Mail {} sent", request.kind());
        } catch (SmtpDelivery.DeliveryFailed e) {
            if (e.permanent) {
                log.warn("Mail {} dropped: {}", request.kind(), e.getMessage());
                return;
            }
            log.warn("Mail {} not sent yet, will retry: {}", request.kind(), e.getMessage());
            throw e;
        }
    }

    /** Mails whose delivery failed (or was cut off by a stop) go out again; other modules' events are left alone. */
    @Scheduled(fixedDelayString = "${klaspoort.mail.retry-every:PT1M}", initialDelayString = "${klaspoort.mail.retry-every:PT1M}")
    void retry() {
        var before = clock.instant().minus(retryAfter);
        incomplete.resubmitIncompletePublications(publication -> publication.getEvent() instanceof MailRequested
                && publication.getPublicationDate().isBefore(before));
    }
}
