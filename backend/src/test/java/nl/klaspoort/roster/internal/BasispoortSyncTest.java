package nl.klaspoort.roster.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import klaspoort.peers.basispoort.Api;
import nl.klaspoort.support.SqlStatementCounter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * BP3 and X2 through the API the screen uses: 'Nu synchroniseren' reads the school from the simulator, shows what it
 * would do with reasons, writes nothing until applied, then applies it in one go; unlinked newcomers are in the archive
 * (B9). The nightly round skips an unchanged school after one request, retries what may work later, and archives
 * nothing when a school withdrew its consent.
 */
class BasispoortSyncTest extends RosterTestBase {

    @Test
    @DisplayName("BP3 X2 a preview of pupils, teachers and groups with reasons; nothing written until applied; newcomers in the archive")
    void previewThenApply() {
        long institution = institution(40);
        String before = fixture.state(school.id());

        Map<String, Object> preview = syncNow();
        assertThat(preview.get("status")).isEqualTo("PREVIEW");
        assertThat(count(preview, "studentsCreated")).isEqualTo(40);
        assertThat(count(preview, "teachersCreated")).isEqualTo(10);
        assertThat(count(preview, "groupsCreated")).isEqualTo(9);
        assertThat(fixture.state(school.id())).as("a preview writes nothing").isEqualTo(before);

        Map<String, Object> review = run(preview.get("id"), null);
        Api.Leerling first = pupil(institution, 0);
        Map<String, Object> created = change(review, name(first));
        assertThat(created).containsEntry("subject", "STUDENT").containsEntry("action", "CREATE")
                .containsEntry("reason", "Nieuw in Basispoort").containsEntry("decision", "ACCEPTED");
        assertThat(field(created, "JAARGROEP")).containsEntry("before", null).containsEntry("after", "1")
                .containsEntry("label", "Jaargroep");
        assertThat(field(created, "GROUP")).containsEntry("after", "Groep 1");
        assertThat(change(review, "Plusklas")).containsEntry("subject", "GROUP").containsEntry("action", "CREATE");

        SqlStatementCounter.reset();
        Map<String, Object> applied = apply(preview.get("id"));
        int statements = SqlStatementCounter.count();
        assertThat(applied.get("status")).isEqualTo("APPLIED");
        assertThat(applied).extractingByKey("approvedBy").isNotNull();
        assertThat(inArchive("STUDENT")).as("unlinked pupils are in the archive (B9)").isEqualTo(40);
        assertThat(inArchive("PROFESSIONAL")).as("teachers without a role too").isEqualTo(10);
        assertThat(userOf(first.id())).isPositive();
        assertNoDuplicates();

        // the same again: constant in the number of pupils, and nothing left to do
        assertThat(statements).as("applying 59 changes").isLessThan(60);
        assertThat(syncNow().get("status")).isEqualTo("UNCHANGED");

        // Basispoort changes: a new first name, another group, one pupil gone, one new
        world().changePupil(institution, renamed(first, "Emmy"));
        Api.Leerling moving = pupil(institution, 10);
        world().changePupil(institution, new Api.Leerling(moving.id(), moving.eckid(), moving.lasKey(),
                moving.persoonsgegevens(), "4", "G4", List.of()));
        Api.Leerling leaving = pupil(institution, 20);
        world().removePupil(institution, leaving.id());
        Api.Leerling newcomer = world().addPupil(institution, new Api.Leerling(0, null, "L-new-" + institution,
                new Api.Persoonsgegevens("Aydın", "Elif", null, "E."), "S", "G8", List.of()));

        Map<String, Object> next = run(syncNow().get("id"), null);
        assertThat(count(next, "studentsChanged")).isEqualTo(2);
        assertThat(count(next, "studentsArchived")).isEqualTo(1);
        assertThat(count(next, "studentsCreated")).isEqualTo(1);
        Map<String, Object> rename = change(next, name(first));
        assertThat(field(rename, "FIRST_NAME")).containsEntry("before", first.persoonsgegevens().voornaam())
                .containsEntry("after", "Emmy").containsEntry("localEdit", false);
        Map<String, Object> moved = change(next, name(moving));
        assertThat(field(moved, "GROUP")).containsEntry("before", "Groep 3").containsEntry("after", "Groep 4");
        assertThat(field(moved, "JAARGROEP")).containsEntry("before", "3").containsEntry("after", "4");
        assertThat(change(next, name(leaving))).containsEntry("action", "ARCHIVE")
                .containsEntry("reason", "Niet meer in Basispoort");
        assertThat(field(change(next, "Elif Aydın"), "JAARGROEP")).containsEntry("after", "S");

        apply(next.get("id"));
        assertThat(jdbc.sql("select first_name from app_user where id = :id").param("id", userOf(first.id()))
                .query(String.class).single()).isEqualTo("Emmy");
        assertThat(fixture.archived(school.id(), userOf(leaving.id()))).isTrue();
        assertThat(jdbc.sql("select grade_year is null and grade_code = 'S' from app_user where id = :id")
                .param("id", userOf(newcomer.id())).query(Boolean.class).single()).as("jaargroep S kept").isTrue();
        assertThat(syncNow().get("status")).isEqualTo("UNCHANGED");
    }

    @Test
    @DisplayName("BP3 nightly: an unchanged school costs one request, a failing call is retried, withdrawn consent archives nothing")
    void nightlyRound() {
        long institution = institution(12);
        Map<Long, Run> first = runs(nightly.round().orElseThrow());
        assertThat(first.get(school.id()).status()).isEqualTo(Run.Status.APPLIED);
        assertThat(first.get(school.id()).approvedBy()).as("applied by the sync itself").isNull();
        assertThat(inArchive("STUDENT")).isEqualTo(12);

        long requestsBefore = requestsFor(institution);
        Map<Long, Run> second = runs(nightly.round().orElseThrow());
        assertThat(second.get(school.id()).status()).isEqualTo(Run.Status.UNCHANGED);
        assertThat(requestsFor(institution) - requestsBefore).as("one request for an unchanged school").isEqualTo(1);

        world().removePupil(institution, pupil(institution, 0).id());
        world().failNext(1, 503, "/rest/v2/instellingen/" + institution + "/details");
        assertThat(runs(nightly.round().orElseThrow()).get(school.id()).status()).as("retried after a 503")
                .isEqualTo(Run.Status.APPLIED);

        world().revokeConsent(institution, LocalDate.now(nl.klaspoort.platform.Amsterdam.ZONE));
        world().removePupil(institution, pupil(institution, 0).id());
        requestsBefore = requestsFor(institution);
        Run refused = runs(nightly.round().orElseThrow()).get(school.id());
        assertThat(refused.status()).isEqualTo(Run.Status.FAILED);
        assertThat(refused.failure()).isEqualTo(Run.Failure.NO_CONSENT);
        assertThat(requestsFor(institution) - requestsBefore).as("no consent is not retried").isEqualTo(1);
        assertThat(inArchive("STUDENT")).as("nothing archived: 12 imported, one archived before").isEqualTo(12);
        world().grantConsent(institution, LocalDate.now(nl.klaspoort.platform.Amsterdam.ZONE));
    }

    private static Map<Long, Run> runs(NightlySync.Round round) {
        Map<Long, Run> bySchool = new java.util.HashMap<>();
        round.runs().forEach(run -> bySchool.put(run.schoolId(), run));
        return bySchool;
    }

    private static long requestsFor(long institution) {
        return world().requestsFor(institution);
    }
}
