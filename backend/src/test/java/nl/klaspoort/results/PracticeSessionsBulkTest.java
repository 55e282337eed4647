package nl.klaspoort.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.klaspoort.productclient.ProductTokens;
import nl.klaspoort.support.Fixtures;
import nl.klaspoort.support.KlaspoortTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bulk path of RS6 ({@code POST /api/practice-sessions}, NDJSON, issue 16): the same validation, idempotency and
 * per-session results as {@code practiceSessionsRecord}, for product tokens with {@code results.write} only.
 */
@KlaspoortTest
class PracticeSessionsBulkTest {

    static final JsonMapper JSON = new JsonMapper();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Fixtures fx;

    final HttpClient http = HttpClient.newHttpClient();
    long leeslab, school, student;
    String token;

    @BeforeEach
    void setUp() {
        leeslab = fx.productId("LEESLAB");
        school = fx.school().named("Bulkschool").create().id();
        fx.contract(school, leeslab);
        student = fx.student(school, "Bo", null, "Bulk", 5, "5A");
        fx.enroll(school, student, leeslab);
        token = ProductTokens.accessToken(port, ProductTokens.LEESLAB, ProductTokens.BOTH_SCOPES);
    }

    @Test
    void sessionsAreRecordedOnceAndTheMutationKnowsThemToo() {
        String id = uid();
        List<JsonNode> first = lines(post(token, "", session(id, 1)), 200);
        assertThat(first.get(0).get("created").asInt()).isEqualTo(1);
        assertThat(first.get(1).get("status").asString()).isEqualTo("CREATED");
        assertThat(first.get(1).get("sessionId").asString()).isEqualTo(id);

        List<JsonNode> again = lines(post(token, "", session(id, 1)), 200);
        assertThat(again.get(0).get("unchanged").asInt()).isEqualTo(1);
        assertThat(again.get(1).get("status").asString()).isEqualTo("UNCHANGED");
        // one idempotency for both paths: the GraphQL mutation finds the session recorded here
        ProductTokens.tester(port, token).documentName("results-record")
                .variable("input", Map.of("sessions", List.of(PracticeSessionIngestionTest.session(id, student,
                        Instant.now().minus(2, ChronoUnit.HOURS), "198.18.0.1", 1, true, null))))
                .execute().path("practiceSessionsRecord.unchanged").entity(Integer.class).isEqualTo(1);
        assertThat(stored()).isEqualTo(1);
    }

    @Test
    void oneInvalidSessionStoresNothingUnlessPartialIsAccepted() {
        String body = session(uid(), 1) + "\n" + session(uid(), 999);
        List<JsonNode> refused = lines(post(token, "", body), 200);
        assertThat(refused.get(0).get("rejected").asInt()).isEqualTo(1);
        assertThat(refused.get(1).get("status").asString()).isEqualTo("NOT_STORED");
        assertThat(refused.get(2).get("status").asString()).isEqualTo("REJECTED");
        assertThat(refused.get(2).get("error").get("code").asString()).isNotBlank();
        assertThat(refused.get(2).get("error").get("message").asString()).isNotBlank();
        assertThat(stored()).isZero();

        List<JsonNode> partial = lines(post(token, "?acceptPartial=true", body), 200);
        assertThat(partial.get(0).get("created").asInt()).isEqualTo(1);
        assertThat(stored()).isEqualTo(1);
    }

    @Test
    void aLineThatIsNoSessionRefusesTheWholeCall() {
        HttpResponse<String> response = post(token, "", session(uid(), 1) + "\n{\"sessionId\": \"x\", \"studentId\": ");
        assertThat(response.statusCode()).isEqualTo(400);
        HttpResponse<String> missing = post(token, "", "{\"sessionId\": \"" + uid() + "\"}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(stored()).isZero();
    }

    @Test
    void moreThanAThousandSessionsAreRefusedAsAWhole() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            many.add(session(uid(), 1));
        }
        List<JsonNode> refused = lines(post(token, "", String.join("\n", many)), 200);
        assertThat(refused.get(0).get("errors").get(0).get("code").asString()).isEqualTo("TOO_MANY_SESSIONS");
        assertThat(refused).hasSize(1);
        assertThat(stored()).isZero();
    }

    @Test
    void onlyAProductTokenWithResultsWriteMayPost() {
        String readOnly = ProductTokens.accessToken(port, ProductTokens.LEESLAB, "results.read");
        assertThat(post(readOnly, "", session(uid(), 1)).statusCode()).isEqualTo(403);
        assertThat(post(null, "", session(uid(), 1)).statusCode()).isIn(401, 403);
        assertThat(post("not-a-token", "", session(uid(), 1)).statusCode()).isEqualTo(401);
        assertThat(stored()).isZero();
    }

    private String session(String id, int lesson) {
        Instant start = Instant.now().minus(2, ChronoUnit.HOURS);
        return JSON.writeValueAsString(Map.of("sessionId", id, "studentId", String.valueOf(student), "startedAt", start.toString(),
                "endedAt", start.plus(20, ChronoUnit.MINUTES).toString(), "clientIp", "198.18.0.1", "lessonPosition", lesson,
                "completed", true));
    }

    private HttpResponse<String> post(String bearer, String query, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/practice-sessions" + query))
                .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<JsonNode> lines(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/x-ndjson"));
        return response.body().lines().map(JSON::readTree).collect(Collectors.toList());
    }

    private int stored() {
        return jdbc.sql("select count(*) from practice_session where school_id = :s").param("s", school).query(Integer.class).single();
    }

    private static String uid() {
        return "bulk-" + UUID.randomUUID();
    }
}
