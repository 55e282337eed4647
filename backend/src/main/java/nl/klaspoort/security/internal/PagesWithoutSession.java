package nl.klaspoort.security.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The SPA's pages and assets are the same for everyone, so serving them must not create a session: a stranger's page
 * view would otherwise cost a row in the session store (and the framework serving the shell asks for one on every
 * page). Behind Spring Security, page requests (GET/HEAD outside {@code /graphql}) see a session of their own that
 * lives for this request only and is never stored or sent as a cookie; authentication has already been read from the
 * real session by then. Sessions are created by signing in only.
 */
public final class PagesWithoutSession extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return !("GET".equals(method) || "HEAD".equals(method)) || request.getServletPath().startsWith("/graphql");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new RequestScopedSession(request), response);
    }

    private static final class RequestScopedSession extends HttpServletRequestWrapper {
        private TransientSession session;

        RequestScopedSession(HttpServletRequest request) {
            super(request);
        }

        @Override
        public HttpSession getSession(boolean create) {
            if (session == null && create) {
                session = new TransientSession(getServletContext());
            }
            return session;
        }

        @Override
        public HttpSession getSession() {
            return getSession(true);
        }

        @Override
        public String changeSessionId() {
            throw new IllegalStateException("page requests have no session");
        }
    }

    /** A session that exists for one request: attributes in a map, nothing stored, no cookie. */
    private static final class TransientSession implements HttpSession {
        private final ServletContext context;
        private final long created = System.currentTimeMillis();
        private final String id = UUID.randomUUID().toString();
        private final Map<String, Object> attributes = new HashMap<>();
        private int maxInactiveInterval = 60;

        TransientSession(ServletContext context) {
            this.context = context;
        }

        @Override public long getCreationTime() { return created; }
        @Override public String getId() { return id; }
        @Override public long getLastAccessedTime() { return created; }
        @Override public ServletContext getServletContext() { return context; }
        @Override public void setMaxInactiveInterval(int interval) { maxInactiveInterval = interval; }
        @Override public int getMaxInactiveInterval() { return maxInactiveInterval; }
        @Override public Object getAttribute(String name) { return attributes.get(name); }
        @Override public Enumeration<String> getAttributeNames() { return Collections.enumeration(attributes.keySet()); }
        @Override public void setAttribute(String name, Object value) { attributes.put(name, value); }
        @Override public void removeAttribute(String name) { attributes.remove(name); }
        @Override public void invalidate() { attributes.clear(); }
        @Override public boolean isNew() { return true; }
    }
}
