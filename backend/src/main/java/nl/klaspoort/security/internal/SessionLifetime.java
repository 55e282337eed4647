package nl.klaspoort.security.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import nl.klaspoort.security.KlaspoortUser;
import nl.klaspoort.security.SecurityEvents;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.IndexResolver;
import org.springframework.session.Session;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A session's absolute lifetime ({@code klaspoort.security.session-absolute-lifetime}): however active, a session ends
 * that long after it began, and the next request is a stranger's (401, the SPA shows the login). Within the last idle
 * period the session's idle timeout is shortened to what is left, so the store expires it on time even if no request
 * comes. Runs right after the session filter, before Spring Security reads the session.
 */
public final class SessionLifetime extends OncePerRequestFilter {

    private final Duration absolute;
    private final Clock clock;

    public SessionLifetime(Duration absolute, Clock clock) {
        this.absolute = absolute;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            long left = session.getCreationTime() + absolute.toMillis() - clock.millis();
            if (left <= 0) {
                SecurityEvents.record(SecurityEvents.Event.SESSION_EXPIRED, "user", userId(session), "reason", "ABSOLUTE_LIFETIME");
                session.invalidate();
            } else if (left < session.getMaxInactiveInterval() * 1000L) {
                session.setMaxInactiveInterval((int) Math.max(1, left / 1000));
            }
        }
        chain.doFilter(request, response);
    }

    private static String userId(HttpSession session) {
        String id = userIdIn(session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY));
        return id == null ? "-" : id;
    }

    /** The signed-in person's id in a session's security context attribute; null when there is none. */
    private static String userIdIn(Object context) {
        return context instanceof SecurityContext security && security.getAuthentication() != null
                && security.getAuthentication().getPrincipal() instanceof KlaspoortUser user ? Long.toString(user.id()) : null;
    }

    /**
     * Indexes sessions by the signed-in person's id (not their login name, which can change), so that
     * {@code UserSessions} finds all of a person's sessions.
     */
    public static IndexResolver<Session> byUserId() {
        return session -> {
            Object context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
            String id = userIdIn(context);
            return id == null ? Map.of() : Map.of(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, id);
        };
    }
}
