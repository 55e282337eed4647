package klaspoort.peers.products;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a product does with Klaspoort's launch token (D3), in one class a product's developers can copy: the signature
 * against Klaspoort's published keys (its JWKS, fetched and cached, refetched for an unknown key id), RS256 only, the
 * issuer, this product as audience, a lifetime of at most two minutes that has not passed, and each {@code jti} only
 * once: a token seen before is refused until it expires (then its signature check refuses it anyway).
 */
public final class LaunchTokenVerifier {

    /** The longest lifetime a launch token may claim. */
    static final Duration MAX_LIFETIME = Duration.ofMinutes(2);
    /** Clocks of Klaspoort and the product may differ this much. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(10);

    /** Why a token was refused, in words for the landing page. */
    public static final class Refused extends Exception {
        private final String reason;

        Refused(String reason, String message) {
            super(message);
            this.reason = reason;
        }

        /** {@code replayed}, {@code expired}, {@code audience}, {@code lifetime}, {@code invalid}. */
        public String reason() {
            return reason;
        }
    }

    /** Who arrived. */
    public record Arrival(String pupilId, String name, String schoolId, String brin, String schoolName, String product,
            String tokenId, Instant expiresAt) {}

    private final JWKSource<SecurityContext> keys;
    private final String issuer;
    private final Clock clock;
    private final Map<String, Instant> seen = new ConcurrentHashMap<>();

    /**
     * @param jwksUri Klaspoort's key set, e.g. {@code http://localhost:8080/oauth2/jwks}
     * @param issuer  Klaspoort's issuer ({@code iss}); null to accept any
     */
    public LaunchTokenVerifier(URI jwksUri, String issuer, Clock clock) {
        try {
            this.keys = JWKSourceBuilder.create(jwksUri.toURL()).retrying(true).build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("JWKS address " + jwksUri, e);
        }
        this.issuer = issuer;
        this.clock = clock;
    }

    /** The arrival the token announces for {@code product} (its code), or why it is refused. */
    public Arrival verify(String token, String product) throws Refused {
        if (token == null || token.isBlank()) {
            throw new Refused("invalid", "no launch token");
        }
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, null));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        JWTClaimsSet.Builder exact = new JWTClaimsSet.Builder();
        if (issuer != null) {
            exact.issuer(issuer);
        }
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(product, exact.build(),
                Set.of("sub", "iat", "exp", "jti", "school")) {
            @Override
            protected Date currentTime() {
                return Date.from(clock.instant());
            }
        };
        claims.setMaxClockSkew((int) CLOCK_SKEW.toSeconds());
        processor.setJWTClaimsSetVerifier(claims);
        JWTClaimsSet set;
        try {
            set = processor.process(token, null);
        } catch (BadJWTException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            throw message.contains("xpired") ? new Refused("expired", message)
                    : message.contains("audience") ? new Refused("audience", message) : new Refused("invalid", message);
        } catch (ParseException | com.nimbusds.jose.JOSEException | com.nimbusds.jose.proc.BadJOSEException e) {
            throw new Refused("invalid", e.getMessage());
        }
        Instant issued = set.getIssueTime().toInstant();
        Instant expires = set.getExpirationTime().toInstant();
        if (Duration.between(issued, expires).compareTo(MAX_LIFETIME) > 0) {
            throw new Refused("lifetime", "a launch token lives at most two minutes");
        }
        Instant now = clock.instant();
        seen.values().removeIf(until -> until.plus(CLOCK_SKEW).isBefore(now));
        if (seen.putIfAbsent(set.getJWTID(), expires) != null) {
            throw new Refused("replayed", "launch token " + set.getJWTID() + " was used before");
        }
        try {
            return new Arrival(set.getSubject(), set.getStringClaim("name"), set.getStringClaim("school"),
                    set.getStringClaim("brin"), set.getStringClaim("school_name"), set.getStringClaim("product"),
                    set.getJWTID(), expires);
        } catch (ParseException e) {
            throw new Refused("invalid", e.getMessage());
        }
    }
}
