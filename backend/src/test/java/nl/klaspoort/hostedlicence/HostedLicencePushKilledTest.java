package nl.klaspoort.hostedlicence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import klaspoort.peers.basispoort.BasispoortWorld;
import nl.klaspoort.basispoort.BasispoortLinks;
import javax.sql.DataSource;
import nl.klaspoort.productclient.internal.TokenSettings;
import nl.klaspoort.support.ChildApplication;
import nl.klaspoort.support.Fixtures.TestSchool;
import nl.klaspoort.support.FreshSchoolTest;
import nl.klaspoort.support.TestBasispoort;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The outbox of hosted licences survives a crash: this application in a JVM of its own pushes the grants of several
 * schools and is killed with SIGKILL while one push is in flight — Basispoort has applied it, the application never
 * heard back — with some pushes done and some not started. Started again (here: a round in this JVM, as after a
 * restart), every tile ends as it should be, nothing queued is lost, and no grant reaches Basispoort twice: the push
 * whose outcome was unknown is checked against Basispoort's user list and found done.
 */
class HostedLicencePushKilledTest extends FreshSchoolTest {

    private static final int SCHOOLS = 4;
    private static final int PUPILS = 15;
    private static final String APPLICATION_NAME = "klaspoort-killed-push";

    @Autowired
    HostedLicences licences;
    @Autowired
    BasispoortLinks links;
    @Autowired
    DataSource dataSource;
    @Autowired
    TokenSettings tokens; // as bound: the property holds a ${random.uuid}

    @Test
    @DisplayName("Hosted licences: the application killed mid-push (kill -9) and started again loses nothing and sends nothing twice")
    void killedMidPushAndRestarted() throws Exception {
        licences.pushNow(); // what other tests left owed goes out first
        BasispoortWorld world = TestBasispoort.world();
        Map<Long, List<Long>> basispoortIdsBySchool = new HashMap<>();
        for (int i = 0; i < SCHOOLS; i++) {
            TestSchool s = i == 0 ? school : fixture.school().create();
            fixture.contract(s.id(), s.leeslab());
            fixture.contract(s.id(), s.rekenen());
            List<Long> pupils = fixture.students(s, PUPILS, 6, false);
            List<BasispoortLinks.Link> linked = new ArrayList<>();
            for (long pupil : pupils) {
                fixture.enroll(s.id(), pupil, s.leeslab());
                fixture.enroll(s.id(), pupil, s.rekenen());
                linked.add(new BasispoortLinks.Link(s.id(), pupil, BasispoortLinks.Kind.STUDENT, 9_000_000_000L + pupil,
                        null, null, Map.of(), Instant.now(), null));
            }
            links.put(s.id(), linked);
            basispoortIdsBySchool.put(s.id(), linked.stream().map(BasispoortLinks.Link::basispoortId).toList());
        }
        started = Instant.now();
        int pushesBefore = world.likaPushes().size();
        // two pushes get through, the third is applied by Basispoort and then held while the application is killed
        BasispoortWorld.Hold hold = world.holdAfterApplying("/hosted-lika/management/lika/klaspoort/permissions", 2);

        // this application in a JVM of its own, pushing every second
        ChildApplication application = ChildApplication.start(dataSource, tokens, APPLICATION_NAME,
                "--klaspoort.hosted-licences.push-every=1s");
        Process child = application.process();
        try {
            assertThat(hold.reached(180)).as("a push in flight (log: %s)", application.log()).isTrue();
            child.destroyForcibly(); // SIGKILL: no shutdown hook, nothing recorded after the request
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            hold.release();
            child.destroyForcibly();
        }
        application.awaitConnectionsGone(); // the database sees the dead process's connections go

        int queued = queuedSince(started);
        assertThat(queued).as("one push per school and product").isEqualTo(SCHOOLS * 2);
        assertThat(world.likaPushes().size() - pushesBefore).as("three pushes reached Basispoort").isEqualTo(3);
        assertThat(count("sent_at is not null")).as("two recorded as sent").isEqualTo(2);
        assertThat(count("sent_at is null and attempts = 1")).as("the one in flight: attempted, outcome unknown").isEqualTo(1);

        HostedLicences.Round restart = licences.pushNow();
        assertThat(restart.queued()).as("nothing queued twice").isZero();
        assertThat(restart.alreadyDone()).as("the push in flight found done in Basispoort").isEqualTo(1);
        assertThat(restart.sent()).isEqualTo(queued - 3);
        assertThat(count("sent_at is null")).isZero();

        List<BasispoortWorld.LikaPush> pushes = world.likaPushes().subList(pushesBefore, world.likaPushes().size());
        assertThat(pushes).as("each school's product in one push, none twice").hasSize(queued);
        for (List<Long> ids : basispoortIdsBySchool.values()) {
            assertThat(world.likaUsers("product/LEESLAB")).containsAll(ids);
            assertThat(world.likaUsers("product/REKENROUTE")).containsAll(ids);
            for (long id : ids) {
                assertThat(pushes.stream().filter(p -> p.gebruikers().contains(id)).map(p -> p.targets().getFirst()))
                        .as("granted once per product").containsExactlyInAnyOrder("product/LEESLAB", "product/REKENROUTE");
            }
        }
        assertThat(licences.pushNow().queued()).as("Basispoort is up to date").isZero();
    }

    private int queuedSince(Instant since) {
        return jdbc.sql("select count(*) from hosted_licence_push where created_at >= :since")
                .param("since", Timestamp.from(since)).query(Integer.class).single();
    }

    /** Pushes queued since the test's schools were set up that meet the condition (fixed SQL text). */
    private int count(String condition) {
        return jdbc.sql("select count(*) from hosted_licence_push where created_at >= :since and " + condition)
                .param("since", Timestamp.from(started)).query(Integer.class).single();
    }

    private Instant started;
}
