package nl.klaspoort.security;

import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Security events, written to the log category {@code klaspoort.security} as one line of {@code key=value} pairs:
 * failed and throttled sign-ins, refused authorisations, refused WebSocket origins, limited callers, ended sessions.
 * They name people by id only: never a password, a login name (a pupil's username holds their name), an e-mail address
 * or an ECK iD. A client id and an IP address may appear.
 */
public final class SecurityEvents {

    /** What happened. */
    public enum Event {
        LOGIN_SUCCEEDED, LOGIN_FAILED, LOGIN_THROTTLED, TOKEN_ISSUED, TOKEN_REQUEST_FAILED, TOKEN_REQUEST_THROTTLED, ACCESS_REFUSED, CSRF_REFUSED,
        WEBSOCKET_ORIGIN_REFUSED, WEBSOCKET_OPERATION_REFUSED, REQUEST_LIMITED, SESSION_EXPIRED, SESSIONS_ENDED,
        PRODUCT_CLIENT_DISABLED, PRODUCT_CLIENT_ENABLED, PRODUCT_CLIENT_SECRET_ROTATED, SIGNING_KEY_ROTATED,
        PUBLISHER_GRANTED, PUBLISHER_REVOKED, EMAIL_CHANGE_REQUESTED, EMAIL_CHANGED, IDENTITY_CHANGE_REFUSED
    }

    private static final Logger log = LoggerFactory.getLogger("klaspoort.security");
    private static final Set<Event> ROUTINE = EnumSet.of(Event.LOGIN_SUCCEEDED, Event.TOKEN_ISSUED);

    private SecurityEvents() {}

    /**
     * Logs an event with its details as alternating keys and values, e.g. {@code record(LOGIN_FAILED, "user", 42,
     * "ip", "192.0.2.1")}. Values are written as they are, so pass ids and codes, never names or secrets.
     */
    public static void record(Event event, Object... details) {
        StringBuilder line = new StringBuilder("event=").append(event.name());
        for (int i = 0; i + 1 < details.length; i += 2) {
            line.append(' ').append(details[i]).append('=').append(clean(details[i + 1]));
        }
        // successful sign-ins are routine (INFO); everything else is worth a look (WARN)
        if (ROUTINE.contains(event)) {
            log.info(line.toString());
        } else {
            log.warn(line.toString());
        }
    }

    /** No spaces or line breaks from a value (an Origin header is the caller's text): one event is one line. */
    private static String clean(Object value) {
        String text = String.valueOf(value);
        return text.length() > 200 ? text.substring(0, 200).replaceAll("[\\s=]", "_") + "…" : text.replaceAll("[\\s=]", "_");
    }
}
