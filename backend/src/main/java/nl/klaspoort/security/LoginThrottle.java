package nl.klaspoort.security;

import io.github.bucket4j.TimeMeter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;
import nl.klaspoort.security.internal.KeyedBuckets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows down password guessing at {@code POST /login} and {@code POST /oauth2/token} ({@link SecuritySettings.Login}):
 * failures are counted per account (the login name or client id) and per IP address. Once either bucket is empty,
 * every attempt is refused with 429 and a Retry-After header before the password is even looked at, so the right
 * password after twenty wrong ones does not get in either; the wait grows with each further failure once the bucket
 * refills. A successful sign-in forgets the account's failures (not the address's).
 */
public final class LoginThrottle {

    private final KeyedBuckets accounts;
    private final KeyedBuckets addresses;

    public LoginThrottle(SecuritySettings.Login settings, TimeMeter time) {
        this.accounts = new KeyedBuckets(settings.accountAttempts(), settings.accountRefill(), 100_000, time);
        this.addresses = new KeyedBuckets(settings.ipAttempts(), settings.ipRefill(), 100_000, time);
    }

    /** Zero when the account may try from this address now, else how long to wait. */
    public Duration waitBeforeAttempt(String account, String ip) {
        Duration account0 = accounts.waitFor(key(account));
        Duration ip0 = addresses.waitFor(ip);
        return account0.compareTo(ip0) >= 0 ? account0 : ip0;
    }

    public void failed(String account, String ip) {
        accounts.take(key(account));
        addresses.take(ip);
    }

    /**
     * For a password asked again inside a session (e.g. to change one's e-mail): zero when the account may try now,
     * else how long to wait. The same account bucket as {@code /login}, so guesses here and there add up.
     */
    public Duration waitBeforeAttempt(String account) {
        return accounts.waitFor(key(account));
    }

    /** A wrong password asked again inside a session: counts against the account only. */
    public void failed(String account) {
        accounts.take(key(account));
    }

    public void succeeded(String account) {
        accounts.reset(key(account));
    }

    private static String key(String account) {
        return account == null ? "" : account.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * A filter in front of a sign-in endpoint: refuses throttled attempts with 429; with {@code recordOutcome} it also
     * counts the outcome from the response status (401 = failed, 2xx = succeeded), for endpoints whose success and
     * failure handlers are not ours (the token endpoint).
     */
    public OncePerRequestFilter filter(String path, Function<HttpServletRequest, String> account, boolean recordOutcome,
            SecurityEvents.Event throttledEvent, SecurityEvents.Event failedEvent) {
        return new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !"POST".equals(request.getMethod()) || !path.equals(request.getServletPath());
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String who = account.apply(request);
                String ip = request.getRemoteAddr();
                Duration wait = waitBeforeAttempt(who, ip);
                if (!wait.isZero()) {
                    SecurityEvents.record(throttledEvent, "ip", ip, "retryAfterSeconds", seconds(wait));
                    tooManyAttempts(response, wait);
                    return;
                }
                chain.doFilter(request, response);
                if (recordOutcome && response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
                    failed(who, ip);
                    SecurityEvents.record(failedEvent, "client", who == null ? "-" : who, "ip", ip);
                } else if (recordOutcome && response.getStatus() < 300) {
                    succeeded(who);
                    SecurityEvents.record(SecurityEvents.Event.TOKEN_ISSUED, "client", who == null ? "-" : who, "ip", ip);
                }
            }
        };
    }

    static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    /** 429 with Retry-After and {@code {"ok":false,"error":"TOO_MANY_ATTEMPTS","retryAfterSeconds":n}}. */
    public static void tooManyAttempts(HttpServletResponse response, Duration wait) throws IOException {
        long seconds = seconds(wait);
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", Long.toString(seconds));
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getWriter().write("{\"ok\":false,\"error\":\"TOO_MANY_ATTEMPTS\",\"retryAfterSeconds\":" + seconds + "}");
    }
}
