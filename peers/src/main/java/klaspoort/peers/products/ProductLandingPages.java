package klaspoort.peers.products;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import klaspoort.peers.products.LaunchTokenVerifier.Arrival;
import klaspoort.peers.products.LaunchTokenVerifier.Refused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo products' own pages (D2, D3), on loopback: {@code POST /{product}/start} is where Klaspoort sends a pupil
 * with a launch token (form field {@code launch_token}); the page verifies it against Klaspoort's published keys with
 * {@link LaunchTokenVerifier} and shows who arrived, or why the token is refused (used before, expired, for another
 * product, not Klaspoort's). {@code GET /{product}/begeleiders} is the product's supervisor environment (the
 * professionals' "Dashboard" tiles), {@code GET /{product}/handleiding} its manual, {@code GET /video/{name}} the
 * publisher's instruction videos of the dashboard. Pages are Dutch, as the products'.
 * Logs name no pupil: only the product and the token id.
 *
 * <pre>{@code
 * try (ProductLandingPages pages = ProductLandingPages.builder().klaspoort(URI.create("http://localhost:8080")).start()) {
 *     pages.baseUrl(); // http://localhost:PORT
 * }
 * }</pre>
 */
public final class ProductLandingPages implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ProductLandingPages.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.of("Europe/Amsterdam"));

    /** The demo products by the code in their addresses. */
    static final Map<String, String> PRODUCTS = Map.of("leeslab", "Leeslab", "spellingster", "Spellingster",
            "rekenroute", "Rekenroute");

    private final HttpServer server;
    private final LaunchTokenVerifier verifier;

    private ProductLandingPages(int port, LaunchTokenVerifier verifier) throws IOException {
        this.verifier = verifier;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Where the pages are: {@code http://localhost:PORT}. */
    public String baseUrl() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            List<String> path = Arrays.stream(exchange.getRequestURI().getPath().split("/")).filter(s -> !s.isEmpty()).toList();
            String method = exchange.getRequestMethod();
            if (path.isEmpty()) {
                page(exchange, 200, "Demoproducten", "<h1>Demoproducten van de uitgeverij</h1><p>Start een product vanuit Klaspoort.</p>");
            } else if (path.size() == 2 && path.get(0).equals("video")) {
                page(exchange, 200, "Instructievideo", "<h1>Instructievideo</h1><p>Hier speelt de instructievideo ‘"
                        + html(path.get(1)) + "’ van de uitgeverij. (Demo)</p>");
            } else if (path.size() == 2 && PRODUCTS.containsKey(path.get(0))) {
                String code = path.get(0);
                String name = PRODUCTS.get(code);
                switch (path.get(1)) {
                    case "start" -> start(exchange, method, code, name);
                    case "begeleiders" -> page(exchange, 200, name + " – begeleidersomgeving",
                            "<h1>Begeleidersomgeving van " + name + "</h1><p>Hier volgen begeleiders hun leerlingen in "
                                    + name + ". (Demo)</p>");
                    case "handleiding" -> page(exchange, 200, name + " – handleiding",
                            "<h1>Handleiding van " + name + "</h1><p>Video's en handleidingen voor begeleiders. (Demo)</p>");
                    default -> page(exchange, 404, "Niet gevonden", "<h1>Deze pagina bestaat niet</h1>");
                }
            } else {
                page(exchange, 404, "Niet gevonden", "<h1>Deze pagina bestaat niet</h1>");
            }
        } catch (RuntimeException e) {
            log.warn("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI().getPath(), e);
        }
    }

    private void start(HttpExchange exchange, String method, String code, String name) throws IOException {
        if (!"POST".equals(method)) {
            page(exchange, 400, name, "<h1>" + name + "</h1><p id=\"refusal\">Start " + name + " vanuit Klaspoort.</p>");
            return;
        }
        String token = form(exchange).get("launch_token");
        try {
            Arrival arrival = verifier.verify(token, code.toUpperCase(Locale.ROOT));
            log.info("Launch of {} accepted (token {})", code, arrival.tokenId());
            page(exchange, 200, name, """
                    <h1 id="welcome">Welkom bij %s, %s!</h1>
                    <p>De starttoken is gecontroleerd met de sleutels van Klaspoort.</p>
                    <dl id="arrival">
                      <dt>Leerling</dt><dd id="pupil">%s</dd>
                      <dt>Leerling-id</dt><dd id="pupil-id">%s</dd>
                      <dt>School</dt><dd id="school">%s (%s)</dd>
                      <dt>Product</dt><dd id="product">%s</dd>
                      <dt>Token</dt><dd id="token-id">%s, geldig tot %s</dd>
                    </dl>
                    """.formatted(name, html(arrival.name()), html(arrival.name()), html(arrival.pupilId()),
                    html(arrival.schoolName()), html(arrival.brin()), html(arrival.product()), html(arrival.tokenId()),
                    TIME.format(arrival.expiresAt())));
        } catch (Refused refused) {
            log.info("Launch of {} refused: {}", code, refused.reason());
            String why = switch (refused.reason()) {
                case "replayed" -> "Deze starttoken is al gebruikt. Start " + name + " opnieuw vanuit Klaspoort.";
                case "expired" -> "Deze starttoken is verlopen. Start " + name + " opnieuw vanuit Klaspoort.";
                case "audience" -> "Deze starttoken is voor een ander product.";
                case "lifetime" -> "Deze starttoken is te lang geldig.";
                default -> "Deze starttoken is niet van Klaspoort of is ongeldig.";
            };
            page(exchange, "replayed".equals(refused.reason()) ? 409 : 401, name,
                    "<h1>" + name + "</h1><p id=\"refusal\" data-reason=\"" + refused.reason() + "\">" + why + "</p>");
        }
    }

    private static Map<String, String> form(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readNBytes(16_384);
        Map<String, String> fields = new java.util.HashMap<>();
        for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    private static void page(HttpExchange exchange, int status, String title, String body) throws IOException {
        byte[] bytes = """
                <!DOCTYPE html>
                <html lang="nl"><head><meta charset="utf-8"><title>%s</title>
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1a1a1a}
                h1{color:#0b4f8a}dt{font-weight:600;margin-top:.5rem}dd{margin:0}</style></head>
                <body><main>%s</main></body></html>
                """.formatted(html(title), body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String html(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&#39;");
    }

    public static final class Builder {
        private int port;
        private URI klaspoort = URI.create("http://localhost:8080");
        private Clock clock = Clock.systemUTC();

        /** The port on the loopback address; 0 (default) for a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Klaspoort's address: its keys at {@code /oauth2/jwks}, and its issuer. */
        public Builder klaspoort(URI klaspoort) {
            this.klaspoort = klaspoort;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public ProductLandingPages start() {
            String base = klaspoort.toString().replaceAll("/+$", "");
            try {
                return new ProductLandingPages(port, new LaunchTokenVerifier(URI.create(base + "/oauth2/jwks"), base, clock));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
