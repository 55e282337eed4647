package nl.klaspoort.roster.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import klaspoort.peers.basispoort.Api.Leerling;
import klaspoort.peers.basispoort.Api.Persoonsgegevens;
import klaspoort.peers.basispoort.BasispoortWorld;
import klaspoort.peers.basispoort.WorldGenerator;
import nl.klaspoort.basispoort.BasispoortConnections;
import nl.klaspoort.support.ApplicationTest;
import nl.klaspoort.support.Fixtures.TestSchool;
import nl.klaspoort.support.TestBasispoort;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * BP3 at scale: the nightly round over 400 activated schools of 250 pupils each (100,000 pupils, with groups and
 * staff) from the simulator over mutual TLS, through the whole pipeline (fetch, diff, preview, apply in one
 * transaction per school, audit, RosterApplied). First the full sync of empty schools (target ≤ 30 s), then a 1 %
 * change (1,000 pupils renamed, spread over every school: the worst case for change detection, every school changed;
 * target ≤ 3 s), then a round with nothing changed (one request per school). Prints the three durations.
 * {@code ./mvnw -pl schema,edexml,peers,backend test -DskipFrontend -Dgroups=bench -Dtest=NightlySyncBenchmarkTest}
 */
@Tag("bench")
class NightlySyncBenchmarkTest extends ApplicationTest {

    private static final int SCHOOLS = 400;
    private static final int PUPILS = 250;

    @Autowired
    NightlySync nightly;
    @Autowired
    BasispoortConnections connections;

    @Test
    void fullSyncThenOnePercentChange() {
        BasispoortWorld world = TestBasispoort.world();
        List<long[]> schools = new ArrayList<>(); // {school id, institution id}
        for (int i = 0; i < SCHOOLS; i++) {
            TestSchool s = fixture.school().create();
            String brin = jdbc.sql("select brin from school where id = :id").param("id", s.id()).query(String.class).single();
            long institution = TestBasispoort.nextSchoolId();
            world.addSchool(institution, new BasispoortWorld.SchoolInfo("Basisschool " + brin, null, null, null, null,
                    "Utrecht", brin, "00", null, null), true);
            WorldGenerator.populate(world, institution, PUPILS, brin.toLowerCase() + ".bench.klaspoort.nl", institution);
            connections.activateKnown(s.id(), institution);
            schools.add(new long[] {s.id(), institution});
        }

        long started = System.nanoTime();
        NightlySync.Round full = nightly.round().orElseThrow();
        long fullMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(full.runs()).filteredOn(r -> isOurs(schools, r.schoolId())).extracting(Run::status)
                .containsOnly(Run.Status.APPLIED);
        assertThat(students(schools)).isEqualTo(SCHOOLS * PUPILS);

        int changed = 1_000; // 1 % of the pupils: 2 or 3 in every school
        for (int i = 0; i < changed; i++) {
            long institution = schools.get(i % SCHOOLS)[1];
            Leerling p = world.pupils(institution).get(i / SCHOOLS);
            Persoonsgegevens g = p.persoonsgegevens();
            world.changePupil(institution, new Leerling(p.id(), p.eckid(), p.lasKey(), new Persoonsgegevens(
                    g.achternaam() + "-Bench" + i, g.voornaam(), g.voorvoegsel(), g.voorletters()),
                    p.jaargroep(), p.groep(), p.subgroepen()));
        }
        // the 1 % change is the next night's: by then autovacuum has analysed the 100,000 new rows. Right after the full
        // sync the planner still thinks app_user small and scans it whole for every school (21 ms instead of 2 ms for
        // the members' statement, measured with EXPLAIN ANALYZE), which made this round 30 % slower
        jdbc.sql("analyze").update();
        started = System.nanoTime();
        NightlySync.Round onePercent = nightly.round().orElseThrow();
        long changeMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(onePercent.runs()).filteredOn(r -> isOurs(schools, r.schoolId())).extracting(Run::status)
                .containsOnly(Run.Status.APPLIED);
        assertThat(jdbc.sql("select count(*) from app_user where school_id = any(:s) and last_name like '%-Bench%'")
                .param("s", ids(schools)).query(Integer.class).single()).isEqualTo(changed);

        started = System.nanoTime();
        NightlySync.Round unchanged = nightly.round().orElseThrow();
        long unchangedMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(unchanged.runs()).filteredOn(r -> isOurs(schools, r.schoolId())).extracting(Run::status)
                .containsOnly(Run.Status.UNCHANGED);

        System.out.printf("Nightly sync, %d schools, %,d pupils: full %,d ms; %,d pupils changed (1 %%) %,d ms; unchanged %,d ms%n",
                SCHOOLS, SCHOOLS * PUPILS, fullMillis, changed, changeMillis, unchangedMillis);
        // the targets (≤ 30 s, ≤ 3 s) are for an idle machine; docs/benchmarks.md keeps the figures. These guards
        // catch a regression by an order of magnitude even on the loaded shared machine
        assertThat(fullMillis).as("full sync of 100,000 pupils (ms)").isLessThanOrEqualTo(300_000);
        assertThat(changeMillis).as("a 1 %% change (ms)").isLessThanOrEqualTo(60_000);
        assertThat(unchangedMillis).as("a round with nothing changed (ms)").isLessThanOrEqualTo(10_000);
    }

    private static boolean isOurs(List<long[]> schools, long schoolId) {
        return schools.stream().anyMatch(s -> s[0] == schoolId);
    }

    private static Long[] ids(List<long[]> schools) {
        return schools.stream().map(s -> s[0]).toArray(Long[]::new);
    }

    private int students(List<long[]> schools) {
        return jdbc.sql("select count(*) from app_user where school_id = any(:s) and kind = 'STUDENT'")
                .param("s", ids(schools)).query(Integer.class).single();
    }
}
