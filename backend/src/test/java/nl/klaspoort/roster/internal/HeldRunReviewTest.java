package nl.klaspoort.roster.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import klaspoort.peers.basispoort.Api;
import nl.klaspoort.support.GraphQl;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * X11: a nightly run that would archive too many pupils waits for an admin, who goes through it change by change; an
 * admin's local edit stands unless the admin lets the source override it, and is not asked about again.
 */
class HeldRunReviewTest extends RosterTestBase {

    @Test
    @DisplayName("X11 a held run reviewed per change: two archives turned down, a local edit kept, the rest applied")
    void heldRunReviewed() {
        long institution = institution(30);
        apply(syncNow().get("id"));

        Api.Leerling anna = pupil(institution, 0);
        Api.Leerling bas = pupil(institution, 1);
        editLocally(userOf(anna.id()), "Anna", anna.persoonsgegevens().achternaam());
        editLocally(userOf(bas.id()), bas.persoonsgegevens().voornaam(), "Lokaal");
        world().changePupil(institution, renamed(anna, "Annabel"));   // the source changes the edited field too
        world().changePupil(institution, renamed(bas, "Bastiaan"));  // and another field than the one edited
        List<Api.Leerling> leaving = world().pupils(institution).subList(10, 15);
        leaving.forEach(p -> world().removePupil(institution, p.id()));

        Run held = nightly.round().orElseThrow().runs().stream().filter(r -> r.schoolId() == school.id()).findFirst().orElseThrow();
        assertThat(held.status()).isEqualTo(Run.Status.HELD);
        Map<String, Object> review = run(held.id(), null);
        assertThat(review.get("holdReasons")).asString()
                .contains("Er zouden 5 van de 30 actieve leerlingen worden gearchiveerd: meer dan 10%.");
        assertThat(fixture.archived(school.id(), userOf(leaving.getFirst().id()))).as("held: nothing applied").isFalse();

        Map<String, Object> annaChange = change(review, "Anna " + prefixed(anna));
        assertThat(annaChange).containsEntry("localEdit", true).containsEntry("overrideLocal", false);
        assertThat(field(annaChange, "FIRST_NAME")).containsEntry("before", "Anna").containsEntry("after", "Annabel")
                .containsEntry("localEdit", true);
        Map<String, Object> basChange = change(review, bas.persoonsgegevens().voornaam() + prefix(bas) + " Lokaal");
        assertThat(basChange).containsEntry("localEdit", false);
        assertThat((List<?>) basChange.get("fields")).as("the edited last name is not the source's change").hasSize(1);

        List<String> turnedDown = leaving.subList(0, 2).stream()
                .map(p -> (String) change(review, name(p)).get("id")).toList();
        spa(admin, "RosterChangesDecide", Map.of("runId", held.id(), "changeIds", turnedDown, "decision", "REJECTED"))
                .path("rosterChangesDecide.run.counts.rejected").entity(Integer.class).isEqualTo(2);
        Map<String, Object> applied = apply(held.id());
        assertThat(applied.get("status")).isEqualTo("APPLIED");
        assertThat(count(applied, "studentsArchived")).isEqualTo(3);
        assertThat(((Map<?, ?>) applied.get("approvedBy")).get("displayName")).isEqualTo("Adam Admin");

        assertThat(firstName(userOf(anna.id()))).as("the local edit stands").isEqualTo("Anna");
        assertThat(lastName(userOf(bas.id()))).isEqualTo("Lokaal");
        assertThat(firstName(userOf(bas.id()))).isEqualTo("Bastiaan");
        assertThat(fixture.archived(school.id(), userOf(leaving.get(0).id()))).isFalse();
        assertThat(fixture.archived(school.id(), userOf(leaving.get(4).id()))).isTrue();

        Map<String, Object> again = run(syncNow().get("id"), null);
        assertThat(changes(again)).extracting(c -> c.get("label")).as("the kept local edit is not asked about again")
                .doesNotContain("Anna " + prefixed(anna));
    }

    @Test
    @DisplayName("X11 the admin lets the source override a local edit")
    void overrideLocalEdit() {
        long institution = institution(8);
        apply(syncNow().get("id"));
        Api.Leerling pupil = pupil(institution, 3);
        editLocally(userOf(pupil.id()), "Lokale", pupil.persoonsgegevens().achternaam());
        world().changePupil(institution, renamed(pupil, "Bron"));

        Map<String, Object> preview = run(syncNow().get("id"), Map.of("localEdit", true));
        assertThat(changes(preview)).hasSize(1);
        String changeId = (String) changes(preview).getFirst().get("id");
        spa(admin, "RosterChangesDecide", Map.of("runId", preview.get("id"), "changeIds", List.of(changeId),
                "decision", "ACCEPTED", "overrideLocal", true));
        assertThat(changes(run(preview.get("id"), Map.of("localEdit", true))).getFirst()).containsEntry("overrideLocal", true);
        apply(preview.get("id"));
        assertThat(firstName(userOf(pupil.id()))).isEqualTo("Bron");
    }

    private void editLocally(long user, String first, String last) {
        Map<String, Object> current = jdbc.sql("select username, grade_year, group_name, name_prefix from app_user where id = :id")
                .param("id", user).query().singleRow();
        Map<String, Object> input = new HashMap<>(Map.of("schoolId", school.schoolId(), "userId", Long.toString(user),
                "firstName", first, "lastName", last, "username", current.get("username"),
                "gradeYear", current.get("grade_year"), "group", current.get("group_name")));
        if (current.get("name_prefix") != null) {
            input.put("namePrefix", current.get("name_prefix"));
        }
        GraphQl.run(admin, "admin-user-update", input).path("userUpdate.errors").entityList(Object.class).hasSize(0);
    }

    private String firstName(long user) {
        return jdbc.sql("select first_name from app_user where id = :id").param("id", user).query(String.class).single();
    }

    private String lastName(long user) {
        return jdbc.sql("select last_name from app_user where id = :id").param("id", user).query(String.class).single();
    }

    private static String prefix(Api.Leerling p) {
        return p.persoonsgegevens().voorvoegsel() == null ? "" : " " + p.persoonsgegevens().voorvoegsel();
    }

    /** "prefix last" of a pupil, as the label after a local first name. */
    private static String prefixed(Api.Leerling p) {
        return (prefix(p) + " " + p.persoonsgegevens().achternaam()).strip();
    }
}
