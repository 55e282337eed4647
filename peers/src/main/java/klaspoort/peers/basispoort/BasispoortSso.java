package klaspoort.peers.basispoort;

import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import klaspoort.peers.basispoort.SsoAccounts.Account;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.NettyWrapper;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequestHandler;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.Route;
import no.nav.security.mock.oauth2.token.KeyProvider;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * Basispoort's single sign-on, played by a real OpenID Connect provider ({@code no.nav.security:mock-oauth2-server})
 * on the loopback address: authorization code flow with discovery, JWKS, token and userinfo endpoints under the issuer
 * {@code http://localhost:PORT/basispoort}. The people who can sign in are those of a {@link BasispoortWorld} (usually
 * the simulator's own, so both peers tell the same story); the sign-in page asks for a login and shows the demo
 * accounts ({@link SsoLoginPage}). On top of the library this class
 * <ul>
 * <li>only knows its one client ({@code client_id} and secret, checked at the token endpoint) and only sends the
 * browser back to a loopback address;</li>
 * <li>puts the claims in the tokens itself, from the world, never from the browser: {@code sub} and
 * {@code basispoort_id} (the Basispoort user id), {@code eckid}, {@code instelling_id} (the school's Basispoort id),
 * {@code soort} ({@code leerling} or {@code medewerker}), {@code rollen} (staff), {@code given_name},
 * {@code family_name}, {@code name}, {@code email} (staff);</li>
 * <li>signs with an RSA key generated at start (the library's built-in keys are public);</li>
 * <li>answers only the endpoints a relying party needs (no debugger, no client-credentials or password grants).</li>
 * </ul>
 * A plain class, so tests run it in-process:
 * <pre>{@code
 * try (BasispoortSso sso = BasispoortSso.builder().world(simulator.world()).clientSecret("s3cret").start()) {
 *     sso.issuer();   // http://localhost:PORT/basispoort
 * }
 * }</pre>
 */
public final class BasispoortSso implements AutoCloseable {

    public static final String ISSUER_ID = "basispoort";

    private final Builder config;
    private final SsoAccounts accounts;
    private final NettyWrapper http = new NettyWrapper();
    private final OAuth2HttpRequestHandler library;
    private final MockOAuth2Server server;
    /** The library's authorization codes live in a plain map: one request at a time inside it. */
    private final ReentrantLock lock = new ReentrantLock();
    /** Authorization codes issued and not yet exchanged, with when they expire. */
    private final Map<String, Instant> codes = new ConcurrentHashMap<>();
    private static final Duration CODE_LIFETIME = Duration.ofMinutes(10);

    private BasispoortSso(Builder config) {
        this.config = config;
        this.accounts = new SsoAccounts(config.world);
        Clock clock = config.clock;
        OAuth2Config oauth = new OAuth2Config(false, null, null, false,
                new OAuth2TokenProvider(new KeyProvider(List.of(), "RS256"), () -> clock.instant()), Set.of(), http);
        this.library = new OAuth2HttpRequestHandler(oauth);
        this.server = new MockOAuth2Server(oauth, new Route[] {new Endpoints()});
    }

    public static Builder builder() {
        return new Builder();
    }

    private BasispoortSso listen() {
        server.start(InetAddress.getLoopbackAddress(), config.port);
        return this;
    }

    /** The issuer, e.g. {@code http://localhost:9490/basispoort}; its discovery document is below it. */
    public URI issuer() {
        return URI.create("http://localhost:" + port() + "/" + ISSUER_ID);
    }

    public int port() {
        return http.port();
    }

    public String clientId() {
        return config.clientId;
    }

    /** The login a person types on the sign-in page, e.g. {@code emma.5000012} or a teacher's e-mail address. */
    public Optional<String> loginOf(long basispoortId) {
        return accounts.all().stream().filter(a -> a.basispoortId() == basispoortId).map(Account::login).findFirst();
    }

    @Override
    public void close() {
        server.shutdown();
    }

    /** Every request passes here first; the library answers only what this lets through. */
    private final class Endpoints implements Route {

        @Override
        public boolean match(OAuth2HttpRequest request) {
            return true;
        }

        @Override
        public OAuth2HttpResponse invoke(OAuth2HttpRequest request) {
            List<String> path = request.getUrl().pathSegments();
            if (path.size() < 2 || !path.getFirst().equals(ISSUER_ID)) {
                return page(404, "Niet gevonden", "Deze pagina bestaat niet.");
            }
            String endpoint = request.getMethod() + " " + String.join("/", path.subList(1, path.size()));
            return switch (endpoint) {
                case "GET authorize" -> authorize(request, null);
                case "POST authorize" -> signIn(request);
                case "POST token" -> token(request);
                case "GET endsession" -> endSession(request);
                case "GET .well-known/openid-configuration", "GET jwks", "GET userinfo" -> library(request);
                default -> page(404, "Niet gevonden", "Deze pagina bestaat niet.");
            };
        }
    }

    /** The sign-in page, after checking who asks and where the browser will be sent back to. */
    private OAuth2HttpResponse authorize(OAuth2HttpRequest request, Login attempt) {
        Optional<String> refused = refusal(request);
        if (refused.isPresent()) {
            return page(400, "Inloggen niet mogelijk", refused.get());
        }
        return html(200,
                SsoLoginPage.render(config.clientId, attempt == null ? null : attempt.login, attempt == null ? null
                        : "Onbekende gebruikersnaam of e-mailadres. Kies een van de accounts hieronder of controleer de spelling.",
                        accounts.all()));
    }

    private record Login(String login) {
    }

    /**
     * A known login gets an authorization code; the library issues it with the claims of that account (the form's
     * fields are replaced, so nothing the browser sends ends up in a token).
     */
    private OAuth2HttpResponse signIn(OAuth2HttpRequest request) {
        String login = request.getFormParameters().get("username");
        Optional<String> refused = refusal(request);
        if (refused.isPresent()) {
            return page(400, "Inloggen niet mogelijk", refused.get());
        }
        Optional<Account> account = accounts.find(login);
        if (account.isEmpty()) {
            return authorize(request, new Login(login == null ? "" : login.strip()));
        }
        String body = "username=" + encode(String.valueOf(account.get().basispoortId()))
                + "&claims=" + encode(Http.JSON.writeValueAsString(account.get().claims()));
        OAuth2HttpResponse response = library(new OAuth2HttpRequest(request.getHeaders(), "POST", request.getOriginalUrl(), body));
        String location = response.getHeaders().get("Location");
        HttpUrl back = location == null ? null : HttpUrl.parse(location);
        if (back != null && back.queryParameter("code") != null) {
            codes.put(back.queryParameter("code"), config.clock.instant().plus(CODE_LIFETIME));
        }
        return response;
    }

    /** The library would exchange any code, even an unknown or used one: only codes issued here, once, for 10 minutes. */
    private boolean redeem(String code) {
        Instant now = config.clock.instant();
        codes.values().removeIf(expiry -> expiry.isBefore(now));
        Instant expiry = code == null ? null : codes.remove(code);
        return expiry != null;
    }

    /** Why this authorization request is refused (in Dutch), or empty when it may go on. */
    private Optional<String> refusal(OAuth2HttpRequest request) {
        AuthenticationRequest authentication;
        try {
            authentication = request.asAuthenticationRequest();
        } catch (Exception e) {
            return Optional.of("Het inlogverzoek is onvolledig of ongeldig.");
        }
        if (!config.clientId.equals(authentication.getClientID().getValue())) {
            return Optional.of("Deze applicatie is niet bij Basispoort bekend.");
        }
        if (!loopback(authentication.getRedirectionURI())) {
            return Optional.of("Basispoort stuurt je alleen terug naar een adres op deze computer.");
        }
        return Optional.empty();
    }

    /** Codes for tokens, for this client only: its secret by HTTP Basic or in the form; authorization code or refresh. */
    private OAuth2HttpResponse token(OAuth2HttpRequest request) {
        String id = request.getFormParameters().get("client_id");
        String secret = request.getFormParameters().get("client_secret");
        String authorization = request.getHeaders().get("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String pair = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            id = colon < 0 ? pair : URLDecoder.decode(pair.substring(0, colon), StandardCharsets.UTF_8);
            secret = colon < 0 ? null : URLDecoder.decode(pair.substring(colon + 1), StandardCharsets.UTF_8);
        }
        if (!config.clientId.equals(id) || secret == null || !MessageDigest.isEqual(
                secret.getBytes(StandardCharsets.UTF_8), config.clientSecret.getBytes(StandardCharsets.UTF_8))) {
            return new OAuth2HttpResponse(Headers.of("Content-Type", "application/json", "WWW-Authenticate",
                    "Basic realm=\"basispoort\""), 401, "{\"error\":\"invalid_client\"}", null);
        }
        String grant = request.getFormParameters().get("grant_type");
        if (!"authorization_code".equals(grant) && !"refresh_token".equals(grant)) {
            return new OAuth2HttpResponse(Headers.of("Content-Type", "application/json"), 400,
                    "{\"error\":\"unsupported_grant_type\"}", null);
        }
        if ("authorization_code".equals(grant) && !redeem(request.getFormParameters().get("code"))) {
            return new OAuth2HttpResponse(Headers.of("Content-Type", "application/json"), 400,
                    "{\"error\":\"invalid_grant\"}", null);
        }
        return library(request);
    }

    /** Signs out; back to the relying party only when that address is on this computer. */
    private OAuth2HttpResponse endSession(OAuth2HttpRequest request) {
        String back = request.getUrl().queryParameter("post_logout_redirect_uri");
        if (back != null && loopback(URI.create(back))) {
            return library(request);
        }
        return page(200, "Uitgelogd", "Je bent uitgelogd bij Basispoort.");
    }

    private OAuth2HttpResponse library(OAuth2HttpRequest request) {
        lock.lock();
        try {
            return library.getAuthorizationServer().invoke(request);
        } finally {
            lock.unlock();
        }
    }

    private static boolean loopback(URI uri) {
        if (uri == null || uri.getHost() == null || !Set.of("http", "https").contains(String.valueOf(uri.getScheme()))) {
            return false;
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
    }

    private static OAuth2HttpResponse page(int status, String title, String message) {
        return html(status, "<!doctype html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\"><title>"
                + SsoLoginPage.escape(title) + " – Basispoort (simulator)</title></head><body><main><h1>"
                + SsoLoginPage.escape(title) + "</h1><p>" + SsoLoginPage.escape(message) + "</p></main></body></html>\n");
    }

    private static OAuth2HttpResponse html(int status, String body) {
        return new OAuth2HttpResponse(Headers.of("Content-Type", "text/html;charset=UTF-8"), status, body, null);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Settings; each has a default fit for a test (a free port, the system clock). */
    public static final class Builder {
        private int port;
        private String clientId = "klaspoort";
        private String clientSecret;
        private Supplier<BasispoortWorld> world;
        private Clock clock = Clock.systemUTC();

        /** 0 (default) picks a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder clientId(String clientId) {
            this.clientId = clientId;
            return this;
        }

        /** Required: the secret the client must present at the token endpoint. */
        public Builder clientSecret(String clientSecret) {
            this.clientSecret = clientSecret;
            return this;
        }

        /** Required: whose people can sign in (e.g. {@code simulator.world()}). */
        public Builder world(BasispoortWorld world) {
            this.world = () -> world;
            return this;
        }

        /** Whose people can sign in, looked up at each sign-in (a peer whose world is made when another peer starts). */
        Builder world(Supplier<BasispoortWorld> world) {
            this.world = world;
            return this;
        }

        /** The time written into tokens ({@code iat}, {@code exp}). */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public BasispoortSso start() {
            if (world == null || clientSecret == null || clientSecret.isBlank()) {
                throw new IllegalStateException("world(...) and clientSecret(...) are required");
            }
            return new BasispoortSso(this).listen();
        }
    }
}
