package nl.klaspoort.support;

import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.graphql.support.DocumentSource;
import org.springframework.graphql.support.ResourceDocumentSource;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Signs in through the real login (CSRF cookie, {@code POST /login}, session cookie) and hands out a GraphQL tester
 * that carries that session, as the SPA does. One tester per role, as in spring-petclinic-graphql.
 */
public final class Sessions {

    public static final String PROFESSIONAL_PASSWORD = "Klaspoort2026";
    public static final String STUDENT_PASSWORD = "Oefenen2026";

    /** ADMIN at OBS De Regenboog. */
    public static final String ADMIN_REGENBOOG = "beheerder@demo.klaspoort.nl";
    /** SUPERVISOR at OBS De Regenboog. */
    public static final String SUPERVISOR_REGENBOOG = "begeleider@demo.klaspoort.nl";
    /** ADMIN + SUPERVISOR at both schools. */
    public static final String DIRECTOR_BOTH = "directeur@demo.klaspoort.nl";
    /** ADMIN at CBS Het Kompas. */
    public static final String ADMIN_KOMPAS = "beheer.kompas@demo.klaspoort.nl";
    /** STUDENT at OBS De Regenboog. */
    public static final String STUDENT_REGENBOOG = "sanne.dejong";

    private Sessions() {}

    /** The cookies and CSRF token of a signed-in browser session. */
    public record Session(String cookieHeader, String csrfToken) {}

    public static Session login(int port, String username, String password) {
        return login(port, username, password, null);
    }

    /** A sign-in with the school the pupil chose after a {@code SCHOOL_NEEDED} answer (null: none). */
    public static Session login(int port, String username, String password, Long school) {
        Attempt attempt = attempt(port, username, password, school);
        if (attempt.status() != 200) {
            throw new IllegalStateException("login of " + username + " failed: " + attempt.status() + " " + attempt.body());
        }
        return attempt.session();
    }

    /** The answer to one sign-in as the login page sends it, and the session it made (null unless status 200). */
    public record Attempt(int status, String body, Session session) {}

    /**
     * One sign-in as the login page sends it: {@code school} is the pupil's choice after a {@code SCHOOL_NEEDED} answer
     * (null: none).
     */
    public static Attempt attempt(int port, String username, String password, Long school) {
        LoginForm form = new LoginForm(port, null);
        HttpResponse<String> response = form.post(null, username, password, school);
        return new Attempt(response.statusCode(), response.body(), response.statusCode() == 200 ? form.session() : null);
    }

    /**
     * One sign-in attempt of a browser at {@code ip} (as a TLS proxy on loopback reports it in X-Forwarded-For): fetches
     * the CSRF cookie, then posts the login form; the response, whatever its status (200, 401, 403, 429).
     */
    public static HttpResponse<String> attemptFrom(int port, String ip, String username, String password) {
        return new LoginForm(port, ip).post(ip, username, password);
    }

    /**
     * The login page of one browser (at {@code ip} as a proxy on loopback reports it, or null): its CSRF cookie fetched
     * once, then as many posts of the form as wanted, as the login page sends them.
     */
    public static final class LoginForm {
        private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
        private final URI base;
        private final String csrf;

        public LoginForm(int port, String ip) {
            this.base = URI.create("http://localhost:" + port);
            send(ip, HttpRequest.newBuilder(base.resolve("/login")).GET(), HttpResponse.BodyHandlers.discarding());
            this.csrf = cookie(cookies, "XSRF-TOKEN");
        }

        /** Posts the login form as a browser at {@code ip} (null: none); the response, whatever its status. */
        public HttpResponse<String> post(String ip, String username, String password) {
            return post(ip, username, password, null);
        }

        /** The same, with the school a pupil chose after a {@code SCHOOL_NEEDED} answer (null: none). */
        public HttpResponse<String> post(String ip, String username, String password, Long school) {
            String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                    + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                    + (school == null ? "" : "&school=" + school);
            return send(ip, HttpRequest.newBuilder(base.resolve("/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf)
                    .POST(HttpRequest.BodyPublishers.ofString(form)), HttpResponse.BodyHandlers.ofString());
        }

        /** The session a successful post made, with the CSRF token the server hands out on the next page. */
        public Session session() {
            send(null, HttpRequest.newBuilder(base.resolve("/")).GET(), HttpResponse.BodyHandlers.discarding());
            String cookieHeader = cookies.getCookieStore().getCookies().stream()
                    .map(c -> c.getName() + "=" + c.getValue()).collect(java.util.stream.Collectors.joining("; "));
            return new Session(cookieHeader, cookie(cookies, "XSRF-TOKEN"));
        }

        private <T> HttpResponse<T> send(String ip, HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
            if (ip != null) {
                request.header("X-Forwarded-For", ip);
            }
            try {
                return http.send(request.build(), body);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public static HttpGraphQlTester tester(int port, String username) {
        return tester(port, login(port, username, username.contains("@") ? PROFESSIONAL_PASSWORD : STUDENT_PASSWORD));
    }

    public static HttpGraphQlTester tester(int port, Session session) {
        return HttpGraphQlTester.builder(anonymousClient(port).mutate()
                        .defaultHeader("Cookie", session.cookieHeader())
                        .defaultHeader("X-XSRF-TOKEN", session.csrfToken()))
                .documentSource(DOCUMENTS)
                .build();
    }

    /**
     * Test documents: the tests' own ({@code graphql-test/}) and the SPA's operations exactly as it sends them
     * ({@code frontend/graphql/}), each with the SPA fragments it spreads ({@link SpaDocuments}).
     */
    private static final ResourceDocumentSource FILES = new ResourceDocumentSource(
            List.of(new ClassPathResource("graphql-test/"), new FileSystemResource("../frontend/graphql/")), List.of(".graphql"));
    private static final DocumentSource DOCUMENTS = name -> FILES.getDocument(name).map(SpaDocuments::completed);

    /** A graphql-ws connection in the session, with the same documents as {@link #tester(int, Session)}. */
    public static WebSocketGraphQlTester socket(int port, Session session) {
        return WebSocketGraphQlTester.builder("ws://localhost:" + port + "/graphql", new ReactorNettyWebSocketClient())
                .headers(h -> h.add(HttpHeaders.COOKIE, session.cookieHeader()))
                .documentSource(DOCUMENTS)
                .build();
    }

    /** A client of the GraphQL endpoint; answers may take a while on a machine shared with other builds. */
    public static WebTestClient anonymousClient(int port) {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port + "/graphql")
                .responseTimeout(java.time.Duration.ofSeconds(30)).build();
    }

    private static String cookie(CookieManager cookies, String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name)).map(HttpCookie::getValue).findFirst()
                .orElseThrow(() -> new IllegalStateException("no cookie " + name));
    }
}
