package nl.klaspoort.roster.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.klaspoort.support.EdexmlUploads;
import nl.klaspoort.support.Sessions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * BP6 with the real sample files of {@code shared/edexml/samples}: uploaded as the school's export (its BRIN), previewed
 * like a sync and applied; every refused file says why, per row with its line (X3), and nothing changes.
 */
class EdexmlUploadTest extends RosterTestBase {

    static final Path SAMPLES = EdexmlUploads.SAMPLES;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Sessions.Session session;

    @BeforeEach
    void signIn() {
        session = Sessions.login(port, school.adminEmail(), Sessions.PROFESSIONAL_PASSWORD);
    }

    @Test
    @DisplayName("BP6 X2 the 400-pupil export uploaded, previewed and applied; jaargroep 0 and S kept; again: unchanged")
    void uploadPreviewApply() throws Exception {
        String export = ownExport("EDEXML.1.03.cito-export-400.xml");
        Map<String, Object> preview = run(upload(export, "cito export.xml").get("runId"), Map.of("subject", "STUDENT"));
        assertThat(preview).containsEntry("status", "PREVIEW").containsEntry("source", "EDEXML")
                .containsEntry("fileName", "cito export.xml");
        assertThat(count(preview, "studentsCreated")).as("400 pupils, 2 of them left the school").isEqualTo(398);
        assertThat(count(preview, "skipped")).as("teachers without an e-mail address cannot sign in").isEqualTo(29);
        assertThat(count(preview, "groupsCreated")).isPositive();

        Map<String, Object> applied = apply(preview.get("id"));
        assertThat(applied.get("status")).isEqualTo("APPLIED");
        assertThat(inArchive("STUDENT")).isEqualTo(398);
        assertThat(jdbc.sql("select string_agg(distinct grade_code, ',' order by grade_code) from app_user where school_id = :s")
                .param("s", school.id()).query(String.class).single()).isEqualTo("0,S");

        assertThat(upload(export, "cito export.xml").get("status")).isEqualTo("UNCHANGED");

        String withoutOne = export.replaceFirst("(?s)<leerling key=\"905\">.*?</leerling>", "");
        Map<String, Object> next = run(upload(withoutOne, "export-2.xml").get("runId"), null);
        assertThat(count(next, "studentsArchived")).isEqualTo(1);
        assertThat(changes(next)).filteredOn(c -> "ARCHIVE".equals(c.get("action"))).singleElement()
                .satisfies(c -> assertThat(c.get("reason")).isEqualTo("Niet meer in het bestand"));
    }

    @Test
    @DisplayName("BP6 X3 the invalid sample is refused with its line and reason; nothing changes")
    void invalidSample() throws Exception {
        String before = fixture.state(school.id());
        Map<String, Object> failed = run(upload(ownExport("EDEXML.1.03.invalid-jaargroep.xml"), "fout.xml").get("runId"), null);
        assertThat(failed).containsEntry("status", "FAILED").containsEntry("failure", "INVALID_FILE");
        assertThat(failed.get("failureMessage")).isEqualTo("Het bestand is geweigerd; er is niets ingelezen. Zie de fouten per regel.");
        assertThat((List<?>) failed.get("errors")).singleElement().satisfies(error -> {
            assertThat(((Map<?, ?>) error).get("line")).isEqualTo(15);
            assertThat((String) ((Map<?, ?>) error).get("message")).contains("100");
        });
        assertThat(fixture.state(school.id())).isEqualTo(before);
    }

    @Test
    @DisplayName("BP6 another school's file, a Flemish file, a file too large and a supervisor's upload are refused")
    void refused() throws Exception {
        String before = fixture.state(school.id());
        Map<String, Object> other = run(upload(Files.readString(SAMPLES.resolve("EDEXML.Voorbeeld.2.1.xml")), "a.xml")
                .get("runId"), null);
        assertThat(other.get("status")).isEqualTo("FAILED");
        assertThat(other.get("errors").toString()).contains("BRIN 99ZZ vestiging 00, niet van deze school (" + brin);
        Map<String, Object> flemish = run(upload(Files.readString(SAMPLES.resolve("EDEXML.Voorbeeld.2.1-Vla.xml")), "b.xml")
                .get("runId"), null);
        assertThat(flemish.get("errors").toString()).contains("noemt geen BRIN-nummer");

        HttpResponse<String> tooLarge = post(session, new byte[17 * 1024 * 1024], "groot.xml");
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("FILE_TOO_LARGE").contains("hoogstens 16 MB");

        Sessions.Session supervisor = Sessions.login(port, fixture.email(school.supervisorA()), Sessions.PROFESSIONAL_PASSWORD);
        assertThat(post(supervisor, ownExport("EDEXML.Voorbeeld.2.1.xml").getBytes(StandardCharsets.UTF_8), "c.xml")
                .statusCode()).isEqualTo(403);
        Sessions.Session otherAdmin = Sessions.login(port, Sessions.ADMIN_KOMPAS, Sessions.PROFESSIONAL_PASSWORD);
        assertThat(post(otherAdmin, ownExport("EDEXML.Voorbeeld.2.1.xml").getBytes(StandardCharsets.UTF_8), "c.xml")
                .statusCode()).isEqualTo(404);
        assertThat(fixture.state(school.id())).isEqualTo(before);
    }

    String ownExport(String sample) {
        return EdexmlUploads.ownExport(sample, brin);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> upload(String file, String name) throws Exception {
        HttpResponse<String> response = post(session, file.getBytes(StandardCharsets.UTF_8), name);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readValue(response.body(), Map.class);
    }

    private HttpResponse<String> post(Sessions.Session as, byte[] body, String name) {
        return EdexmlUploads.post(port, as, school.id(), body, name);
    }
}
