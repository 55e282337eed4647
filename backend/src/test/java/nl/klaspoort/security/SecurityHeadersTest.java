package nl.klaspoort.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.klaspoort.support.Http;
import nl.klaspoort.support.KlaspoortTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The security headers (issue 10, item 4) on every kind of response: the SPA's pages (which could be framed for
 * clickjacking before), its assets, the API and the token endpoint; a nonce-based CSP on pages; HSTS and Secure
 * {@code __Host-} cookies behind a TLS proxy.
 */
@KlaspoortTest
class SecurityHeadersTest {

    private static final Pattern NONCE = Pattern.compile("'nonce-([A-Za-z0-9+/=]+)'");

    @LocalServerPort
    int port;

    private static void hasSecurityHeaders(HttpHeaders headers) {
        String csp = headers.firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("default-src 'self'").contains("frame-ancestors 'none'").contains("object-src 'none'")
                .contains("base-uri 'self'").doesNotContain("unsafe-eval");
        assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(headers.firstValue("Referrer-Policy")).hasValue("same-origin");
    }

    @Test
    void staticAssetsStayCacheable() {
        HttpResponse<String> shell = Http.get(port, "/login", Map.of());
        Matcher script = Pattern.compile("src=\"\\./(VAADIN/build/[^\"]+\\.js)\"").matcher(shell.body());
        assertThat(script.find()).as(shell.body()).isTrue();
        HttpResponse<String> asset = Http.get(port, "/" + script.group(1), Map.of());
        assertThat(asset.statusCode()).isEqualTo(200);
        hasSecurityHeaders(asset.headers());
        assertThat(asset.headers().firstValue("Cache-Control").orElse("")).doesNotContain("no-store");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/login", "/beheer/archief", "/resultaten/leerling/12", "/actuator/health", "/graphql",
            "/.well-known/oauth-authorization-server", "/does-not-exist"})
    void everyResponseCarriesTheSecurityHeaders(String path) {
        hasSecurityHeaders(Http.get(port, path, Map.of()).headers());
    }

    @Test
    void theApiAndTheTokenEndpointCarryThemToo() {
        HttpResponse<String> api = Http.graphql(port, null, Http.query("{ me { user { id } } }"));
        hasSecurityHeaders(api.headers());
        assertThat(api.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        hasSecurityHeaders(Http.post(port, "/oauth2/token", "application/x-www-form-urlencoded", "grant_type=client_credentials",
                Map.of()).headers());
        hasSecurityHeaders(Http.post(port, "/graphql", "application/json", Http.query("{ __typename }"),
                Map.of("Authorization", "Bearer not-a-token")).headers());
    }

    @Test
    void theShellsInlineScriptsRunOnlyWithThisPagesNonce() {
        HttpResponse<String> first = Http.get(port, "/login", Map.of());
        String csp = first.headers().firstValue("Content-Security-Policy").orElseThrow();
        Matcher nonce = NONCE.matcher(csp);
        assertThat(nonce.find()).as(csp).isTrue();
        assertThat(csp).contains("script-src 'self' 'nonce-").doesNotContain("'unsafe-inline' 'nonce").doesNotContain("script-src 'self' 'unsafe-inline'");
        String page = first.body();
        List<String> inline = Pattern.compile("<script\\b[^>]*>").matcher(page).results().map(r -> r.group()).toList();
        assertThat(inline).isNotEmpty().allSatisfy(tag -> assertThat(tag).contains("nonce=\"" + nonce.group(1) + "\""));
        // the nonces change the page's length: a Content-Length, when sent (a page beyond the response buffer goes
        // chunked without one), is the length of the page as sent
        first.headers().firstValue("Content-Length").ifPresent(length -> assertThat(length)
                .isEqualTo(Integer.toString(page.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)));

        String second = Http.get(port, "/login", Map.of()).headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(second).as("a fresh nonce per page").isNotEqualTo(csp);
    }

    @Test
    void pagesMayPostFormsOnlyToThemselvesAndTheProductsLaunchPages() {
        String csp = Http.get(port, "/", Map.of()).headers().firstValue("Content-Security-Policy").orElseThrow();
        // D3: a pupil's launch token is posted to the product (the demo products' origin by default)
        assertThat(csp).endsWith("form-action 'self' http://localhost:9500");
        String api = Http.get(port, "/graphql", Map.of()).headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(api).as("the API is no page: its responses allow no form target but this origin").endsWith("form-action 'self'");
    }

    @Test
    void behindATlsProxyCookiesAreSecureHostCookiesAndHstsIsSent() {
        HttpResponse<String> secure = Http.get(port, "/login", Map.of("X-Forwarded-Proto", "https", "X-Forwarded-For", "203.0.113.9"));
        assertThat(secure.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(v ->
                assertThat(v).contains("max-age=31536000").contains("includeSubDomains"));
        assertThat(secure.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
                assertThat(cookie).startsWith("__Host-XSRF-TOKEN=").contains("Secure").contains("Path=/").doesNotContain("Domain"));

        HttpResponse<String> plain = Http.get(port, "/login", Map.of());
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(plain.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
                assertThat(cookie).startsWith("XSRF-TOKEN=").doesNotContain("Secure"));
    }
}
