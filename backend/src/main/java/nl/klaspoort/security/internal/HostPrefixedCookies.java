package nl.klaspoort.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * The session and CSRF cookies, named {@code __Host-SESSION} and {@code __Host-XSRF-TOKEN} where the request came over
 * https (directly or through a TLS proxy, see {@code server.forward-headers-strategy}) or secure cookies are forced
 * ({@code klaspoort.security.secure-cookies}, on in {@code prod}): the prefix makes the browser refuse the cookie
 * unless it is Secure, has Path=/ and no Domain, so no sibling subdomain or plain-http page can plant or overwrite it.
 * On plain http (a local run on {@code http://localhost}) they are {@code SESSION} and {@code XSRF-TOKEN} without
 * Secure: a {@code __Host-} cookie must be Secure, and not every client keeps Secure cookies from http.
 */
public final class HostPrefixedCookies {

    public static final String SESSION = "SESSION";
    public static final String CSRF = "XSRF-TOKEN";
    public static final String HOST_PREFIX = "__Host-";

    private final boolean forceSecure;

    public HostPrefixedCookies(boolean forceSecure) {
        this.forceSecure = forceSecure;
    }

    boolean secure(HttpServletRequest request) {
        return forceSecure || request.isSecure();
    }

    /** The session cookie: HttpOnly, SameSite=Lax, Path=/. */
    public CookieSerializer sessionCookie() {
        DefaultCookieSerializer prefixed = session(HOST_PREFIX + SESSION, true);
        DefaultCookieSerializer plain = session(SESSION, false);
        return new CookieSerializer() {
            @Override
            public void writeCookieValue(CookieValue value) {
                (secure(value.getRequest()) ? prefixed : plain).writeCookieValue(value);
            }

            @Override
            public List<String> readCookieValues(HttpServletRequest request) {
                return (secure(request) ? prefixed : plain).readCookieValues(request);
            }
        };
    }

    private static DefaultCookieSerializer session(String name, boolean secure) {
        DefaultCookieSerializer serializer = new DefaultCookieSerializer();
        serializer.setCookieName(name);
        serializer.setCookiePath("/");
        serializer.setUseHttpOnlyCookie(true);
        serializer.setUseSecureCookie(secure);
        serializer.setSameSite("Lax");
        serializer.setUseBase64Encoding(true);
        return serializer;
    }

    /** The CSRF token cookie the SPA reads (not HttpOnly), SameSite=Strict, Path=/. */
    public CsrfTokenRepository csrfCookie() {
        CookieCsrfTokenRepository prefixed = csrf(HOST_PREFIX + CSRF, true);
        CookieCsrfTokenRepository plain = csrf(CSRF, false);
        return new CsrfTokenRepository() {
            private CsrfTokenRepository pick(HttpServletRequest request) {
                return secure(request) ? prefixed : plain;
            }

            @Override
            public CsrfToken generateToken(HttpServletRequest request) {
                return pick(request).generateToken(request);
            }

            @Override
            public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
                pick(request).saveToken(token, request, response);
            }

            @Override
            public CsrfToken loadToken(HttpServletRequest request) {
                return pick(request).loadToken(request);
            }
        };
    }

    private static CookieCsrfTokenRepository csrf(String name, boolean secure) {
        CookieCsrfTokenRepository repository = CookieCsrfTokenRepository.withHttpOnlyFalse();
        repository.setCookieName(name);
        repository.setCookiePath("/");
        repository.setCookieCustomizer(cookie -> cookie.secure(secure).sameSite("Strict"));
        return repository;
    }
}
