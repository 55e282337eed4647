package nl.klaspoort.security.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import nl.klaspoort.security.CurrentUser;
import nl.klaspoort.security.KlaspoortUser;
import nl.klaspoort.security.SecurityEvents;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Against cross-site WebSocket hijacking: a browser sends the session cookie with a WebSocket handshake from any site,
 * and no CORS check applies, so the handshake is refused (403) unless its {@code Origin} is the application's own
 * (the scheme, host and port the request was made to, as the TLS proxy forwarded them) or one of
 * {@code klaspoort.security.allowed-origins}. A handshake without {@code Origin} comes from no browser, and so
 * carries no one's cookie by accident; it is let through to authentication.
 */
public final class WebSocketOrigins extends OncePerRequestFilter {

    private final Set<String> allowed;

    public WebSocketOrigins(List<String> allowedOrigins) {
        this.allowed = allowedOrigins.stream().map(WebSocketOrigins::normal).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"websocket".equalsIgnoreCase(request.getHeader("Upgrade"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String origin = request.getHeader("Origin");
        if (origin == null || allowed(request, origin)) {
            chain.doFilter(request, response);
            return;
        }
        SecurityEvents.record(SecurityEvents.Event.WEBSOCKET_ORIGIN_REFUSED, "origin", origin,
                "user", CurrentUser.find().map(KlaspoortUser::id).map(String::valueOf).orElse("-"),
                "ip", request.getRemoteAddr());
        response.sendError(HttpStatus.FORBIDDEN.value());
    }

    private boolean allowed(HttpServletRequest request, String origin) {
        String normal = normal(origin);
        String own = normal(request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort());
        return normal.equals(own) || allowed.contains(normal);
    }

    /** {@code scheme://host[:port]} in lower case, without the scheme's default port. */
    static String normal(String origin) {
        try {
            URI uri = URI.create(origin.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
            return scheme + "://" + host + (defaultPort ? "" : ":" + port);
        } catch (IllegalArgumentException e) {
            return "invalid:" + origin;
        }
    }
}
