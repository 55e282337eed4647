package nl.klaspoort.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import nl.klaspoort.contract.internal.ContractRenewals;
import nl.klaspoort.contract.internal.ContractStore;
import nl.klaspoort.support.Fixtures;
import nl.klaspoort.support.Fixtures.TestSchool;
import nl.klaspoort.support.KlaspoortTest;
import nl.klaspoort.support.Sessions;
import nl.klaspoort.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The nightly job of contracts with the clock moved (never waiting): renewals stored from the start date (a leap-day
 * start included), the licences of an ended contract stopped on its end date, every run idempotent (also twice in the
 * night the clocks go back), and once across nodes (a run that finds another node's lock skips). Effects are read back
 * through the audit log and the contracts' licences.
 */
@KlaspoortTest
class ContractRenewalsTest {

    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {};

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    TestClock clock;

    @Autowired
    ContractRenewals renewals;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    TestSchool school;
    HttpGraphQlTester admin;

    @BeforeEach
    void aSchool() {
        school = fixtures.school().withAdmin().create();
        admin = Sessions.tester(port, school.adminEmail());
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }


    @Test
    @DisplayName("A1: a contract started on 29 February 2024 renews on 28 February 2025, 2026, 2027 and on 29 February 2028, once each")
    void renewalsFromALeapDayStart() {
        long contract = fixtures.contract(school.id(), school.leeslab(), "SCHOOL_WIDE", 20, LocalDate.parse("2024-02-29"), null);
        clock.moveToAmsterdam("2025-02-27T23:59");
        renewals.run();
        assertThat(renewalEvents()).isEmpty();
        assertThat(storedRenewal(contract)).isEqualTo("2025-02-28");

        clock.moveToAmsterdam("2025-02-28T00:05");
        renewals.run();
        renewals.run();
        assertThat(renewalEvents()).as("renewed once, however often it runs").containsExactly("2025-02-28 → 2026-02-28");

        clock.moveToAmsterdam("2027-03-01T00:05"); // the application was down for two renewals: caught up in one step
        renewals.run();
        assertThat(renewalEvents()).containsExactly("2026-02-28 → 2028-02-29", "2025-02-28 → 2026-02-28");
        assertThat(storedRenewal(contract)).isEqualTo("2028-02-29");
        assertThat(contract(contract)).containsEntry("renewalDate", "2028-02-29");
    }

    @Test
    @DisplayName("A2: on the end date the job stops the contract's licences on that date; the licences read 'Beëindigd sinds' at midnight already")
    void endingsStopTheLicences() {
        long contract = fixtures.contract(school.id(), school.leeslab(), "SCHOOL_WIDE", 20, LocalDate.parse("2025-08-01"),
                LocalDate.parse("2026-08-01"));
        long pupil = fixtures.student(school.id(), "Sem", null, "Smit", 6, null);
        long other = fixtures.student(school.id(), "Tess", null, "Visser", 6, null);
        fixtures.licence(contract, pupil, LocalDate.parse("2025-08-01"), null);
        fixtures.licence(contract, other, LocalDate.parse("2025-08-01"), LocalDate.parse("2026-03-01"));

        clock.moveToAmsterdam("2026-07-31T23:00");
        renewals.run();
        assertThat(fixtures.licenceEnds(school.id(), pupil)).containsExactly("LEESLAB:-");
        clock.moveToAmsterdam("2026-08-01T00:00");
        assertThat(licenceStatuses(contract)).as("before the job ran").containsExactly("ENDED 2026-03-01", "ENDED 2026-08-01");

        clock.moveToAmsterdam("2026-08-01T00:05");
        renewals.run();
        renewals.run();
        assertThat(fixtures.licenceEnds(school.id(), pupil)).containsExactly("LEESLAB:2026-08-01");
        assertThat(fixtures.licenceEnds(school.id(), other)).as("an earlier end stays").containsExactly("LEESLAB:2026-03-01");
        assertThat(events("CONTRACT_LICENCES_STOPPED")).hasSize(1);
        assertThat(licenceStatuses(contract)).containsExactly("ENDED 2026-03-01", "ENDED 2026-08-01");
    }

    @Test
    @DisplayName("A1: in the night the clocks go back (25 October 2026) the job runs at 02:30 twice and renews once")
    void theAutumnNightRenewsOnce() {
        fixtures.contract(school.id(), school.leeslab(), "SCHOOL_WIDE", 20, LocalDate.parse("2025-10-25"), null);
        clock.moveTo(java.time.Instant.parse("2026-10-24T21:59:00Z")); // 23:59 CEST on the 24th
        renewals.run();
        assertThat(renewalEvents()).isEmpty();
        clock.moveTo(java.time.Instant.parse("2026-10-25T00:30:00Z")); // 02:30 CEST
        renewals.run();
        clock.moveTo(java.time.Instant.parse("2026-10-25T01:30:00Z")); // 02:30 CET, an hour later
        renewals.run();
        assertThat(renewalEvents()).containsExactly("2026-10-25 → 2027-10-25");
    }

    @Test
    @DisplayName("A1: in the spring night (29 March 2026) the job renews at midnight in Amsterdam, an hour before midnight UTC")
    void theSpringNightRenewsAtAmsterdamMidnight() {
        fixtures.contract(school.id(), school.leeslab(), "SCHOOL_WIDE", 20, LocalDate.parse("2025-03-29"), null);
        clock.moveTo(java.time.Instant.parse("2026-03-28T22:59:00Z")); // 23:59 CET on the 28th
        renewals.run();
        assertThat(renewalEvents()).isEmpty();
        clock.moveTo(java.time.Instant.parse("2026-03-28T23:05:00Z")); // 00:05 CET on the 29th, still the 28th in UTC
        renewals.run();
        assertThat(renewalEvents()).containsExactly("2026-03-29 → 2027-03-29");
    }

    @Test
    @DisplayName("A1: once across nodes: while another node holds the job's lock, a run skips and changes nothing")
    void anotherNodeHoldsTheLock() throws Exception {
        fixtures.contract(school.id(), school.leeslab(), "SCHOOL_WIDE", 20, LocalDate.parse("2025-06-01"), null);
        clock.moveToAmsterdam("2026-06-01T00:05");
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> otherNode = CompletableFuture.runAsync(() -> tx.executeWithoutResult(status -> {
            jdbc.sql("select pg_advisory_xact_lock(:key)").param("key", ContractStore.RENEWAL_LOCK).query(Object.class).single();
            locked.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(renewals.run().skipped()).isTrue();
        assertThat(renewalEvents()).isEmpty();
        release.countDown();
        otherNode.get(30, TimeUnit.SECONDS);

        ContractRenewals.Run run = renewals.run();
        assertThat(run.skipped()).isFalse();
        assertThat(renewalEvents()).containsExactly("2026-06-01 → 2027-06-01");
    }

    // ---- reading back

    /** The school's CONTRACT_RENEWED events, newest first, as "before → after". */
    private List<String> renewalEvents() {
        return events("CONTRACT_RENEWED").stream().map(e -> date(e.get("before")) + " → " + date(e.get("after"))).toList();
    }

    private List<Map<String, Object>> events(String action) {
        return admin.documentName("admin-audit-events").variable("schoolId", school.schoolId()).variable("first", 20)
                .variable("filter", Map.of("action", action)).execute()
                .path("school.auditEvents.edges[*].node").entityList(OBJECT).get();
    }

    private static String date(Object json) {
        return json.toString().replaceAll(".*\"renewalDate\": \"([0-9-]+)\".*", "$1");
    }

    private String storedRenewal(long contract) {
        return jdbc.sql("select renewal_date::text from contract where id = :id").param("id", contract).query(String.class).single();
    }

    private Map<String, Object> contract(long id) {
        return admin.documentName("contracts").operationName("ContractLicences").variable("schoolId", school.schoolId())
                .variable("contractId", Long.toString(id)).execute().path("school.contract").entity(OBJECT).get();
    }

    private List<String> licenceStatuses(long contract) {
        return admin.documentName("contracts").operationName("ContractLicences").variable("schoolId", school.schoolId())
                .variable("contractId", Long.toString(contract)).execute()
                .path("school.contract.licences.edges[*].node").entityList(OBJECT).get().stream()
                .map(l -> l.get("status") + " " + l.get("endDate")).sorted().toList();
    }
}
