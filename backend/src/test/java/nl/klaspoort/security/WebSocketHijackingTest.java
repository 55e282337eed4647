package nl.klaspoort.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.klaspoort.support.KlaspoortTest;
import nl.klaspoort.support.Sessions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.test.StepVerifier;

/**
 * Cross-site WebSocket hijacking (issue 10, item 5): an admin's browser on another site opens {@code /graphql} with the
 * admin's cookie. The handshake is refused unless the Origin is the application's own (or configured), and over the
 * socket only subscriptions run: a mutation or query sent there is refused, also from the right origin.
 */
@KlaspoortTest
@ExtendWith(OutputCaptureExtension.class)
class WebSocketHijackingTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private WebSocketGraphQlTester socket(Sessions.Session session, String origin) {
        return WebSocketGraphQlTester.builder("ws://localhost:" + port + "/graphql", new ReactorNettyWebSocketClient())
                .headers(h -> {
                    h.add(HttpHeaders.COOKIE, session.cookieHeader());
                    if (origin != null) {
                        h.add(HttpHeaders.ORIGIN, origin);
                    }
                })
                .build();
    }

    @Test
    void aHandshakeFromAnotherSiteIsRefused(CapturedOutput output) {
        Sessions.Session admin = Sessions.login(port, Sessions.ADMIN_REGENBOOG, Sessions.PROFESSIONAL_PASSWORD);
        WebSocketGraphQlTester evil = socket(admin, "https://evil.example");
        StepVerifier.create(evil.documentName("heartbeat").variable("everyMillis", 100)
                        .executeSubscription().toFlux("heartbeat.sequence", Integer.class))
                .expectErrorSatisfies(e -> assertThat(e).hasStackTraceContaining("403"))
                .verify(Duration.ofSeconds(20));
        assertThat(output.getOut()).contains("event=WEBSOCKET_ORIGIN_REFUSED origin=https://evil.example");
    }

    @Test
    void theAppsOwnOriginKeepsLiveUpdatesWorking() {
        Sessions.Session admin = Sessions.login(port, Sessions.ADMIN_REGENBOOG, Sessions.PROFESSIONAL_PASSWORD);
        for (String origin : new String[] {"http://localhost:" + port, "https://klaspoort.example.org"}) {
            WebSocketGraphQlTester own = socket(admin, origin);
            StepVerifier.create(own.documentName("heartbeat").variable("everyMillis", 100)
                            .executeSubscription().toFlux("heartbeat.sequence", Integer.class).take(2))
                    .as(origin)
                    .expectNext(1, 2)
                    .expectComplete()
                    .verify(Duration.ofSeconds(20));
            own.stop().block(Duration.ofSeconds(5));
        }
    }

    @Test
    void aMutationOverTheSocketIsRefusedAndChangesNothing() {
        Sessions.Session admin = Sessions.login(port, Sessions.ADMIN_REGENBOOG, Sessions.PROFESSIONAL_PASSWORD);
        WebSocketGraphQlTester own = socket(admin, "http://localhost:" + port);
        long school = jdbc.sql("select id from school where brin = '12AB'").query(Long.class).single();
        long student = jdbc.sql("select id from app_user where username = :u").param("u", Sessions.STUDENT_REGENBOOG)
                .query(Long.class).single();
        own.document("mutation($input: UsersArchiveInput!) { usersArchive(input: $input) { batchId } }")
                .variable("input", Map.of("schoolId", school, "userIds", List.of(student), "dryRun", false))
                .execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> assertThat(code(error))
                        .isEqualTo("OPERATION_NOT_ALLOWED_OVER_WEBSOCKET")));
        own.document("{ schools { name } }").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> assertThat(code(error))
                        .isEqualTo("OPERATION_NOT_ALLOWED_OVER_WEBSOCKET")));
        assertThat(jdbc.sql("select archived_at is null from school_member where user_id = :u").param("u", student)
                .query(Boolean.class).single()).isTrue();
        own.stop().block(Duration.ofSeconds(5));
    }

    private static Object code(ResponseError error) {
        return error.getExtensions().get("code");
    }
}
