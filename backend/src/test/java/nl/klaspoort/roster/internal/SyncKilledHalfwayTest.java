package nl.klaspoort.roster.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import klaspoort.peers.basispoort.BasispoortWorld;
import klaspoort.peers.basispoort.WorldGenerator;
import nl.klaspoort.support.ChildApplication;
import nl.klaspoort.support.Fixtures.TestSchool;
import nl.klaspoort.support.FreshSchoolTest;
import nl.klaspoort.support.TestBasispoort;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * BP3 idempotent and resumable: a nightly round in another JVM (this application, {@code --basispoort-sync}) is killed
 * with SIGKILL while schools are being applied — some done, some in the middle of their transaction, some not started
 * — and run again: every school ends exactly as Basispoort has it, nobody twice, the schools done before the kill are
 * not applied again.
 */
class SyncKilledHalfwayTest extends FreshSchoolTest {

    private static final int SCHOOLS = 10;
    private static final int PUPILS = 80;

    @Autowired
    DataSource dataSource;
    @Autowired
    nl.klaspoort.productclient.internal.TokenSettings tokens; // as bound: the property holds a ${random.uuid}
    @Autowired
    NightlySync nightly;
    @Autowired
    nl.klaspoort.basispoort.BasispoortConnections connections;

    @Test
    @DisplayName("BP3 a sync killed halfway (kill -9) and run again ends in the same state, without duplicates")
    void killedAndRunAgain() throws Exception {
        BasispoortWorld world = TestBasispoort.world();
        List<long[]> schools = new ArrayList<>(); // {school id, institution id}
        for (int i = 0; i < SCHOOLS; i++) {
            TestSchool s = i == 0 ? school : fixture.school().create();
            String brin = jdbc.sql("select brin from school where id = :id").param("id", s.id()).query(String.class).single();
            long institution = TestBasispoort.nextSchoolId();
            world.addSchool(institution, new BasispoortWorld.SchoolInfo("Basisschool " + brin, null, null, null, null,
                    "Utrecht", brin, "00", null, null), true);
            WorldGenerator.populate(world, institution, PUPILS, brin.toLowerCase() + ".kill.klaspoort.nl", institution);
            connections.activateKnown(s.id(), institution);
            schools.add(new long[] {s.id(), institution});
        }
        Instant started = Instant.now();

        ChildApplication application = startRoundInAnotherJvm();
        Process child = application.process();
        try (Connection blocker = dataSource.getConnection()) {
            // let a few schools be applied, then hold every further apply in the middle of its transaction
            await(() -> applied(schools) >= 2, child);
            blocker.setAutoCommit(false);
            try (Statement lock = blocker.createStatement()) {
                lock.execute("lock table school_group_member in exclusive mode");
            }
            await(() -> waitingOnTheLock() >= 1, child);
            int appliedBeforeKill = applied(schools);
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback by the application
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            application.awaitConnectionsGone(); // its transactions in flight and its round lock with them
            blocker.rollback();

            assertThat(appliedBeforeKill).as("killed halfway").isBetween(2, SCHOOLS - 1);
            assertThat(rounds(started)).containsExactly("RUNNING");
            assertThat(applied(schools)).as("the transactions in flight left nothing").isEqualTo(appliedBeforeKill);
        }

        NightlySync.Round resumed = nightly.resume().orElseThrow();
        assertThat(rounds(started)).containsExactly("INTERRUPTED", "FINISHED");
        Map<Long, Run.Status> statuses = new java.util.HashMap<>();
        resumed.runs().forEach(r -> statuses.put(r.schoolId(), r.status()));
        for (long[] s : schools) {
            assertThat(statuses.get(s[0])).isIn(Run.Status.APPLIED, Run.Status.UNCHANGED);
            assertSameAsBasispoort(s[0], s[1]);
        }
        assertThat(jdbc.sql("select count(*) from roster_run where school_id = any(:s) and status = 'APPLIED'")
                .param("s", schools.stream().map(s -> s[0]).toArray(Long[]::new)).query(Integer.class).single())
                .as("every school applied exactly once").isEqualTo(SCHOOLS);
        NightlySync.Round again = nightly.round().orElseThrow();
        assertThat(again.runs()).filteredOn(r -> schools.stream().anyMatch(s -> s[0] == r.schoolId()))
                .extracting(Run::status).containsOnly(Run.Status.UNCHANGED);
    }

    /** The school's pupils are Basispoort's, each once, linked to their Basispoort id. */
    private void assertSameAsBasispoort(long schoolId, long institution) {
        List<String> local = jdbc.sql("""
                        select l.basispoort_id || ':' || u.first_name || ':' || coalesce(u.name_prefix, '') || ':' || u.last_name
                               || ':' || coalesce(u.grade_year::text, u.grade_code)
                          from app_user u join basispoort_link l on l.user_id = u.id and l.school_id = :s
                         where u.kind = 'STUDENT' and u.school_id = :s order by 1
                        """).param("s", schoolId).query(String.class).list();
        List<String> source = TestBasispoort.world().pupils(institution).stream()
                .map(p -> p.id() + ":" + p.persoonsgegevens().voornaam() + ":"
                        + (p.persoonsgegevens().voorvoegsel() == null ? "" : p.persoonsgegevens().voorvoegsel()) + ":"
                        + p.persoonsgegevens().achternaam() + ":" + p.jaargroep())
                .sorted().toList();
        assertThat(local).isEqualTo(source);
        assertThat(jdbc.sql("select count(*) from app_user where school_id = :s and kind = 'STUDENT'").param("s", schoolId)
                .query(Integer.class).single()).as("no copies").isEqualTo(PUPILS);
        assertThat(jdbc.sql("select count(*) from school_group where school_id = :s").param("s", schoolId)
                .query(Integer.class).single()).isEqualTo(9);
    }

    private int applied(List<long[]> schools) {
        return jdbc.sql("select count(distinct school_id) from roster_run where school_id = any(:s) and status = 'APPLIED'")
                .param("s", schools.stream().map(s -> s[0]).toArray(Long[]::new)).query(Integer.class).single();
    }

    private int waitingOnTheLock() {
        return jdbc.sql("""
                        select count(*) from pg_locks l join pg_class c on c.oid = l.relation
                         where c.relname = 'school_group_member' and not l.granted
                        """).query(Integer.class).single();
    }

    /** The statuses of the rounds started since the test began, oldest first. */
    private List<String> rounds(Instant since) {
        return jdbc.sql("select status from roster_round where started_at >= :since order by started_at")
                .param("since", java.sql.Timestamp.from(since)).query(String.class).list();
    }

    /** This application in a JVM of its own, against this test's database and simulator, running one round. */
    private ChildApplication startRoundInAnotherJvm() throws Exception {
        return ChildApplication.start(dataSource, tokens, "klaspoort-killed-round", "--basispoort-sync",
                "--klaspoort.roster.parallelism=2");
    }

    /** Waits for a condition the other JVM brings about, checking it every 50 ms; fails when the JVM dies or after 3 minutes. */
    private static void await(BooleanSupplier condition, Process child) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (!condition.getAsBoolean()) {
            assertThat(child.isAlive()).as("the round's JVM is still running").isTrue();
            assertThat(Instant.now()).as("waited too long").isBefore(deadline);
            Thread.sleep(50);
        }
    }
}
