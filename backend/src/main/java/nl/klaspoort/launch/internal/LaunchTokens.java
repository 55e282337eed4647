package nl.klaspoort.launch.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.klaspoort.people.Person;
import nl.klaspoort.product.Product;
import nl.klaspoort.school.School;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/**
 * Launch tokens (D3): a JWT (RS256) that tells a product who arrives: the pupil ({@code sub}, the Klaspoort user id,
 * and {@code name}), the school ({@code school}, {@code brin}, {@code school_name}) and the product ({@code aud} and
 * {@code product}, its code). It lives {@value #LIFETIME_SECONDS} seconds and carries a unique {@code jti}. It is signed
 * with the signing-key store's current key (persisted, rotated, shared by the nodes); the product verifies it with
 * Klaspoort's published keys ({@code /oauth2/jwks}, which keep a rotated key until its tokens expire) and accepts
 * each {@code jti} once, so a token that is replayed (from the browser's history, a log, a shoulder) is refused.
 */
@Component
class LaunchTokens {

    static final long LIFETIME_SECONDS = 120;
    static final Duration LIFETIME = Duration.ofSeconds(LIFETIME_SECONDS);

    /** An issued token and when it expires. */
    record Issued(String token, Instant expiresAt) {}

    private final JwtEncoder encoder;
    private final Clock clock;
    private final String issuer;

    /** {@code encoder}: the authorization server's, which signs with the current key of the signing-key store. */
    LaunchTokens(JwtEncoder encoder, Clock clock, @Value("${klaspoort.tokens.issuer}") String issuer) {
        this.encoder = encoder;
        this.clock = clock;
        this.issuer = issuer;
    }

    Issued issue(Person pupil, School school, Product product) {
        Instant now = clock.instant();
        Instant expires = now.plus(LIFETIME);
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .subject(Long.toString(pupil.id()))
                .audience(List.of(product.code()))
                .issuedAt(now)
                .notBefore(now)
                .expiresAt(expires)
                .id(UUID.randomUUID().toString())
                .claim("name", pupil.displayName())
                .claim("given_name", pupil.firstName())
                .claim("role", "STUDENT")
                .claim("school", Long.toString(school.id()))
                .claim("brin", school.brin() + school.branchCode())
                .claim("school_name", school.name())
                .claim("product", product.code())
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).type("JWT").build();
        return new Issued(encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue(), expires);
    }
}
