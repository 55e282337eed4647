package nl.klaspoort.security.internal;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The Content-Security-Policy. Every response gets at least {@link #DEFAULT}: scripts, styles and connections from
 * this origin only, never framed, no plugins, no foreign base or form targets. The SPA shell carries inline bootstrap
 * scripts written by the framework, so every page request gets a fresh random nonce: the policy of
 * {@link #page(String)} runs exactly the scripts that carry it, and {@link ShellNonces} puts it on every
 * {@code <script>} of the shell as it is written; no other inline script and no {@code eval} runs. Styles may be
 * inline ({@code 'unsafe-inline'} for {@code style-src} only): the web components insert {@code <style>} elements of
 * their own at run time, without a way to give them a nonce, and a style cannot run script. GraphiQL (development
 * only, off in {@code prod}) loads its bundle from esm.sh and gets its own policy.
 *
 * <p>The header is set before the request is handled: the shell is written by a forwarded servlet whose response is
 * finished by the container before the filters regain control.
 */
public final class ContentSecurityPolicy extends OncePerRequestFilter {

    public static final String HEADER = "Content-Security-Policy";
    static final String NONCE_ATTRIBUTE = ContentSecurityPolicy.class.getName() + ".nonce";

    /** For every response that is not a page. */
    public static final String DEFAULT = "default-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'";

    private static final String GRAPHIQL = "default-src 'self'; script-src 'self' 'unsafe-inline' https://esm.sh; "
            + "style-src 'self' 'unsafe-inline' https://esm.sh; img-src 'self' data:; font-src 'self' data: https://esm.sh; "
            + "connect-src 'self' https://esm.sh; frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'";

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Besides 'self', where a page may post a form: the products' launch pages (D3: the launch token is posted). */
    private final String formTargets;

    public ContentSecurityPolicy(java.util.List<String> launchOrigins) {
        this.formTargets = launchOrigins.stream().filter(o -> o.matches("https?://[A-Za-z0-9.\\-]+(:\\d+)?"))
                .map(o -> " " + o).collect(java.util.stream.Collectors.joining());
    }

    /** The policy of a page whose inline scripts carry {@code nonce}. */
    public static String page(String nonce) {
        return page(nonce, "");
    }

    private static String page(String nonce, String formTargets) {
        return "default-src 'self'; script-src 'self' 'nonce-" + nonce + "'; style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
                + "frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'" + formTargets;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || request.getServletPath().startsWith("/graphql");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getServletPath().startsWith("/graphiql")) {
            response.setHeader(HEADER, GRAPHIQL);
        } else {
            byte[] bytes = new byte[18];
            RANDOM.nextBytes(bytes);
            String nonce = Base64.getEncoder().encodeToString(bytes);
            request.setAttribute(NONCE_ATTRIBUTE, nonce);
            response.setHeader(HEADER, page(nonce, formTargets));
        }
        chain.doFilter(request, response);
    }

    /** Puts the request's nonce on every script element of the SPA shell (see {@link ShellNoncesConfiguration}). */
    public static final class ShellNonces implements VaadinServiceInitListener {
        @Override
        public void serviceInit(ServiceInitEvent event) {
            event.addIndexHtmlRequestListener(response -> {
                if (response.getVaadinRequest().getAttribute(NONCE_ATTRIBUTE) instanceof String nonce) {
                    response.getDocument().select("script").attr("nonce", nonce);
                }
            });
        }
    }
}
