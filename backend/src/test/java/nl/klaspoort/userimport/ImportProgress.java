package nl.klaspoort.userimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.klaspoort.support.Sessions;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

/** The progress subscription (X4) over graphql-ws, as the review screen follows it. */
final class ImportProgress {

    private ImportProgress() {}

    /** Every step of the import's progress until the subscription completes (the passwords are secured). */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> steps(int port, Sessions.Session session, String schoolId, String importId) {
        WebSocketGraphQlTester tester = WebSocketGraphQlTester.builder("ws://localhost:" + port + "/graphql",
                        new ReactorNettyWebSocketClient())
                .headers(h -> h.add(HttpHeaders.COOKIE, session.cookieHeader()))
                .build();
        try {
            return tester.documentName("imports-progress").variable("schoolId", schoolId).variable("importId", importId)
                    .executeSubscription().toFlux("spreadsheetImportProgress", Map.class)
                    .map(step -> (Map<String, Object>) step).collectList().block(Duration.ofMinutes(5));
        } finally {
            tester.stop().block(Duration.ofSeconds(5));
        }
    }

    /** Blocks until the import's passwords are secured. */
    static void awaitReady(int port, Sessions.Session session, String schoolId, String importId) {
        List<Map<String, Object>> steps = steps(port, session, schoolId, importId);
        assertThat(steps).isNotEmpty();
        assertThat(steps.getLast()).containsEntry("status", "READY");
    }
}
