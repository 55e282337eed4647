package nl.klaspoort.roster.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import nl.klaspoort.support.Sessions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import reactor.test.StepVerifier;

/**
 * X4: what the Basispoort screen shows while a sync reads, compares and applies, followed over graphql-ws with the
 * SPA's own subscription ({@code RosterProgress} in {@code frontend/graphql/basispoort.graphql}).
 */
class RosterProgressTest extends RosterTestBase {

    @Autowired
    RunProgress progress;

    private final List<WebSocketGraphQlTester> sockets = new ArrayList<>();

    @AfterEach
    void closeSockets() {
        sockets.forEach(socket -> socket.stop().block(Duration.ofSeconds(5)));
    }

    @Test
    @DisplayName("X4 an admin follows 'Nu synchroniseren' live: reading, comparing, then done with the run; applying in steps")
    void syncAndApplyProgress() throws Exception {
        institution(12);
        WebSocketGraphQlTester socket = socketOf(school.adminEmail());

        CompletableFuture<List<Map<String, Object>>> comparing = follow(socket);
        String runId = String.valueOf(syncNow().get("id"));
        List<Map<String, Object>> steps = comparing.get(60, TimeUnit.SECONDS);
        assertThat(phases(steps)).containsExactly("READING", "COMPARING", "DONE");
        assertThat(steps.getLast()).containsEntry("runId", runId);
        assertThat(steps).filteredOn(s -> !"DONE".equals(s.get("phase"))).allSatisfy(s -> assertThat(s.get("runId")).isNull());
        assertWithinTotal(steps);

        CompletableFuture<List<Map<String, Object>>> applying = follow(socket);
        apply(runId);
        steps = applying.get(60, TimeUnit.SECONDS);
        assertThat(phases(steps)).containsExactly("APPLYING", "DONE");
        assertThat(steps).allSatisfy(s -> assertThat(s).containsEntry("runId", runId));
        List<Integer> applied = steps.stream().filter(s -> "APPLYING".equals(s.get("phase")))
                .map(s -> ((Number) s.get("done")).intValue()).toList();
        assertThat(applied).as("applying counts up in steps").hasSizeGreaterThan(1).isSorted().startsWith(0);
        assertThat(steps.getLast().get("done")).isEqualTo(steps.getLast().get("total"));
        assertWithinTotal(steps);
    }

    @Test
    @DisplayName("X4 another school's admin and a supervisor of the school cannot follow its sync")
    void onlyTheSchoolsAdminFollows() {
        for (String login : List.of(Sessions.ADMIN_KOMPAS, fixture.email(school.supervisorA()))) {
            StepVerifier.create(socketOf(login).documentName("basispoort").operationName("RosterProgress")
                            .variable("schoolId", school.schoolId()).executeSubscription().toFlux("rosterProgress", Map.class))
                    .expectError()
                    .verify(Duration.ofSeconds(20));
        }
    }

    /** Every step from now until the next DONE or FAILED, once the server has subscribed. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private CompletableFuture<List<Map<String, Object>>> follow(WebSocketGraphQlTester socket) throws InterruptedException {
        int before = progress.subscribers();
        CompletableFuture<List<Map<String, Object>>> steps = socket.documentName("basispoort").operationName("RosterProgress")
                .variable("schoolId", school.schoolId()).executeSubscription().toFlux("rosterProgress", Map.class)
                .map(step -> (Map<String, Object>) step)
                .takeUntil(step -> List.of("DONE", "FAILED").contains(step.get("phase")))
                .collectList().toFuture();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (progress.subscribers() <= before) { // the server subscribed: nothing published from now on is missed
            assertThat(System.nanoTime()).as("the subscription reached the server").isLessThan(deadline);
            Thread.sleep(10);
        }
        return steps;
    }

    /** The phases in order, each once however many steps it took. */
    private static List<String> phases(List<Map<String, Object>> steps) {
        List<String> phases = new ArrayList<>();
        steps.forEach(step -> {
            String phase = (String) step.get("phase");
            if (phases.isEmpty() || !phases.getLast().equals(phase)) {
                phases.add(phase);
            }
        });
        return phases;
    }

    private static void assertWithinTotal(List<Map<String, Object>> steps) {
        assertThat(steps).allSatisfy(s -> {
            int done = ((Number) s.get("done")).intValue();
            int total = ((Number) s.get("total")).intValue();
            assertThat(done).isBetween(0, total);
        });
    }

    private WebSocketGraphQlTester socketOf(String login) {
        Sessions.Session session = Sessions.login(port, login, Sessions.PROFESSIONAL_PASSWORD);
        WebSocketGraphQlTester socket = Sessions.socket(port, session);
        sockets.add(socket);
        return socket;
    }
}
