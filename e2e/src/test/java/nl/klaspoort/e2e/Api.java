package nl.klaspoort.e2e;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The application's own GraphQL API, signed in as one user through the real login: journeys use it to arrange their
 * own data (so they never depend on each other) and to check effects the page does not show.
 */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final URI base;

    private Api(KlaspoortApp app) {
        this.base = URI.create(app.baseUrl());
        this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
    }

    public static Api signIn(KlaspoortApp app, String username, String password) {
        Api api = new Api(app);
        try {
            api.http.send(HttpRequest.newBuilder(api.base.resolve("/login")).GET().build(), HttpResponse.BodyHandlers.discarding());
            HttpResponse<String> login = api.http.send(HttpRequest.newBuilder(api.base.resolve("/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-XSRF-TOKEN", api.cookie("XSRF-TOKEN"))
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                            + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (login.statusCode() != 200) {
                throw new IllegalStateException("login failed for " + username + ": " + login.statusCode());
            }
            api.http.send(HttpRequest.newBuilder(api.base.resolve("/")).GET().build(), HttpResponse.BodyHandlers.discarding());
            return api;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs one operation and returns its {@code data}; fails on GraphQL errors. */
    public JsonNode graphql(String document, Map<String, Object> variables) {
        try {
            String body = JSON.writeValueAsString(Map.of("query", document, "variables", variables));
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/graphql"))
                    .header("Content-Type", "application/json")
                    .header("X-XSRF-TOKEN", cookie("XSRF-TOKEN"))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = JSON.readTree(response.body());
            if (response.statusCode() != 200 || (json.has("errors") && !json.get("errors").isEmpty())) {
                throw new IllegalStateException("GraphQL call failed (" + response.statusCode() + "): " + response.body());
            }
            return json.get("data");
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The id of the school with this BRIN among the signed-in user's schools. */
    public String schoolId(String brin) {
        for (JsonNode school : graphql("{ schools { id brin } }", Map.of()).get("schools")) {
            if (school.get("brin").asString().equals(brin)) {
                return school.get("id").asString();
            }
        }
        throw new IllegalStateException("no school " + brin);
    }

    /** Creates a student with one product and supervisor (by product code / supervisor e-mail); returns the id. */
    public String createStudent(String schoolId, String firstName, String lastName, int gradeYear,
            String productCode, String supervisorEmail) {
        String productId = productId(productCode);
        String supervisorId = supervisorId(schoolId, supervisorEmail);
        JsonNode created = graphql("""
                mutation($input: StudentCreateInput!) { studentCreate(input: $input) { userId errors { code message } } }
                """, Map.of("input", Map.of("schoolId", schoolId, "firstName", firstName, "lastName", lastName,
                "gradeYear", gradeYear, "productIds", List.of(productId), "supervisorIds", List.of(supervisorId))))
                .get("studentCreate");
        if (!created.get("errors").isEmpty()) {
            throw new IllegalStateException("studentCreate: " + created.get("errors"));
        }
        return created.get("userId").asString();
    }

    public String productId(String code) {
        for (JsonNode product : graphql("{ products { id code } }", Map.of()).get("products")) {
            if (product.get("code").asString().equals(code)) {
                return product.get("id").asString();
            }
        }
        throw new IllegalStateException("no product " + code);
    }

    public String supervisorId(String schoolId, String email) {
        JsonNode supervisors = graphql("query($id: ID!) { school(id: $id) { supervisors { id username } } }",
                Map.of("id", schoolId)).get("school").get("supervisors");
        for (JsonNode supervisor : supervisors) {
            if (supervisor.get("username").asString().equals(email)) {
                return supervisor.get("id").asString();
            }
        }
        throw new IllegalStateException("no supervisor " + email);
    }

    /** A product's access token from the authorization server (client_credentials), as a learning product gets it. */
    public static String productToken(KlaspoortApp app, String clientId, String secret) {
        try {
            String basic = java.util.Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/oauth2/token"))
                    .header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=results.write%20results.read"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("token request failed: " + response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body()).get("access_token").asString();
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs one operation with a product's bearer token (no session, no CSRF). */
    public static JsonNode productGraphql(KlaspoortApp app, String token, String document, Map<String, Object> variables) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/graphql"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", document, "variables", variables))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = JSON.readTree(response.body());
            if (response.statusCode() != 200 || (json.has("errors") && !json.get("errors").isEmpty())) {
                throw new IllegalStateException("product call failed (" + response.statusCode() + "): " + response.body());
            }
            return json.get("data");
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElseThrow(() -> new IllegalStateException("no cookie " + name));
    }
}
