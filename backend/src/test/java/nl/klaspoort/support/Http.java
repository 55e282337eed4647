package nl.klaspoort.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * Plain HTTP requests with full control over method, headers and body (a GraphQL tester would refuse to send what an
 * attacker sends), answered as status, headers and text.
 */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private Http() {}

    public static HttpResponse<String> get(int port, String path, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(uri(port, path)).GET(), headers);
    }

    public static HttpResponse<String> post(int port, String path, String contentType, String body, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(uri(port, path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)), headers);
    }

    /** A GraphQL POST of a raw JSON body in the signed-in session (cookies and CSRF header). */
    public static HttpResponse<String> graphql(int port, Sessions.Session session, String json) {
        return post(port, "/graphql", "application/json", json, session == null ? Map.of()
                : Map.of("Cookie", session.cookieHeader(), "X-XSRF-TOKEN", session.csrfToken()));
    }

    /** {@code {"query": "<query>"}} with the query escaped as a JSON string. */
    public static String query(String query) {
        return "{\"query\":\"" + query.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"}";
    }

    private static URI uri(int port, String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, Map<String, String> headers) {
        headers.forEach(request::header);
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
