package nl.klaspoort.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.klaspoort.productclient.ProductTokens;
import nl.klaspoort.results.internal.ResultsEvents;
import nl.klaspoort.support.Node;
import nl.klaspoort.support.Sessions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.test.StepVerifier;

/**
 * Two application nodes on one database, as behind a load balancer (issue 16, {@code docs/scaling.md}): a session
 * signed in on one node goes on on the other (sessions in PostgreSQL), a product token issued by one is accepted by the
 * other (signing keys in PostgreSQL), and a result recorded on one node reaches a live subscriber on the other
 * (PostgreSQL notifications).
 */
class TwoNodesTest {

    static Node a, b;

    @BeforeAll
    static void start() {
        a = Node.first(Map.of());
        b = Node.next(a.database(), Map.of());
    }

    @AfterAll
    static void stop() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }

    @Test
    void signedInOnOneNodeGoesOnOnTheOther() {
        Sessions.Session session = Sessions.login(a.port(), Sessions.ADMIN_REGENBOOG, Sessions.PROFESSIONAL_PASSWORD);
        Sessions.tester(b.port(), session).documentName("me").execute()
                .path("me.user.username").entity(String.class).isEqualTo(Sessions.ADMIN_REGENBOOG);
    }

    @Test
    void aResultRecordedOnOneNodeReachesASubscriberOnTheOther() {
        JdbcClient jdbc = a.bean(JdbcClient.class);
        long leeslab = jdbc.sql("select id from product where code = 'LEESLAB'").query(Long.class).single();
        Map<String, Object> followed = jdbc.sql("""
                select e.school_id, e.student_id from enrollment_supervisor es join enrollment e on e.id = es.enrollment_id
                  join app_user u on u.id = es.supervisor_id
                 where u.email = :email and e.product_id = :product order by e.student_id limit 1
                """).param("email", Sessions.SUPERVISOR_REGENBOOG).param("product", leeslab).query().singleRow();
        long school = ((Number) followed.get("school_id")).longValue(), student = ((Number) followed.get("student_id")).longValue();

        Sessions.Session session = Sessions.login(a.port(), Sessions.SUPERVISOR_REGENBOOG, Sessions.PROFESSIONAL_PASSWORD);
        WebSocketGraphQlTester onA = WebSocketGraphQlTester.builder("ws://localhost:" + a.port() + "/graphql",
                new ReactorNettyWebSocketClient()).headers(h -> h.add(HttpHeaders.COOKIE, session.cookieHeader())).build();
        // a token issued by node A, used on node B: the signing keys are shared through the database
        String token = ProductTokens.accessToken(a.port(), ProductTokens.LEESLAB, ProductTokens.BOTH_SCOPES);
        ResultsEvents eventsOnA = a.bean(ResultsEvents.class);
        int before = eventsOnA.subscribers();
        Instant start = Instant.now().minus(1, ChronoUnit.HOURS);
        StepVerifier.create(onA.documentName("results-changed").variable("schoolId", school).variable("productId", leeslab)
                                .executeSubscription().toFlux("resultsChanged.studentIds", List.class).take(1))
                .then(() -> {
                    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                    while (eventsOnA.subscribers() <= before) {
                        assertThat(System.nanoTime()).as("subscription registered in time").isLessThan(deadline);
                        Thread.onSpinWait();
                    }
                    ProductTokens.tester(b.port(), token).documentName("results-record").variable("input", Map.of("sessions",
                                    List.of(Map.of("sessionId", "two-nodes-" + UUID.randomUUID(), "studentId", String.valueOf(student),
                                            "startedAt", start.toString(), "endedAt", start.plus(20, ChronoUnit.MINUTES).toString(),
                                            "clientIp", "198.18.0.1", "lessonPosition", 1, "completed", true))))
                            .execute().path("practiceSessionsRecord.created").entity(Integer.class).isEqualTo(1);
                })
                .expectNext(List.of(String.valueOf(student)))
                .expectComplete()
                .verify(Duration.ofSeconds(20));
        onA.stop().block(Duration.ofSeconds(5));
    }
}
