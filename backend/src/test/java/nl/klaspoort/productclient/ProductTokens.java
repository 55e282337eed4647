package nl.klaspoort.productclient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gets access tokens from the real token endpoint ({@code POST /oauth2/token}, client_credentials, HTTP Basic) and
 * hands out GraphQL testers that send them as {@code Authorization: Bearer}, as a product's backend does.
 */
public final class ProductTokens {

    /** The demo clients (see DemoProductClients). */
    public static final String[] LEESLAB = {"leeslab-demo", "leeslab-demo-geheim-2026"};
    public static final String[] SPELLINGSTER = {"spellingster-demo", "spellingster-demo-geheim-2026"};
    public static final String[] REKENROUTE = {"rekenroute-demo", "rekenroute-demo-geheim-2026"};
    public static final String BOTH_SCOPES = "results.write results.read";
    public static final String RESULTS_WRITE_SCOPE = "results.write";

    private static final JsonMapper JSON = new JsonMapper();

    private ProductTokens() {}

    /** The raw token response. */
    public static HttpResponse<String> request(int port, String clientId, String secret, String scope) {
        try {
            String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
            String form = "grant_type=client_credentials&scope=" + URLEncoder.encode(scope, StandardCharsets.UTF_8);
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/token"))
                    .header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(String body) {
        return JSON.readTree(body);
    }

    public static String accessToken(int port, String[] client, String scope) {
        HttpResponse<String> response = request(port, client[0], client[1], scope);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token request failed: " + response.statusCode() + " " + response.body());
        }
        return json(response.body()).get("access_token").asString();
    }

    /** The claims of a JWT, decoded without checking (the server checks). */
    public static JsonNode claims(String jwt) {
        return json(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    public static HttpGraphQlTester tester(int port, String token) {
        return HttpGraphQlTester.builder(WebTestClient.bindToServer().baseUrl("http://localhost:" + port + "/graphql")
                        .defaultHeader("Authorization", "Bearer " + token))
                .build();
    }

    public static HttpGraphQlTester tester(int port, String[] client, String scope) {
        return tester(port, accessToken(port, client, scope));
    }
}
