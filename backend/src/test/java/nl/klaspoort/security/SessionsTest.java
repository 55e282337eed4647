package nl.klaspoort.security;

import nl.klaspoort.support.ApplicationTest;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.klaspoort.support.Http;
import nl.klaspoort.support.Sessions;
import nl.klaspoort.support.SqlStatementCounter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Browser sessions (issue 10, items 4 and 9): stored in PostgreSQL by person, never created by a page view, ended after
 * an absolute lifetime and on demand ({@link UserSessions}), and carried in a {@code __Host-} cookie over https.
 */
class SessionsTest extends ApplicationTest {

    @Autowired
    UserSessions sessions;

    private int storedSessions() {
        return jdbc.sql("select count(*) from spring_session").query(Integer.class).single();
    }

    private static List<String> sessionCookies(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("SESSION=") || c.startsWith("__Host-SESSION=") || c.startsWith("JSESSIONID=")).toList();
    }

    private long userId(String email) {
        return jdbc.sql("select id from app_user where email = :e").param("e", email).query(Long.class).single();
    }

    private int me(Sessions.Session session) {
        return Http.graphql(port, session, Http.query("{ schools { id } }")).statusCode();
    }

    @Test
    void anonymousPageViewsCreateNoSession() {
        int before = storedSessions();
        for (String path : List.of("/", "/login", "/beheer", "/resultaten", "/VAADIN/does-not-exist.js")) {
            assertThat(sessionCookies(Http.get(port, path, Map.of()))).as(path).isEmpty();
        }
        HttpResponse<String> unauthorized = Http.graphql(port, null, Http.query("{ schools { id } }"));
        assertThat(unauthorized.statusCode()).isEqualTo(401);
        assertThat(sessionCookies(unauthorized)).isEmpty();
        assertThat(storedSessions()).isEqualTo(before);
    }

    @Test
    void signingInStoresASessionByPersonIdInAnHttpOnlyCookie() {
        String email = fixture.school().withAdmin().create().adminEmail();
        Sessions.Session session = Sessions.login(port, email, Sessions.PROFESSIONAL_PASSWORD);
        assertThat(sessions.count(userId(email))).isEqualTo(1);
        assertThat(me(session)).isEqualTo(200);
        // signed-in page views keep the one session
        assertThat(sessionCookies(Http.get(port, "/beheer", Map.of("Cookie", session.cookieHeader())))).isEmpty();
        assertThat(sessions.count(userId(email))).isEqualTo(1);
    }

    @Test
    void aSignedInRequestCostsAFewSessionStatements() {
        Sessions.Session session = Sessions.login(port, Sessions.ADMIN_KOMPAS, Sessions.PROFESSIONAL_PASSWORD);
        me(session);
        SqlStatementCounter.reset();
        assertThat(me(session)).isEqualTo(200);
        // read the session, and note its last access (once for the request and once for its asynchronous completion)
        assertThat(SqlStatementCounter.sessionCount()).isBetween(1, 4);
    }

    @Test
    void aSessionEndsAfterItsAbsoluteLifetimeHoweverActive() {
        String email = fixture.school().withAdmin().create().adminEmail();
        Sessions.Session session = Sessions.login(port, email, Sessions.PROFESSIONAL_PASSWORD);
        assertThat(me(session)).isEqualTo(200);
        // signed in 12 hours and a minute ago, active a moment ago
        jdbc.sql("update spring_session set creation_time = creation_time - (12 * 3600 + 60) * 1000 where principal_name = :id")
                .param("id", Long.toString(userId(email))).update();
        assertThat(me(session)).isEqualTo(401);
        assertThat(sessions.count(userId(email))).isZero();
    }

    @Test
    void nearTheEndOfItsLifetimeTheIdleTimeoutShrinksToWhatIsLeft() {
        String email = fixture.school().withAdmin().create().adminEmail();
        Sessions.Session session = Sessions.login(port, email, Sessions.PROFESSIONAL_PASSWORD);
        jdbc.sql("update spring_session set creation_time = creation_time - (11 * 3600 + 50 * 60) * 1000 where principal_name = :id")
                .param("id", Long.toString(userId(email))).update();
        assertThat(me(session)).isEqualTo(200);
        int maxInactive = jdbc.sql("select max_inactive_interval from spring_session where principal_name = :id")
                .param("id", Long.toString(userId(email))).query(Integer.class).single();
        assertThat(maxInactive).isBetween(9 * 60, 10 * 60);
    }

    @Test
    void allSessionsOfAPersonCanBeEnded() {
        String email = fixture.school().withAdmin().create().adminEmail();
        Sessions.Session laptop = Sessions.login(port, email, Sessions.PROFESSIONAL_PASSWORD);
        Sessions.Session phone = Sessions.login(port, email, Sessions.PROFESSIONAL_PASSWORD);
        assertThat(sessions.count(userId(email))).isEqualTo(2);
        assertThat(sessions.endAll(userId(email))).isEqualTo(2);
        assertThat(me(laptop)).isEqualTo(401);
        assertThat(me(phone)).isEqualTo(401);
    }

    @Test
    void overHttpsTheSessionCookieIsAHostCookieAndLogoutClearsTheSiteData() {
        Map<String, String> https = Map.of("X-Forwarded-Proto", "https");
        HttpResponse<String> page = Http.get(port, "/login", https);
        String csrf = cookie(page, "__Host-XSRF-TOKEN").orElseThrow();
        HttpResponse<String> login = Http.post(port, "/login", "application/x-www-form-urlencoded",
                "username=" + Sessions.DIRECTOR_BOTH + "&password=" + Sessions.PROFESSIONAL_PASSWORD,
                Map.of("X-Forwarded-Proto", "https", "Cookie", "__Host-XSRF-TOKEN=" + csrf, "X-XSRF-TOKEN", csrf));
        assertThat(login.statusCode()).isEqualTo(200);
        String setCookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("__Host-SESSION=")).findFirst().orElseThrow();
        assertThat(setCookie).contains("Secure").contains("HttpOnly").contains("Path=/").contains("SameSite=Lax").doesNotContain("Domain");
        String session = setCookie.substring("__Host-SESSION=".length(), setCookie.indexOf(';'));

        HttpResponse<String> schools = Http.post(port, "/graphql", "application/json", Http.query("{ schools { id } }"),
                Map.of("X-Forwarded-Proto", "https", "Cookie", "__Host-SESSION=" + session + "; __Host-XSRF-TOKEN=" + csrf,
                        "X-XSRF-TOKEN", csrf));
        assertThat(schools.statusCode()).isEqualTo(200);
        // the same cookie without the prefix is not accepted over https
        assertThat(Http.post(port, "/graphql", "application/json", Http.query("{ schools { id } }"),
                Map.of("X-Forwarded-Proto", "https", "Cookie", "SESSION=" + session + "; __Host-XSRF-TOKEN=" + csrf,
                        "X-XSRF-TOKEN", csrf)).statusCode()).isEqualTo(401);

        Map<String, String> signedIn = Map.of("X-Forwarded-Proto", "https",
                "Cookie", "__Host-SESSION=" + session + "; __Host-XSRF-TOKEN=" + csrf, "X-XSRF-TOKEN", csrf);
        HttpResponse<String> logout = Http.post(port, "/logout", "application/x-www-form-urlencoded", "", signedIn);
        assertThat(logout.statusCode()).isEqualTo(204);
        // the browser drops what the session left behind
        assertThat(logout.headers().firstValue("Clear-Site-Data")).hasValueSatisfying(v ->
                assertThat(v).contains("\"cache\"").contains("\"cookies\"").contains("\"storage\""));
        assertThat(Http.post(port, "/graphql", "application/json", Http.query("{ schools { id } }"), signedIn).statusCode())
                .isEqualTo(401);
    }

    private static Optional<String> cookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1, c.indexOf(';'))).findFirst();
    }
}
