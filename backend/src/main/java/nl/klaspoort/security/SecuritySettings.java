package nl.klaspoort.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The browser and caller limits of {@code klaspoort.security.*}; the values and why are in {@code docs/security.md}.
 *
 * @param allowedOrigins origins besides the application's own (scheme://host[:port]) from which a WebSocket may connect
 * @param sessionAbsoluteLifetime a session ends this long after sign-in, however active it is
 * @param secureCookies cookies only over https, with the {@code __Host-} prefix (on in {@code prod}); otherwise that
 *     follows the request's scheme
 * @param login the login and token-endpoint throttle
 * @param requests the per-user and per-client limits on {@code /graphql}
 * @param launchOrigins the products' origins (scheme://host[:port]) a page may post a launch token to (D3): the
 *     Content-Security-Policy's {@code form-action} allows them besides the application's own
 */
@ConfigurationProperties("klaspoort.security")
public record SecuritySettings(List<String> allowedOrigins, Duration sessionAbsoluteLifetime, boolean secureCookies,
        Login login, Requests requests, List<String> launchOrigins) {

    public SecuritySettings {
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        launchOrigins = launchOrigins == null ? List.of()
                : launchOrigins.stream().map(String::strip).filter(o -> !o.isEmpty()).map(o -> o.replaceAll("/+$", "")).toList();
    }

    /**
     * Failed sign-ins (wrong password, unknown account, bad client secret) are counted per account and per IP address
     * in token buckets: {@code accountAttempts} at once, then one more every {@code accountRefill}; the same for the
     * IP address, whose bucket is larger because a school's pupils share one address. A successful sign-in empties
     * the account's count. While a bucket is empty every attempt is refused with 429, also with the right password.
     * The buckets are in PostgreSQL, shared by every node; every {@code cleanupEvery} the rows of full ones go.
     */
    public record Login(int accountAttempts, Duration accountRefill, int ipAttempts, Duration ipRefill,
            Duration cleanupEvery) {}

    /**
     * Per signed-in user and per product client: {@code burst} requests at once, refilled at {@code perSecond}, and
     * at most {@code concurrent} running at the same time. Beyond that: 429 with a Retry-After header.
     */
    public record Requests(int burst, int perSecond, int concurrent) {}
}
