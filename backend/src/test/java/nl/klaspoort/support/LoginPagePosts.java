package nl.klaspoort.support;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** JSON POSTs as the SPA sends them from the login page (set a password by link, ask for one): XSRF, no session. */
public final class LoginPagePosts {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LoginPagePosts() {
    }

    public static HttpResponse<String> post(int port, String path, Map<String, String> body, String language)
            throws Exception {
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
        URI base = URI.create("http://localhost:" + port);
        http.send(HttpRequest.newBuilder(base.resolve("/login")).GET().build(), HttpResponse.BodyHandlers.discarding());
        String xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElseThrow();
        return http.send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json").header("Accept-Language", language)
                .header("X-XSRF-TOKEN", xsrf)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
