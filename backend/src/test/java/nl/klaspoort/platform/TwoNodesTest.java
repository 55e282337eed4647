package nl.klaspoort.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import nl.klaspoort.contract.internal.ContractRenewals;
import nl.klaspoort.productclient.ProductTokens;
import nl.klaspoort.results.internal.ResultsEvents;
import nl.klaspoort.support.Node;
import nl.klaspoort.support.Sessions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
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
 * (PostgreSQL notifications); a nightly job started on both nodes at once runs once (an advisory lock); failed sign-ins
 * on either node count against one throttle (issue 10 item 3), which a node started later (a restart) knows too.
 */
class TwoNodesTest {

    static Node a, b;

    /** A smaller bucket per IP address than the default 100, so that the test need not guess a hundred times. */
    static final Map<String, Object> THROTTLE = Map.of("klaspoort.security.login.ip-attempts", "10");

    @BeforeAll
    static void start() {
        a = Node.first(THROTTLE);
        b = Node.next(a.database(), THROTTLE);
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

    @Test
    @DisplayName("A1 across nodes: the contracts' nightly job started on both nodes at the same moment renews a due contract once")
    void aNightlyJobRunsOnceAcrossNodes() throws Exception {
        JdbcClient jdbc = a.bean(JdbcClient.class);
        long school = jdbc.sql("select id from school where brin = '12AB'").query(Long.class).single();
        long product = jdbc.sql("select id from product where code = 'SPELLINGSTER'").query(Long.class).single();
        LocalDate today = LocalDate.now(Amsterdam.ZONE);
        long contract = jdbc.sql("""
                        insert into contract (id, school_id, product_id, kind, name, seats, start_date, renewal_date)
                        values (nextval('contract_seq'), :school, :product, 'SCHOOL_WIDE', 'Twee nodes 10', 10, :start, :today)
                        returning id
                        """).param("school", school).param("product", product).param("start", today.minusYears(1))
                .param("today", today).query(Long.class).single();

        CountDownLatch ready = new CountDownLatch(2);
        try (var threads = Executors.newFixedThreadPool(2)) {
            List<CompletableFuture<ContractRenewals.Run>> runs = List.of(a, b).stream()
                    .map(node -> CompletableFuture.supplyAsync(() -> {
                        ready.countDown();
                        try {
                            ready.await();
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                        return node.bean(ContractRenewals.class).run();
                    }, threads)).toList();
            assertThat(runs.stream().map(CompletableFuture::join).mapToInt(ContractRenewals.Run::renewed).sum())
                    .as("contracts renewed by the two nodes together").isEqualTo(1);
        }

        Sessions.Session admin = Sessions.login(b.port(), Sessions.ADMIN_REGENBOOG, Sessions.PROFESSIONAL_PASSWORD);
        Sessions.tester(b.port(), admin).documentName("contracts").operationName("ContractLicences")
                .variable("schoolId", String.valueOf(school)).variable("contractId", String.valueOf(contract))
                .execute().path("school.contract.renewalDate").entity(String.class)
                .isEqualTo(today.plusYears(1).toString());
        List<Object> renewals = Sessions.tester(a.port(), admin).documentName("admin-audit-events")
                .variable("schoolId", String.valueOf(school)).variable("first", 100).variable("filter", Map.of("action", "CONTRACT_RENEWED"))
                .execute().path("school.auditEvents.edges[*].node").entityList(Map.class).get().stream()
                .filter(e -> "CONTRACT_RENEWED".equals(e.get("action")) && String.valueOf(contract).equals(e.get("targetId")))
                .map(e -> e.get("after")).toList();
        assertThat(renewals).as("the Logboek shows one renewal").hasSize(1);
    }

    @Test
    @DisplayName("Issue 10 item 3 across nodes: wrong passwords on node 1 and node 2 count together, and the lock-out holds on both and on a node started later")
    void failedSignInsOnBothNodesCountTogether() {
        // five wrong passwords for one account, turn by turn on the two nodes, each from another address: 3 on A, 2 on B
        for (int i = 0; i < 5; i++) {
            Node node = i % 2 == 0 ? a : b;
            assertThat(Sessions.attemptFrom(node.port(), "198.18.1." + (i + 1), Sessions.DIRECTOR_BOTH, "Verkeerd" + i).statusCode())
                    .as("attempt %d on node %s", i + 1, node == a ? "A" : "B").isEqualTo(401);
        }
        for (Node node : List.of(a, b)) {
            var right = Sessions.attemptFrom(node.port(), "198.18.1.9", Sessions.DIRECTOR_BOTH, Sessions.PROFESSIONAL_PASSWORD);
            assertThat(right.statusCode()).as("the right password, after five failures on the two nodes together").isEqualTo(429);
            assertThat(right.body()).contains("TOO_MANY_ATTEMPTS");
            assertThat(right.headers().firstValue("Retry-After")).isPresent();
        }
        // a node that starts now (as after a restart) finds the same counters in the database
        try (Node restarted = Node.next(a.database(), THROTTLE)) {
            assertThat(Sessions.attemptFrom(restarted.port(), "198.18.1.10", Sessions.DIRECTOR_BOTH, Sessions.PROFESSIONAL_PASSWORD)
                    .statusCode()).isEqualTo(429);
        }
    }

    @Test
    @DisplayName("Issue 10 item 3 across nodes: one address guessing accounts on node 1 and node 2 is throttled on both")
    void oneAddressGuessingOnBothNodesIsThrottledOnBoth() {
        String ip = "198.18.2.1";
        for (int i = 0; i < 10; i++) {
            Node node = i % 2 == 0 ? a : b;
            assertThat(Sessions.attemptFrom(node.port(), ip, "niemand." + UUID.randomUUID() + "@example.org", "Raden123").statusCode())
                    .as("attempt %d", i + 1).isEqualTo(401);
        }
        for (Node node : List.of(a, b)) {
            assertThat(Sessions.attemptFrom(node.port(), ip, Sessions.ADMIN_KOMPAS, Sessions.PROFESSIONAL_PASSWORD).statusCode())
                    .as("a real user at that address waits too").isEqualTo(429);
        }
        assertThat(Sessions.attemptFrom(b.port(), "198.18.2.2", Sessions.ADMIN_KOMPAS, Sessions.PROFESSIONAL_PASSWORD).statusCode())
                .as("the same user elsewhere does not").isEqualTo(200);
    }
}
