package klaspoort.peers.basispoort;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Request plumbing shared by the simulator's handlers: routing by path segments, JSON in and out, errors. */
abstract class Http implements HttpHandler {

    static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private static final Logger log = LoggerFactory.getLogger(Http.class);

    /** An answer that is not 200 with a body. */
    static final class Status extends RuntimeException {
        final int code;

        Status(int code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }

    private final String prefix;

    Http(String prefix) {
        this.prefix = prefix;
    }

    /** Handles one request; {@code path} are the segments after the prefix. Returns the body to send as JSON. */
    abstract Object handle(HttpExchange exchange, String method, List<String> path) throws IOException;

    @Override
    public final void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String rest = exchange.getRequestURI().getRawPath().substring(prefix.length());
            List<String> path = Arrays.stream(rest.split("/")).filter(s -> !s.isEmpty()).toList();
            Object body;
            int status = 200;
            try {
                body = handle(exchange, exchange.getRequestMethod(), path);
                if (body instanceof Created created) {
                    status = 201;
                    body = created.body;
                }
            } catch (Status e) {
                status = e.code;
                body = new Api.Fout(e.code, e.getMessage());
            } catch (NoSuchElementException e) {
                status = 404;
                body = new Api.Fout(404, "Niet gevonden");
            } catch (JacksonException | IllegalArgumentException e) {
                status = 400;
                body = new Api.Fout(400, "Ongeldig verzoek");
            } catch (RuntimeException e) {
                log.warn("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI().getPath(), e);
                status = 500;
                body = new Api.Fout(500, "Interne fout");
            }
            send(exchange, status, body);
        }
    }

    static void send(HttpExchange exchange, int status, Object body) throws IOException {
        if (body == null) {
            exchange.sendResponseHeaders(status == 200 ? 204 : status, -1);
            return;
        }
        byte[] bytes = body instanceof byte[] raw ? raw : JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static <T> T read(HttpExchange exchange, Class<T> type) throws IOException {
        return JSON.readValue(exchange.getRequestBody(), type);
    }

    static <T> T read(HttpExchange exchange, tools.jackson.core.type.TypeReference<T> type) throws IOException {
        return JSON.readValue(exchange.getRequestBody(), type);
    }

    static String query(HttpExchange exchange, String name) {
        String query = exchange.getRequestURI().getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    static long id(String segment) {
        try {
            return Long.parseLong(segment);
        } catch (NumberFormatException e) {
            throw new Status(404, "Niet gevonden");
        }
    }

    static Status methodNotAllowed() {
        return new Status(405, "Methode niet toegestaan");
    }

    /** Wraps a body answered with 201 Created. */
    record Created(Object body) {
    }
}
