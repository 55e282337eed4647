package nl.klaspoort.productclient;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.klaspoort.support.KlaspoortTest;
import nl.klaspoort.support.Sessions;
import nl.klaspoort.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * OAuth2 client credentials against the real token endpoint over HTTP, scopes, and the wall between product tokens
 * and browser sessions (deny by default both ways).
 */
@KlaspoortTest
class ProductClientTokenTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    private long product(String code) {
        return jdbc.sql("select id from product where code = :code").param("code", code).query(Long.class).single();
    }

    @Test
    void aDemoClientGetsAJwtCarryingItsProductAndTheRequestedScopes() {
        HttpResponse<String> response = ProductTokens.request(port, "leeslab-demo", "leeslab-demo-geheim-2026", "results.write results.read");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = ProductTokens.json(response.body());
        assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").asInt()).isBetween(1700, 1800);
        JsonNode claims = ProductTokens.claims(body.get("access_token").asString());
        assertThat(claims.get("sub").asString()).isEqualTo("leeslab-demo");
        assertThat(claims.get("product_id").asLong()).isEqualTo(product("LEESLAB"));
        assertThat(claims.get("scope").toString()).contains("results.write").contains("results.read");
    }

    @Test
    void aTokenIsRefusedOnceTheClockPassesItsThirtyMinutes() {
        String token = ProductTokens.accessToken(port, ProductTokens.LEESLAB, "results.read");
        ProductTokens.tester(port, token).documentName("results-product-sessions").variable("first", 1).execute()
                .path("productResults.edges").entityList(Object.class).hasSize(1);
        try {
            clock.advance(Duration.ofMinutes(31));
            Sessions.anonymousClient(port).post()
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .bodyValue(Map.of("query", "{ productResults(first: 1) { edges { cursor } } }"))
                    .exchange()
                    .expectStatus().isUnauthorized();
            // a new token, issued by the moved clock, is good again
            ProductTokens.tester(port, ProductTokens.LEESLAB, "results.read").documentName("results-product-sessions")
                    .variable("first", 1).execute().path("productResults.edges").entityList(Object.class).hasSize(1);
        } finally {
            clock.reset();
        }
    }

    @Test
    void aWrongSecretOrUnknownClientIsRefused() {
        HttpResponse<String> wrongSecret = ProductTokens.request(port, "leeslab-demo", "spellingster-demo-geheim-2026", "results.read");
        assertThat(wrongSecret.statusCode()).isEqualTo(401);
        assertThat(wrongSecret.body()).contains("invalid_client").doesNotContain("access_token");
        assertThat(ProductTokens.request(port, "nobody-demo", "x", "results.read").statusCode()).isEqualTo(401);
    }

    @Test
    void aScopeTheClientWasNotGrantedIsRefused() {
        HttpResponse<String> response = ProductTokens.request(port, "leeslab-demo", "leeslab-demo-geheim-2026", "results.admin");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("invalid_scope");
    }

    @Test
    void aReadOnlyTokenCannotRecordAndAWriteOnlyTokenCannotRead() {
        HttpGraphQlTester reader = ProductTokens.tester(port, ProductTokens.LEESLAB, "results.read");
        reader.documentName("results-record")
                .variable("input", Map.of("sessions", List.of()))
                .execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
        reader.documentName("results-product-sessions").variable("first", 1).execute()
                .path("productResults.edges").entityList(Object.class).hasSize(1);

        HttpGraphQlTester writer = ProductTokens.tester(port, ProductTokens.LEESLAB, "results.write");
        writer.documentName("results-product-sessions").variable("first", 1).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
        writer.documentName("results-record").variable("input", Map.of("sessions", List.of())).execute()
                .path("practiceSessionsRecord.created").entity(Integer.class).isEqualTo(0);
    }

    @Test
    void aProductTokenCannotUseTheOperationsOfSignedInPeople() {
        HttpGraphQlTester product = ProductTokens.tester(port, ProductTokens.LEESLAB, ProductTokens.BOTH_SCOPES);
        product.documentName("me").execute().path("me").valueIsNull();
        product.documentName("schools").execute()
                .errors().satisfy(errors -> assertThat(errors).isNotEmpty()
                        .allSatisfy(e -> assertThat(e.getErrorType().toString()).isEqualTo("UNAUTHORIZED")));
        product.documentName("products").execute()
                .errors().satisfy(errors -> assertThat(errors).isNotEmpty());
    }

    @Test
    void aSignedInPersonCannotUseTheProductOperations() {
        HttpGraphQlTester director = Sessions.tester(port, Sessions.DIRECTOR_BOTH);
        director.documentName("results-record").variable("input", Map.of("sessions", List.of())).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
        director.documentName("results-product-sessions").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
    }

    @Test
    void anInvalidBearerTokenIsRefusedWith401() {
        Sessions.anonymousClient(port).post()
                .header("Authorization", "Bearer not-a-jwt")
                .header("Content-Type", "application/json")
                .bodyValue(Map.of("query", "{ productResults { edges { cursor } } }"))
                .exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void thePublisherRegistersAClientWhoseSecretIsStoredHashedAndWorks() {
        long leeslab = product("LEESLAB");
        HttpGraphQlTester publisher = Sessions.tester(port, Sessions.DIRECTOR_BOTH);
        Map<String, Object> payload = publisher.documentName("results-client-register")
                .variable("input", Map.of("productId", leeslab, "name", "Leeslab acceptatie", "scopes", List.of("RESULTS_READ")))
                .execute()
                .path("productClientRegister.errors").entityList(Object.class).hasSize(0)
                .path("productClientRegister.client.scopes").entityList(String.class).containsExactly("RESULTS_READ")
                .path("productClientRegister")
                .entity(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {}).get();
        @SuppressWarnings("unchecked")
        String clientId = (String) ((Map<String, Object>) payload.get("client")).get("clientId");
        String secret = (String) payload.get("clientSecret");
        assertThat(secret).hasSizeGreaterThan(30);

        String stored = jdbc.sql("select secret_hash from product_client where client_id = :id").param("id", clientId)
                .query(String.class).single();
        assertThat(stored).startsWith("{bcrypt-sha256}").doesNotContain(secret);

        assertThat(ProductTokens.request(port, clientId, secret, "results.read").statusCode()).isEqualTo(200);
        assertThat(ProductTokens.request(port, clientId, secret, "results.write").statusCode()).isEqualTo(400);
    }

    @Test
    void registrationErrorsAreDataAndOnlyThePublisherMayRegister() {
        Sessions.tester(port, Sessions.DIRECTOR_BOTH).documentName("results-client-register")
                .variable("input", Map.of("productId", "999999999", "name", " ", "scopes", List.of()))
                .execute()
                .path("productClientRegister.client").valueIsNull()
                .path("productClientRegister.errors[*].code").entityList(String.class)
                .containsExactly("INVALID_NAME", "NO_SCOPES", "PRODUCT_NOT_FOUND");

        int before = jdbc.sql("select count(*) from product_client").query(Integer.class).single();
        Sessions.tester(port, Sessions.SUPERVISOR_REGENBOOG).documentName("results-client-register")
                .variable("input", Map.of("productId", product("LEESLAB"), "name", "Stiekem"))
                .execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
        assertThat(jdbc.sql("select count(*) from product_client").query(Integer.class).single()).isEqualTo(before);
    }

    @Test
    void productLessonsAreListedInOrderInOneStatementForAllProducts() {
        HttpGraphQlTester student = Sessions.tester(port, Sessions.STUDENT_REGENBOOG);
        nl.klaspoort.support.SqlStatementCounter.reset();
        student.documentName("results-products-lessons").execute()
                .path("products[0].code").entity(String.class).isEqualTo("LEESLAB")
                .path("products[0].lessons").entityList(Object.class).hasSize(40)
                .path("products[0].lessons[9].endsWithTest").entity(Boolean.class).isEqualTo(true)
                .path("products[0].lessons[8].endsWithTest").entity(Boolean.class).isEqualTo(false)
                .path("products[2].lessons[5].position").entity(Integer.class).isEqualTo(6);
        // the products, then their lessons in one batch
        assertThat(nl.klaspoort.support.SqlStatementCounter.count()).isEqualTo(2);
    }
}
