package nl.klaspoort.productclient.internal;

import nl.klaspoort.productclient.ProductTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import nl.klaspoort.support.Http;
import nl.klaspoort.support.KlaspoortTest;
import nl.klaspoort.support.Sessions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The product tokens (issue 10, item 8): signing keys kept encrypted in the database and shared by every node, rotated
 * with the previous key valid until its tokens expire, a fixed issuer and audience that are both checked, and
 * clients the publisher lists, disables and gives a new secret.
 */
@KlaspoortTest
class TokenKeysAndClientsTest {

    private static final String QUERY = Http.query("{ productResults(first: 1) { edges { cursor } } }");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SigningKeys signingKeys;

    @Autowired
    TokenSettings tokens;

    @Autowired
    JwtEncoder encoder;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    SigningKeyStore store;

    @Autowired
    Clock clock;

    private int api(String token) {
        return Http.post(port, "/graphql", "application/json", QUERY, Map.of("Authorization", "Bearer " + token)).statusCode();
    }

    private String leeslabToken() {
        return ProductTokens.accessToken(port, ProductTokens.LEESLAB, ProductTokens.BOTH_SCOPES);
    }

    private long product(String code) {
        return jdbc.sql("select id from product where code = :code").param("code", code).query(Long.class).single();
    }

    /** A token as our authorization server would sign it, with the claims given. */
    private String token(JwtEncoder with, String issuer, String audience) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer(issuer).audience(List.of(audience)).subject(ProductTokens.LEESLAB[0])
                .issuedAt(now).notBefore(now).expiresAt(now.plus(5, ChronoUnit.MINUTES))
                .claim("scope", List.of("results.read")).claim("product_id", product("LEESLAB")).build();
        return with.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims)).getTokenValue();
    }

    @Test
    void theSigningKeyIsKeptEncryptedAndAnotherNodeSignsAndVerifiesWithIt() throws Exception {
        Map<String, Object> row = jdbc.sql("select kid, public_jwk, private_key from signing_key where retired_at is null")
                .query().singleRow();
        assertThat((String) row.get("public_jwk")).contains("\"n\"").doesNotContain("\"d\"").doesNotContain("\"p\"");
        byte[] stored = (byte[]) row.get("private_key");
        assertThatThrownBy(() -> KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(stored)))
                .as("no plain private key in the database");

        // a second node: the same database and the same key encryption key
        SigningKeys otherNode = new SigningKeys(store, transactions, SigningKeys.keyEncryptionKey(tokens, false), tokens, clock);
        otherNode.reload();
        String issuedHere = leeslabToken();
        assertThat(NimbusJwtDecoder.withJwkSource(otherNode.verificationSource()).build().decode(issuedHere).getSubject())
                .isEqualTo(ProductTokens.LEESLAB[0]);
        assertThat(api(token(new NimbusJwtEncoder(otherNode.signingSource()), tokens.issuer(), tokens.audience())))
                .as("a token signed by the other node is accepted here").isEqualTo(200);
    }

    @Test
    void rotationKeepsThePreviousKeyValidUntilItsTokensHaveExpired() {
        String before = leeslabToken();
        String oldKid = ProductTokens.json(new String(java.util.Base64.getUrlDecoder().decode(before.split("\\.")[0]))).get("kid").asString();
        signingKeys.rotate();
        String after = leeslabToken();
        String newKid = ProductTokens.json(new String(java.util.Base64.getUrlDecoder().decode(after.split("\\.")[0]))).get("kid").asString();
        assertThat(newKid).isNotEqualTo(oldKid);
        assertThat(api(before)).as("a token of the previous key").isEqualTo(200);
        assertThat(api(after)).isEqualTo(200);
        assertThat(Http.get(port, "/oauth2/jwks", Map.of()).body()).contains(oldKid).contains(newKid);

        // once every token of the old key has expired, the key is gone
        jdbc.sql("update signing_key set retired_at = retired_at - interval '40 minutes' where kid = :kid").param("kid", oldKid).update();
        signingKeys.reload();
        assertThat(api(before)).isEqualTo(401);
        assertThat(Http.get(port, "/oauth2/jwks", Map.of()).body()).doesNotContain(oldKid).contains(newKid);
        assertThat(api(after)).isEqualTo(200);
    }

    @Test
    void theIssuerIsFixedWhateverTheHostHeaderSays() {
        Map<String, String> forged = Map.of("X-Forwarded-Host", "evil.example", "X-Forwarded-Proto", "https");
        JsonNode metadata = ProductTokens.json(Http.get(port, "/.well-known/oauth-authorization-server", forged).body());
        assertThat(metadata.get("issuer").asString()).isEqualTo(tokens.issuer());
        JsonNode claims = ProductTokens.claims(leeslabToken());
        assertThat(claims.get("iss").asString()).isEqualTo(tokens.issuer());
        assertThat(claims.get("aud").toString()).contains(tokens.audience());
    }

    @Test
    void aTokenOfAnotherIssuerOrForAnotherAudienceIsRefused() {
        assertThat(api(token(encoder, tokens.issuer(), tokens.audience()))).as("the control").isEqualTo(200);
        assertThat(api(token(encoder, "https://evil.example", tokens.audience()))).isEqualTo(401);
        assertThat(api(token(encoder, tokens.issuer(), "another-api"))).isEqualTo(401);
    }

    @Test
    void thePublisherListsDisablesEnablesAndRotatesClients() {
        HttpGraphQlTester publisher = Sessions.tester(port, Sessions.DIRECTOR_BOTH);
        Map<String, Object> registered = publisher.documentName("results-client-register")
                .variable("input", Map.of("productId", product("SPELLINGSTER"), "name", "Spellingster acceptatie"))
                .execute().path("productClientRegister")
                .entity(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {}).get();
        @SuppressWarnings("unchecked")
        String clientId = (String) ((Map<String, Object>) registered.get("client")).get("clientId");
        String secret = (String) registered.get("clientSecret");
        String[] client = {clientId, secret};
        String token = ProductTokens.accessToken(port, client, ProductTokens.BOTH_SCOPES);
        assertThat(api(token)).isEqualTo(200);

        publisher.document("{ productClients { clientId enabled createdAt secretRotatedAt } }").execute()
                .path("productClients[?(@.clientId == '" + clientId + "')].enabled").entityList(Boolean.class).containsExactly(true)
                .path("productClients[*].clientId").entityList(String.class).contains("leeslab-demo", clientId);

        String change = "mutation($input: ProductClientInput!) { %s(input: $input) { client { clientId enabled } errors { code } } }";
        publisher.document(change.formatted("productClientDisable")).variable("input", Map.of("clientId", clientId)).execute()
                .path("productClientDisable.client.enabled").entity(Boolean.class).isEqualTo(false);
        assertThat(api(token)).as("its tokens are refused at once").isEqualTo(401);
        assertThat(ProductTokens.request(port, clientId, secret, ProductTokens.BOTH_SCOPES).statusCode()).isEqualTo(401);

        publisher.document(change.formatted("productClientEnable")).variable("input", Map.of("clientId", clientId)).execute()
                .path("productClientEnable.client.enabled").entity(Boolean.class).isEqualTo(true);
        assertThat(api(token)).isEqualTo(200);

        String newSecret = publisher.document("mutation($input: ProductClientInput!) { productClientSecretRotate(input: $input) "
                        + "{ client { clientId secretRotatedAt } clientSecret errors { code } } }")
                .variable("input", Map.of("clientId", clientId)).execute()
                .path("productClientSecretRotate.client.secretRotatedAt").hasValue()
                .path("productClientSecretRotate.clientSecret").entity(String.class).get();
        assertThat(newSecret).isNotEqualTo(secret);
        assertThat(ProductTokens.request(port, clientId, secret, ProductTokens.BOTH_SCOPES).statusCode()).isEqualTo(401);
        assertThat(ProductTokens.request(port, clientId, newSecret, ProductTokens.BOTH_SCOPES).statusCode()).isEqualTo(200);
        assertThat(api(token)).as("tokens issued before stay valid until they expire").isEqualTo(200);

        publisher.document(change.formatted("productClientDisable")).variable("input", Map.of("clientId", "bestaat-niet")).execute()
                .path("productClientDisable.errors[0].code").entity(String.class).isEqualTo("CLIENT_NOT_FOUND");
    }

    @Test
    void onlyThePublisherManagesClients() {
        HttpGraphQlTester admin = Sessions.tester(port, Sessions.ADMIN_REGENBOOG);
        admin.document("{ productClients { clientId } }").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
        for (String mutation : List.of("productClientDisable", "productClientSecretRotate")) {
            admin.document("mutation($input: ProductClientInput!) { " + mutation + "(input: $input) { errors { code } } }")
                    .variable("input", Map.of("clientId", "leeslab-demo")).execute()
                    .errors().satisfy(errors -> assertThat(errors).singleElement()
                            .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
        }
        assertThat(api(leeslabToken())).isEqualTo(200);
    }

    @Test
    void productionNeedsAConfiguredKeyEncryptionKey() {
        TokenSettings unset = new TokenSettings(tokens.issuer(), tokens.audience(), tokens.lifetime(), tokens.keyRotation(), "",
                tokens.keyEncryptionKeyFile());
        assertThatThrownBy(() -> SigningKeys.keyEncryptionKey(unset, true)).hasMessageContaining("KLASPOORT_TOKEN_KEY_ENCRYPTION_KEY");
    }
}
