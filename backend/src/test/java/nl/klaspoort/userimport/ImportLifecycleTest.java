package nl.klaspoort.userimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.klaspoort.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;

/**
 * The life of an import: its passwords are secured in the background with live progress (X4), and it is kept for a
 * limited time: expired, it is not found, and the scheduled clean-up deletes it with its rows.
 */
class ImportLifecycleTest extends ImportTestBase {

    @Autowired
    TestClock clock;

    @Autowired
    ScheduledTaskHolder scheduled;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void thePasswordsAreSecuredInTheBackgroundWithLiveProgress() {
        Object[][] rows = new Object[80][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = row("Kind", null, "Nummer" + tag() + (char) ('a' + i % 26) + (char) ('a' + i / 26), 3, "3A");
        }
        String id = upload("STUDENTS", rows);
        List<Map<String, Object>> steps = ImportProgress.steps(port, session, school.schoolId(), id);
        assertThat(steps.getLast()).containsEntry("status", "READY").containsEntry("done", 80).containsEntry("total", 80);
        assertThat(steps).extracting(step -> ((Number) step.get("done")).intValue()).isSorted();
        assertThat(steps).allSatisfy(step -> assertThat(step).containsEntry("importId", id).containsEntry("total", 80));
        assertThat(importOf(id)).containsEntry("status", "READY");
        assertThat(jdbc.sql("select count(*) from user_import_row where import_id = cast(:id as uuid) and password_hash like '{bcrypt-sha256}%'")
                .param("id", id).query(Integer.class).single()).isEqualTo(80);
        // a finished import's subscription answers at once and completes
        assertThat(ImportProgress.steps(port, session, school.schoolId(), id)).hasSize(1);
        // professionals have no passwords to secure: ready at once
        String professionals = upload("PROFESSIONALS", row("Ilse", null, "Boer", "Beheerder", "ilse.p." + school.id() + "@school.nl"));
        assertThat(importOf(professionals)).containsEntry("status", "READY");
    }

    @Test
    void anImportIsKeptForADayThenDeleted() {
        // uploaded 23 hours ago (the clock set back rather than moved on: a session lasts 12 hours from its real start)
        clock.advance(Duration.ofHours(-23));
        String id = upload("STUDENTS", row("Fenna", null, "Visser", 5, "5A"));
        assertThat(importOf(id).get("expiresAt")).isNotNull();
        clock.reset();
        assertThat(counts(importOf(id))).containsEntry("total", 1);
        clock.advance(Duration.ofHours(2));
        assertThat(view(admin, id).returnResponse().getErrors()).extracting(e -> e.getExtensions().get("code"))
                .containsExactly("NOT_FOUND");
        confirm(id).path("spreadsheetImportConfirm.errors[0].code").entity(String.class).isEqualTo("NOT_FOUND");

        ScheduledTask cleanUp = scheduled.getScheduledTasks().stream()
                .filter(task -> task.toString().contains("UserImports.deleteExpired")).findFirst().orElseThrow();
        cleanUp.getTask().getRunnable().run();
        assertThat(jdbc.sql("select count(*) from user_import_row where import_id = cast(:id as uuid)").param("id", id)
                .query(Integer.class).single()).isZero();
    }
}
