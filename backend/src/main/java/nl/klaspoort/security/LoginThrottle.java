package nl.klaspoort.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import nl.klaspoort.security.internal.LoginThrottleStore;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows down password guessing at {@code POST /login} and {@code POST /oauth2/token} ({@link SecuritySettings.Login}):
 * failures are counted per account (the login name or client id) and per IP address. Once either bucket is empty,
 * every attempt is refused with 429 and a Retry-After header before the password is even looked at, so the right
 * password after twenty wrong ones does not get in either; the wait grows with each further failure once the bucket
 * refills. A successful sign-in forgets the account's failures (not the address's).
 *
 * <p>The buckets live in PostgreSQL ({@link LoginThrottleStore}), so every node counts the same failures and a restart
 * forgets none. A bucket of {@code capacity} attempts that gets one back every {@code refill} is kept as one moment:
 * when it is full again. It holds {@code (fullAt - now) / refill} spent attempts, so an attempt waits while
 * {@code fullAt} lies more than {@code capacity - 1} refills ahead. Time is the system clock's (as the nodes' clocks
 * agree), not the application's, which tests move by days.
 */
public final class LoginThrottle {

    private static final String ACCOUNT = "account";
    private static final String ADDRESS = "address";
    /** No SHA-256 is empty: asks for the account's bucket only. */
    private static final byte[] NO_ADDRESS = new byte[0];

    private final SecuritySettings.Login settings;
    private final LoginThrottleStore store;
    private final Clock clock;

    public LoginThrottle(SecuritySettings.Login settings, LoginThrottleStore store, Clock clock) {
        this.settings = settings;
        this.store = store;
        this.clock = clock;
    }

    /** Zero when the account may try from this address now, else how long to wait. */
    public Duration waitBeforeAttempt(String account, String ip) {
        Instant now = clock.instant();
        Map<String, Instant> fullAt = store.fullAt(key(account), key(ip));
        Duration account0 = wait(fullAt.get(ACCOUNT), now, settings.accountAttempts(), settings.accountRefill());
        Duration ip0 = wait(fullAt.get(ADDRESS), now, settings.ipAttempts(), settings.ipRefill());
        return account0.compareTo(ip0) >= 0 ? account0 : ip0;
    }

    public void failed(String account, String ip) {
        Instant now = clock.instant();
        store.take(ACCOUNT, key(account), now, settings.accountRefill(), settings.accountAttempts());
        store.take(ADDRESS, key(ip), now, settings.ipRefill(), settings.ipAttempts());
    }

    /**
     * For a password asked again inside a session (e.g. to change one's e-mail): zero when the account may try now,
     * else how long to wait. The same account bucket as {@code /login}, so guesses here and there add up.
     */
    public Duration waitBeforeAttempt(String account) {
        Instant fullAt = store.fullAt(key(account), NO_ADDRESS).get(ACCOUNT);
        return wait(fullAt, clock.instant(), settings.accountAttempts(), settings.accountRefill());
    }

    /** A wrong password asked again inside a session: counts against the account only. */
    public void failed(String account) {
        store.take(ACCOUNT, key(account), clock.instant(), settings.accountRefill(), settings.accountAttempts());
    }

    public void succeeded(String account) {
        store.forget(ACCOUNT, key(account));
    }

    /**
     * Deletes the buckets that are full again, every {@code klaspoort.security.login.cleanup-every} on every node (a
     * delete of what no one needs, so nodes need not take turns); how many went.
     */
    @Scheduled(fixedDelayString = "${klaspoort.security.login.cleanup-every:PT10M}", initialDelayString = "PT1M")
    public int deleteFullBuckets() {
        return store.deleteFull(clock.instant());
    }

    /** How long until a bucket that is full at {@code fullAt} (null: full now) has an attempt left. */
    private static Duration wait(Instant fullAt, Instant now, int capacity, Duration refill) {
        if (fullAt == null) {
            return Duration.ZERO;
        }
        Duration wait = Duration.between(now, fullAt).minus(refill.multipliedBy(capacity - 1L));
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    /** The SHA-256 of the name in lower case, without surrounding spaces: the table holds no login names. */
    private static byte[] key(String name) {
        String normal = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        try {
            return MessageDigest.getInstance("SHA-256").digest(normal.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
