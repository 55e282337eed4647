package nl.klaspoort.hostedlicence;

import static nl.klaspoort.support.GraphQl.errorCodes;
import static nl.klaspoort.support.GraphQl.ids;
import static nl.klaspoort.support.GraphQl.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import klaspoort.peers.basispoort.BasispoortWorld;
import klaspoort.peers.basispoort.BasispoortWorld.LikaPush;
import nl.klaspoort.basispoort.BasispoortLinks;
import nl.klaspoort.support.FreshSchoolTest;
import nl.klaspoort.support.TestBasispoort;
import nl.klaspoort.support.Sessions;
import nl.klaspoort.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Hosted licences against the Basispoort simulator: a linked pupil enrolled in a product of a running contract has its
 * tile in Basispoort; unenrolling (B18), archiving and the contract's end take it away; pushes are one bulk request per
 * school, operation and product; a failing Basispoort is retried with a doubling wait and shown on the Basispoort
 * screen, and nothing is sent twice.
 */
class HostedLicencesTest extends FreshSchoolTest {

    private static final String LEESLAB = "product/LEESLAB";

    @Autowired
    HostedLicences licences;
    @Autowired
    BasispoortLinks links;
    @Autowired
    TestClock clock;

    final BasispoortWorld world = TestBasispoort.world();
    List<Long> pupils;

    @BeforeEach
    void linkedPupils() {
        licences.pushNow(); // whatever other tests left owed to Basispoort goes out first
        // a school of its own without the base's running contracts: each test says which contracts run
        school = fixture.school().withAdmin().withSupervisors(2).create();
        admin = Sessions.tester(port, school.adminEmail());
        pupils = fixture.students(school, 3, 5, false);
        links.put(school.id(), pupils.stream().map(p -> new BasispoortLinks.Link(school.id(), p, BasispoortLinks.Kind.STUDENT,
                basispoortId(p), null, null, Map.of(), Instant.now(), null)).toList());
    }

    @AfterEach
    void clockBack() {
        clock.reset();
    }

    /** A Basispoort id of this test's own (Klaspoort ids are unique, so are these). */
    private static long basispoortId(long userId) {
        return 8_000_000_000L + userId;
    }

    private Set<Long> basispoortIds(List<Long> users) {
        return Set.copyOf(users.stream().map(HostedLicencesTest::basispoortId).toList());
    }

    /** The pushes the simulator received about this test's pupils. */
    private List<LikaPush> pushes() {
        Set<Long> mine = basispoortIds(pupils);
        return world.likaPushes().stream().filter(p -> p.gebruikers().stream().anyMatch(mine::contains)).toList();
    }

    private GraphQlTester.Response status() {
        return admin.documentName("hosted-licences").variable("schoolId", school.schoolId()).execute();
    }

