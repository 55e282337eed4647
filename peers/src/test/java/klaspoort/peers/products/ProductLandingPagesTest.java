package klaspoort.peers.products;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo products' landing page verifies launch tokens as a product must (D3): signed by a key of the issuer's JWKS,
 * for this product, at most two minutes, not expired, each token id once. Here a stand-in issuer serves its JWKS.
 */
class ProductLandingPagesTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static RSAKey key;
    private static HttpServer issuer;
    private static ProductLandingPages pages;

    @BeforeAll
    static void anIssuerWithItsKeysAndTheLandingPages() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("k1").generate();
        issuer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        issuer.createContext("/oauth2/jwks", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        issuer.start();
        pages = ProductLandingPages.builder().klaspoort(URI.create(issuerUrl())).start();
    }

    @AfterAll
    static void stop() {
        pages.close();
        issuer.stop(0);
    }

    private static String issuerUrl() {
        return "http://localhost:" + issuer.getAddress().getPort();
    }

    @Test
    void aValidTokenShowsWhoArrivedAndOnlyOnce() throws Exception {
        String token = token(key, "LEESLAB", Instant.now(), Duration.ofMinutes(2));
        HttpResponse<String> first = post("leeslab", token);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("Welkom bij Leeslab, Sanne de Jong!", "OBS De Regenboog (12AB00)");
        HttpResponse<String> again = post("leeslab", token);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("Deze starttoken is al gebruikt.");
    }

    @Test
    void expiredForeignOrLongLivedTokensAreRefused() throws Exception {
        assertThat(post("leeslab", token(key, "LEESLAB", Instant.now().minusSeconds(200), Duration.ofMinutes(2))).body())
                .contains("Deze starttoken is verlopen.");
        assertThat(post("spellingster", token(key, "LEESLAB", Instant.now(), Duration.ofMinutes(2))).body())
                .contains("Deze starttoken is voor een ander product.");
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("k1").generate();
        assertThat(post("leeslab", token(stranger, "LEESLAB", Instant.now(), Duration.ofMinutes(2))).body())
                .contains("niet van Klaspoort of is ongeldig");
        assertThat(post("leeslab", token(key, "LEESLAB", Instant.now(), Duration.ofHours(1))).body())
                .contains("te lang geldig");
        assertThat(post("leeslab", "").statusCode()).isEqualTo(401);
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(pages.baseUrl() + "/leeslab/begeleiders")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).contains("Begeleidersomgeving van Leeslab");
    }

    private static String token(RSAKey signer, String product, Instant issued, Duration lifetime) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuerUrl()).subject("4711").audience(product)
                .issueTime(Date.from(issued)).expirationTime(Date.from(issued.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString()).claim("name", "Sanne de Jong").claim("school", "1")
                .claim("brin", "12AB00").claim("school_name", "OBS De Regenboog").claim("product", product).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                .keyID(signer.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(signer));
        return jwt.serialize();
    }

    private static HttpResponse<String> post(String product, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(pages.baseUrl() + "/" + product + "/start"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("launch_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
