package klaspoort.peers.basispoort;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import klaspoort.peers.OwnerOnly;
import klaspoort.peers.basispoort.Api.Leerling;
import klaspoort.peers.basispoort.Api.Medewerker;
import klaspoort.peers.basispoort.Api.Persoonsgegevens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Basispoort SSO peer is a real OpenID Connect provider: discovery, the sign-in page, the authorization code
 * flow with the client's secret, signed ID tokens with the Basispoort identity of the person who signed in, userinfo;
 * and it refuses what a real provider refuses.
 */
class BasispoortSsoTest {

    static final String SECRET = "geheim-van-klaspoort";
    static final String REDIRECT = "http://localhost:8080/login/oauth2/code/basispoort";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final long KLIMOP = WorldGenerator.DEMO_SCHOOL_ID;

    static BasispoortWorld world;
    static BasispoortSso sso;
    static HttpClient http;

    @BeforeAll
    static void start() {
        world = new BasispoortWorld(java.time.Clock.systemUTC());
        WorldGenerator.demo(world, 7);
        sso = BasispoortSso.builder().world(world).clientSecret(SECRET).start();
        http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @AfterAll
    static void stop() {
        sso.close();
    }

    @Test
    void discoveryNamesTheIssuerAndItsEndpoints() throws Exception {
        JsonNode discovery = JSON.readTree(get(sso.issuer() + "/.well-known/openid-configuration").body());

        assertThat(discovery.get("issuer").asString()).isEqualTo(sso.issuer().toString())
                .isEqualTo("http://localhost:" + sso.port() + "/basispoort");
        for (String endpoint : List.of("authorization_endpoint", "token_endpoint", "jwks_uri", "userinfo_endpoint")) {
            assertThat(discovery.get(endpoint).asString()).startsWith(sso.issuer() + "/");
        }
    }

    @Test
    void aPupilSignsInAndTheIdTokenCarriesTheirBasispoortIdentity() throws Exception {
        Leerling pupil = world.pupils(KLIMOP).get(3);

        HttpResponse<String> page = get(authorizeUrl("state-1", "nonce-1"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Inloggen bij Basispoort", "<label for=\"username\">Gebruikersnaam of e-mailadres",
                "Basisschool De Klimop", "Inloggen als ", SsoAccounts.pupilLogin(pupil)).doesNotContain("ketenid");

        Map<String, Object> claims = signIn(SsoAccounts.pupilLogin(pupil), "state-1", "nonce-1").getJWTClaimsSet().getClaims();

        assertThat(claims).containsEntry("iss", sso.issuer().toString()).containsEntry("aud", List.of("klaspoort"))
                .containsEntry("nonce", "nonce-1").containsEntry("sub", String.valueOf(pupil.id()))
                .containsEntry("basispoort_id", pupil.id()).containsEntry("eckid", pupil.eckid())
                .containsEntry("instelling_id", KLIMOP).containsEntry("soort", "leerling")
                .containsEntry("given_name", pupil.persoonsgegevens().voornaam())
                .doesNotContainKeys("email", "rollen");
    }

    @Test
    void aTeacherSignsInWithTheirEmailAddressInAnyCase() throws Exception {
        Medewerker teacher = world.staff(KLIMOP).stream().filter(m -> m.rollen().contains("ICTCoordinator")).findFirst().orElseThrow();

        Map<String, Object> claims = signIn("  " + teacher.emailadres().toUpperCase() + " ", "s", "n").getJWTClaimsSet().getClaims();

        assertThat(claims).containsEntry("sub", String.valueOf(teacher.id())).containsEntry("email", teacher.emailadres())
                .containsEntry("soort", "medewerker").containsEntry("eckid", teacher.eckid())
                .containsEntry("rollen", List.of("ICTCoordinator", "Leerkracht"))
                .containsEntry("family_name", "Hoekstra").containsEntry("name", "Marieke Hoekstra");
    }

    @Test
    void userinfoAnswersTheSameClaimsForTheAccessToken() throws Exception {
        Leerling pupil = world.pupils(KLIMOP).get(10);
        JsonNode tokens = tokens(code(SsoAccounts.pupilLogin(pupil), "s", "n"), SECRET);

        HttpResponse<String> userinfo = http.send(HttpRequest.newBuilder(URI.create(sso.issuer() + "/userinfo"))
                .header("Authorization", "Bearer " + tokens.get("access_token").asString()).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(userinfo.statusCode()).isEqualTo(200);
        JsonNode info = JSON.readTree(userinfo.body());
        assertThat(info.get("sub").asString()).isEqualTo(String.valueOf(pupil.id()));
        assertThat(info.get("eckid").asString()).isEqualTo(pupil.eckid());
    }

    @Test
    void aPupilAddedToTheWorldCanSignInRightAway() throws Exception {
        Leerling added = world.addPupil(KLIMOP, new Leerling(0, null, "L-nieuw",
                new Persoonsgegevens("Özdemir", "Ayşe", null, "A."), "4", "G4", List.of()));

        assertThat(SsoAccounts.pupilLogin(added)).isEqualTo("ayse." + added.id());
        Map<String, Object> claims = signIn("ayse." + added.id(), "s", "n").getJWTClaimsSet().getClaims();
        assertThat(claims).containsEntry("basispoort_id", added.id()).doesNotContainKey("eckid")
                .containsEntry("family_name", "Özdemir");
        assertThat(sso.loginOf(added.id())).contains("ayse." + added.id());
    }

    @Test
    void anUnknownLoginStaysOnThePageWithADutchMessage() throws Exception {
        HttpResponse<String> response = post(authorizeUrl("s", "n"), "username=" + encode("niemand<script>"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Location")).isEmpty();
        assertThat(response.body()).contains("role=\"alert\"", "Onbekende gebruikersnaam of e-mailadres",
                "value=\"niemand&lt;script&gt;\"").doesNotContain("niemand<script>");
    }

    @Test
    void onlyItsOwnClientAndLoopbackRedirectsAreServed() throws Exception {
        String otherClient = authorizeUrl("s", "n").replace("client_id=klaspoort", "client_id=indringer");
        String elsewhere = authorizeUrl("s", "n").replace(encode(REDIRECT), encode("https://evil.example/callback"));

        assertThat(get(otherClient).statusCode()).isEqualTo(400);
        assertThat(get(otherClient).body()).contains("Deze applicatie is niet bij Basispoort bekend.");
        HttpResponse<String> redirected = post(elsewhere, "username=" + encode(world.staff(KLIMOP).getFirst().emailadres()));
        assertThat(redirected.statusCode()).isEqualTo(400);
        assertThat(redirected.headers().firstValue("Location")).isEmpty();
        assertThat(get(sso.issuer() + "/debugger").statusCode()).isEqualTo(404);
        assertThat(get("http://localhost:" + sso.port() + "/default/.well-known/openid-configuration").statusCode())
                .isEqualTo(404);
    }

    @Test
    void theTokenEndpointWantsTheSecretAndACodeItIssuedOnce() throws Exception {
        String login = SsoAccounts.pupilLogin(world.pupils(KLIMOP).get(20));

        String code = code(login, "s", "n");
        assertThat(tokenResponse(code, "verkeerd").statusCode()).isEqualTo(401);
        assertThat(tokenResponse(code, SECRET).statusCode()).isEqualTo(200);
        HttpResponse<String> again = tokenResponse(code, SECRET);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("invalid_grant");
        assertThat(tokenResponse("verzonnen-code", SECRET).statusCode()).isEqualTo(400);

        HttpResponse<String> clientCredentials = http.send(HttpRequest.newBuilder(URI.create(sso.issuer() + "/token"))
                .header("Authorization", basic(SECRET)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=openid")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(clientCredentials.statusCode()).isEqualTo(400);
        assertThat(clientCredentials.body()).contains("unsupported_grant_type");
    }

    @Test
    void eachPupilAndStaffMemberHasTheirOwnLogin() {
        List<SsoAccounts.Account> accounts = new SsoAccounts(() -> world).all();

        assertThat(accounts.stream().map(SsoAccounts.Account::login).collect(Collectors.toSet())).hasSameSizeAs(accounts);
        assertThat(accounts.stream().filter(a -> a.schoolId() == KLIMOP).count())
                .isEqualTo(world.pupils(KLIMOP).size() + world.staff(KLIMOP).size());
        assertThat(accounts.getFirst().toString()).doesNotContain("ketenid").doesNotContain(accounts.getFirst().login());
    }

    @Test
    void theClientSecretFileIsMadeOnceAndReadableByTheOwnerOnly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("basispoort-sso/client-secret");

        String secret = OwnerOnly.secret(file);

        assertThat(secret).hasSize(48).isEqualTo(OwnerOnly.secret(file));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
    }

    // ---- the relying party's side of the flow ----

    static String authorizeUrl(String state, String nonce) {
        return sso.issuer() + "/authorize?response_type=code&client_id=klaspoort&scope=" + encode("openid profile")
                + "&redirect_uri=" + encode(REDIRECT) + "&state=" + state + "&nonce=" + nonce;
    }

    /** Signs in on the page and returns the authorization code from the redirect back to the client. */
    static String code(String login, String state, String nonce) throws Exception {
        HttpResponse<String> response = post(authorizeUrl(state, nonce), "username=" + encode(login));
        assertThat(response.statusCode()).isEqualTo(302);
        URI back = URI.create(response.headers().firstValue("Location").orElseThrow());
        assertThat(back.toString()).startsWith(REDIRECT).doesNotContain("ketenid");
        Map<String, String> query = java.util.Arrays.stream(back.getRawQuery().split("&"))
                .map(p -> p.split("=", 2)).collect(Collectors.toMap(p -> p[0], p -> p[1]));
        assertThat(query).containsEntry("state", state);
        return query.get("code");
    }

    /** Signs in, exchanges the code and returns the ID token after checking its signature against the JWKS. */
    static SignedJWT signIn(String login, String state, String nonce) throws Exception {
        JsonNode tokens = tokens(code(login, state, nonce), SECRET);
        SignedJWT idToken = SignedJWT.parse(tokens.get("id_token").asString());
        RSAKey key = (RSAKey) JWKSet.parse(get(sso.issuer() + "/jwks").body()).getKeyByKeyId(idToken.getHeader().getKeyID());
        assertThat(idToken.verify(new RSASSAVerifier(key))).isTrue();
        assertThat(Set.of("RS256")).contains(idToken.getHeader().getAlgorithm().getName());
        return idToken;
    }

    static JsonNode tokens(String code, String secret) throws Exception {
        HttpResponse<String> response = tokenResponse(code, secret);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    static HttpResponse<String> tokenResponse(String code, String secret) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(sso.issuer() + "/token"))
                .header("Authorization", basic(secret)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=" + encode(code)
                        + "&redirect_uri=" + encode(REDIRECT))).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String basic(String secret) {
        return "Basic " + Base64.getEncoder().encodeToString(("klaspoort:" + secret).getBytes(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String url, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
