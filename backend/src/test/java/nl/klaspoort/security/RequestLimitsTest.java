package nl.klaspoort.security;

import nl.klaspoort.support.ApplicationTest;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.klaspoort.productclient.ProductTokens;
import nl.klaspoort.support.Http;
import nl.klaspoort.support.Sessions;
import nl.klaspoort.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Per-user and per-client limits on {@code /graphql} (issue 10, item 2): a caller over their rate or with too many
 * requests running gets 429 with Retry-After and a coded error, while everybody else carries on.
 */
class RequestLimitsTest extends ApplicationTest {

    private static final JsonMapper JSON = new JsonMapper();

    @Autowired
    SecuritySettings settings;

    private Sessions.Session freshProfessional() {
        Fixtures.TestSchool school = fixture.school().withAdmin().create();
        return Sessions.login(port, school.adminEmail(), Sessions.PROFESSIONAL_PASSWORD);
    }

    @Test
    void aUserOverTheRateGets429WhileOthersCarryOn() {
        Sessions.Session greedy = freshProfessional();
        Sessions.Session other = freshProfessional();
        String query = Http.query("{ __typename }");
        int sent = 0;
        HttpResponse<String> refused = null;
        while (refused == null && sent < 5_000) {
            HttpResponse<String> response = Http.graphql(port, greedy, query);
            sent++;
            if (response.statusCode() == 429) {
                refused = response;
            } else {
                assertThat(response.statusCode()).isEqualTo(200);
            }
        }
        assertThat(refused).as("refused within 5,000 requests").isNotNull();
        assertThat(sent).as("the burst is allowed").isGreaterThan(settings.requests().burst());
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isPositive());
        JsonNode error = JSON.readTree(refused.body()).get("errors").get(0);
        assertThat(error.get("extensions").get("code").asString()).isEqualTo("TOO_MANY_REQUESTS");
        assertThat(error.get("message").asString()).startsWith("Te veel verzoeken");

        assertThat(Http.graphql(port, other, query).statusCode()).as("another user is not slowed").isEqualTo(200);
    }

    @Test
    void aProductClientHasItsOwnLimit() {
        String clientId = "limits-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = "geheim-" + UUID.randomUUID();
        new ProductClientsAccess(jdbc).register(clientId, secret);
        String token = ProductTokens.accessToken(port, new String[] {clientId, secret}, ProductTokens.BOTH_SCOPES);
        assertThat(jdbc.sql("select secret_hash from product_client where client_id = :id").param("id", clientId)
                .query(String.class).single()).as("an old-scheme secret is re-hashed on use").startsWith("{bcrypt-sha256}");
        Map<String, String> bearer = Map.of("Authorization", "Bearer " + token);
        String query = Http.query("{ __typename }");
        int sent = 0;
        int status = 200;
        while (status == 200 && sent < 5_000) {
            status = Http.post(port, "/graphql", "application/json", query, bearer).statusCode();
            sent++;
        }
        assertThat(status).isEqualTo(429);
        assertThat(sent).isGreaterThan(settings.requests().burst());
        String demoToken = ProductTokens.accessToken(port, ProductTokens.LEESLAB, ProductTokens.BOTH_SCOPES);
        assertThat(Http.post(port, "/graphql", "application/json", query, Map.of("Authorization", "Bearer " + demoToken))
                .statusCode()).as("another client is not slowed").isEqualTo(200);
    }

    @Test
    void aUserWithTooManyRequestsRunningGets429() throws Exception {
        Sessions.Session session = freshProfessional();
        HttpClient client = HttpClient.newHttpClient();
        List<InputStream> open = new ArrayList<>();
        // long-running requests: heartbeat subscriptions over server-sent events, each one holding its slot
        for (int i = 0; i < settings.requests().concurrent(); i++) {
            HttpResponse<InputStream> stream = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                    .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                    .header("Cookie", session.cookieHeader()).header("X-XSRF-TOKEN", session.csrfToken())
                    .POST(HttpRequest.BodyPublishers.ofString(Http.query("subscription { heartbeat(everyMillis: 100) { sequence } }")))
                    .build(), HttpResponse.BodyHandlers.ofInputStream());
            assertThat(stream.statusCode()).isEqualTo(200);
            assertThat(stream.body().read()).as("the stream has started").isNotNegative();
            open.add(stream.body());
        }
        HttpResponse<String> refused = Http.graphql(port, session, Http.query("{ __typename }"));
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("TOO_MANY_REQUESTS");

        open.removeFirst().close();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int status;
        do {
            status = Http.graphql(port, session, Http.query("{ __typename }")).statusCode();
        } while (status == 429 && System.nanoTime() < deadline);
        assertThat(status).as("a slot frees when a request ends").isEqualTo(200);
        for (InputStream stream : open) {
            stream.close();
        }
    }

    /** Registers a product client straight into the table (the publisher's mutation is tested elsewhere). */
    private record ProductClientsAccess(JdbcClient jdbc) {
        void register(String clientId, String secret) {
            String hash = org.springframework.security.crypto.factory.PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(secret);
            jdbc.sql("""
                    insert into product_client (client_id, product_id, name, secret_hash, scopes)
                    select :id, id, 'Limits test', :hash, 'results.write results.read' from product where code = 'LEESLAB'
                    """).param("id", clientId).param("hash", hash).update();
        }
    }
}