    @Test
    @DisplayName("Hosted licences: enrolling gives linked pupils their tile in one push per school; B18 unenrolling, archiving and the contract's end take it away")
    void tilesFollowEnrolments() {
        fixture.contract(school.id(), school.leeslab(), LocalDate.now(clock).minusMonths(1), LocalDate.now(clock).plusDays(3));
        fixture.assign(school.id(), school.supervisorA(), school.leeslab(), school.spelling());
        for (long pupil : pupils) {
            fixture.enroll(school.id(), pupil, school.leeslab(), school.supervisorA());
        }
        fixture.enroll(school.id(), pupils.get(0), school.spelling(), school.supervisorA());
        long unlinked = fixture.students(school, 1, 5, false).getFirst();
        fixture.enroll(school.id(), unlinked, school.leeslab(), school.supervisorA());

        HostedLicences.Round round = licences.pushNow();
        assertThat(round.sent()).isEqualTo(1); // no contract for Spellingster: no tile; the unlinked pupil: none
        assertThat(world.likaUsers(LEESLAB)).containsAll(basispoortIds(pupils));
        assertThat(pushes()).singleElement().satisfies(p -> {
            assertThat(p.operation()).isEqualTo("GRANT");
            assertThat(p.targets()).containsExactly(LEESLAB);
            assertThat(p.gebruikers()).containsExactlyInAnyOrderElementsOf(basispoortIds(pupils));
        });
        status().path("school.basispoortLicences.granted").entity(Integer.class).isEqualTo(3)
                .path("school.basispoortLicences.waitingPushes").entity(Integer.class).isEqualTo(0);
        assertThat(licences.pushNow().queued()).as("nothing changed, nothing queued").isZero();

        // B18: Leeslab off for the first pupil (Spellingster stays), the second archived
        assertThat(errorCodes(run(admin, "admin-student-products-set", Map.of("schoolId", school.schoolId(),
                "studentId", pupils.get(0).toString(), "links", List.of(Map.of("productId", Long.toString(school.spelling()),
                        "supervisorIds", ids(school.supervisorA()))))), "studentProductsSet")).isEmpty();
        assertThat(errorCodes(run(admin, "admin-users-archive", Map.of("schoolId", school.schoolId(),
                "userIds", ids(pupils.get(1)))), "usersArchive")).isEmpty();
        licences.pushNow();
        assertThat(world.likaUsers(LEESLAB)).doesNotContain(basispoortId(pupils.get(0)), basispoortId(pupils.get(1)))
                .contains(basispoortId(pupils.get(2)));
        assertThat(pushes()).hasSize(2).last().satisfies(p -> {
            assertThat(p.operation()).isEqualTo("REVOKE");
            assertThat(p.gebruikers()).containsExactlyInAnyOrder(basispoortId(pupils.get(0)), basispoortId(pupils.get(1)));
        });

        // the contract ends: the last tile goes
        clock.advance(Duration.ofDays(5));
        licences.pushNow();
        assertThat(world.likaUsers(LEESLAB)).doesNotContainAnyElementsOf(basispoortIds(pupils));
        assertThat(pushes()).hasSize(3).last().satisfies(p -> assertThat(p.gebruikers()).containsExactly(basispoortId(pupils.get(2))));
        clock.reset(); // the admin's session would have ended five days later
        status().path("school.basispoortLicences.granted").entity(Integer.class).isEqualTo(0);
    }

    @Test
    @DisplayName("Hosted licences: a failing Basispoort is shown on the Basispoort screen and retried with a doubling wait; the grant arrives once")
    void failuresAreRetriedWithBackOff() {
        fixture.contract(school.id(), school.leeslab());
        for (long pupil : pupils) {
            fixture.enroll(school.id(), pupil, school.leeslab());
        }
        world.failNext(2, 503, "/hosted-lika/management/lika/klaspoort/permissions");

        Instant before = clock.instant();
        assertThat(licences.pushNow().failed()).isEqualTo(1);
        Instant after = clock.instant();
        status().path("school.basispoortLicences.failingPushes").entity(Integer.class).isEqualTo(1)
                .path("school.basispoortLicences.waitingUsers").entity(Integer.class).isEqualTo(3)
                .path("school.basispoortLicences.lastError").entity(String.class).isEqualTo("UNAVAILABLE")
                .path("school.basispoortLicences.nextAttemptAt").entity(String.class)
                .satisfies(at -> assertThat(Instant.parse(at)).isBetween(before.plusSeconds(30).minusMillis(1), after.plusSeconds(30)));
        assertThat(licences.pushNow().sent()).as("not due yet").isZero();

        clock.advance(Duration.ofSeconds(31));
        Instant secondBefore = clock.instant();
        assertThat(licences.pushNow().failed()).isEqualTo(1);
        Instant secondAfter = clock.instant();
        status().path("school.basispoortLicences.nextAttemptAt").entity(String.class)
                .satisfies(at -> assertThat(Instant.parse(at)).as("the wait doubled")
                        .isBetween(secondBefore.plusSeconds(60).minusMillis(1), secondAfter.plusSeconds(60)));

        clock.advance(Duration.ofSeconds(61));
        HostedLicences.Round round = licences.pushNow();
        assertThat(round.sent()).isEqualTo(1);
        assertThat(world.likaUsers(LEESLAB)).containsAll(basispoortIds(pupils));
        assertThat(pushes()).as("the refused attempts changed nothing; the grant arrived once").hasSize(1);
        status().path("school.basispoortLicences.failingPushes").entity(Integer.class).isEqualTo(0)
                .path("school.basispoortLicences.lastError").valueIsNull();
    }

    @Test
    @DisplayName("Hosted licences: only an ADMIN of the school sees them")
    void onlyAdmins() {
        nl.klaspoort.support.Sessions.tester(port, fixture.email(school.supervisorA()))
                .documentName("hosted-licences").variable("schoolId", school.schoolId()).execute()
                .path("school.basispoortLicences").valueIsNull();
    }
}
