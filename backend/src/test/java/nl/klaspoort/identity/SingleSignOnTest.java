package nl.klaspoort.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import klaspoort.peers.basispoort.Api;
import klaspoort.peers.basispoort.BasispoortWorld;
import klaspoort.peers.basispoort.WorldGenerator;
import nl.klaspoort.access.Role;
import nl.klaspoort.basispoort.BasispoortLinks;
import nl.klaspoort.support.FreshSchoolTest;
import nl.klaspoort.support.TestBasispoort;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * BP4 "Inloggen met Basispoort" through the real OpenID Connect provider on loopback ({@code mock-oauth2-server},
 * whose people are the simulator's): the browser's redirects followed by hand — Klaspoort to the provider, the
 * provider's sign-in form, back to Klaspoort with a code — then the session is used as the SPA uses it.
 */
class SingleSignOnTest extends FreshSchoolTest {

    @Autowired
    BasispoortLinks links;

    final BasispoortWorld world = TestBasispoort.world();
    long institution;
    Api.Leerling pupil;
    Api.Medewerker teacher;
    long localPupil;
    long localTeacher;

    @BeforeEach
    void basispoortPeople() {
        institution = TestBasispoort.nextSchoolId();
        world.addSchool(institution, new BasispoortWorld.SchoolInfo("Basisschool SSO " + institution, null, null, null, null,
                "Utrecht", "99S" + (char) ('A' + institution % 26), "00", null, null), true);
        WorldGenerator.populate(world, institution, 3, "sso" + institution + ".klaspoort.nl", institution);
        pupil = world.pupils(institution).getFirst();
        teacher = world.staff(institution).getFirst();
        localPupil = fixture.student(school, 5);
        localTeacher = school.supervisorA();
        links.put(school.id(), List.of(
                new BasispoortLinks.Link(school.id(), localPupil, BasispoortLinks.Kind.STUDENT, pupil.id(), pupil.eckid(),
                        null, Map.of(), Instant.now(), null),
                new BasispoortLinks.Link(school.id(), localTeacher, BasispoortLinks.Kind.PROFESSIONAL, teacher.id(), null,
                        null, Map.of(), Instant.now(), null)));
    }

    @Test
    @DisplayName("BP4 a pupil and a teacher sign in through Basispoort and are their linked Klaspoort users")
    void linkedPeopleSignIn() throws Exception {
        Browser pupilBrowser = new Browser(null);
        assertThat(pupilBrowser.signInWithBasispoort(pupil.id())).isEqualTo("/");
        assertThat(pupilBrowser.me()).contains("\"id\":\"" + localPupil + "\"");

        Browser teacherBrowser = new Browser(null);
        assertThat(teacherBrowser.signInWithBasispoort(teacher.id())).isEqualTo("/");
        assertThat(teacherBrowser.me()).contains("\"id\":\"" + localTeacher + "\"");
    }

    @Test
    @DisplayName("BP4 the sign-in page is told, before anyone signs in, that Basispoort is offered here")
    void signInPageOffersBasispoort() throws Exception {
        HttpResponse<String> options = new Browser(null).get("/login/options");
        assertThat(options.statusCode()).isEqualTo(200);
        assertThat(options.body()).isEqualTo("{\"singleSignOn\":true}");
        assertThat(options.headers().allValues("Set-Cookie")).as("no session for a stranger's page")
                .noneMatch(cookie -> cookie.startsWith("SESSION=") || cookie.startsWith("__Host-SESSION="));
    }

    @Test
    @DisplayName("BP4 a Basispoort user without a link gets a clear Dutch message and no session")
    void withoutLinkRefused() throws Exception {
        Api.Leerling stranger = world.pupils(institution).get(1);
        Browser browser = new Browser(null);
        assertThat(browser.signInWithBasispoort(stranger.id())).isEqualTo("/login?sso=NO_LINK");
        assertThat(browser.meStatus()).isEqualTo(401);
    }

    @Test
    @DisplayName("BP4 + BP7 a pupil signing in through Basispoort from outside the school's network is refused; a teacher is not")
    void schoolOnlyAppliesToSingleSignOn() throws Exception {
        admin.documentName("results-ip-range-add").variable("input", Map.of("schoolId", school.schoolId(),
                "connectionType", "FIBER", "from", "192.0.2.0/24", "active", true)).execute();
        admin.documentName("login-rule").operationName("SchoolLoginRuleSet")
                .variable("input", Map.of("schoolId", school.schoolId(), "studentsOnlyAtSchool", true)).execute();

        assertThat(new Browser("203.0.113.40").signInWithBasispoort(pupil.id())).isEqualTo("/login?sso=OUTSIDE_SCHOOL");
        assertThat(new Browser("192.0.2.40").signInWithBasispoort(pupil.id())).isEqualTo("/");
        assertThat(new Browser("203.0.113.40").signInWithBasispoort(teacher.id())).isEqualTo("/");
    }

    @Test
    @DisplayName("BP4 an archived pupil cannot sign in through Basispoort")
    void archivedRefused() throws Exception {
        fixture.archive(school.id(), localPupil);
        assertThat(new Browser(null).signInWithBasispoort(pupil.id())).isEqualTo("/login?sso=ARCHIVED");
    }

    @Test
    @DisplayName("BP4 the provider's page is reached only through Klaspoort's own authorization request (state checked)")
    void forgedCallbackRefused() throws Exception {
        Browser browser = new Browser(null);
        assertThat(browser.location(browser.get("/login/oauth2/code/basispoort?code=forged&state=forged")))
                .startsWith("/login?sso=");
        assertThat(browser.meStatus()).isEqualTo(401);
    }

    /** A browser: cookies kept, redirects followed by hand, optionally behind the proxy for a client address. */
    private final class Browser {
        private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        private final String clientAddress;

        Browser(String clientAddress) {
            this.clientAddress = clientAddress;
        }

        /** Clicks "Inloggen met Basispoort", types the person's login, and returns where Klaspoort sends the browser. */
        String signInWithBasispoort(long basispoortId) throws Exception {
            HttpResponse<String> start = get("/oauth2/authorization/basispoort");
            assertThat(start.statusCode()).isEqualTo(302);
            URI authorize = URI.create(start.headers().firstValue("Location").orElseThrow());
            assertThat(authorize.toString()).startsWith(TestBasispoort.sso().issuer().toString());
            String login = TestBasispoort.sso().loginOf(basispoortId).orElseThrow();
            HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(authorize)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(login, StandardCharsets.UTF_8)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(signedIn.statusCode()).isEqualTo(302);
            URI callback = URI.create(signedIn.headers().firstValue("Location").orElseThrow());
            assertThat(callback.getPath()).isEqualTo("/login/oauth2/code/basispoort");
            return location(send(HttpRequest.newBuilder(callback).GET()));
        }

        HttpResponse<String> get(String path) throws Exception {
            return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET());
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            if (clientAddress != null) {
                request.header("X-Forwarded-For", clientAddress);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        String location(HttpResponse<String> response) {
            assertThat(response.statusCode()).isEqualTo(302);
            String location = response.headers().firstValue("Location").orElseThrow();
            return location.replaceFirst("^http://localhost:" + port, "");
        }

        private HttpResponse<String> graphqlMe() throws Exception {
            get("/"); // the SPA's page hands out the CSRF token
            String csrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                    .map(HttpCookie::getValue).findFirst().orElse("");
            return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                    .header("Content-Type", "application/json").header("X-XSRF-TOKEN", csrf)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ me { user { id } } }\"}")));
        }

        String me() throws Exception {
            HttpResponse<String> response = graphqlMe();
            assertThat(response.statusCode()).isEqualTo(200);
            return response.body();
        }

        int meStatus() throws Exception {
            return graphqlMe().statusCode();
        }
    }
}
