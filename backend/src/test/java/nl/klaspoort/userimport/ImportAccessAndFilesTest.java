package nl.klaspoort.userimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import nl.klaspoort.access.Role;
import nl.klaspoort.support.Fixtures.TestSchool;
import nl.klaspoort.support.HttpFiles;
import nl.klaspoort.support.Workbooks;
import nl.klaspoort.support.Sessions;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import tools.jackson.databind.JsonNode;

/**
 * Who may use an import (ADMIN of its school only; another school's import does not exist for anyone else), the
 * refused files with their specific messages, the templates, the error workbook round trip (X3) and discarding.
 */
class ImportAccessAndFilesTest extends ImportTestBase {

    @Test
    void anImportExistsOnlyForTheAdminsOfItsSchool() {
        String id = upload("STUDENTS", row("Fenna", null, "Visser", 5, "5A"));
        TestSchool other = fixture.school().withAdmin().create();
        Sessions.Session otherAdmin = Sessions.login(port, other.adminEmail(), Sessions.PROFESSIONAL_PASSWORD);
        HttpGraphQlTester otherTester = Sessions.tester(port, otherAdmin);

        // under its own school's id: no role there, so there is no such school; under the other school: no such import
        otherTester.documentName("imports-view").variable("schoolId", school.schoolId()).variable("id", id).execute()
                .path("school").valueIsNull();
        assertThat(otherTester.documentName("imports-view").variable("schoolId", other.schoolId()).variable("id", id).execute()
                .returnResponse().getErrors()).extracting(e -> e.getExtensions().get("code")).containsExactly("NOT_FOUND");
        otherTester.documentName("imports-confirm").variable("input", Map.of("schoolId", other.schoolId(), "importId", id))
                .execute().path("spreadsheetImportConfirm.errors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
        otherTester.documentName("imports-discard").variable("input", Map.of("schoolId", other.schoolId(), "importId", id))
                .execute().path("spreadsheetImportDiscard.errors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
        otherTester.documentName("imports-row-update").variable("input", Map.of("schoolId", other.schoolId(), "importId", id,
                "rowNumber", 2, "firstName", "Overgenomen")).execute()
                .path("spreadsheetImportRowUpdate.errors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
        HttpFiles otherFiles = HttpFiles.as(port, otherAdmin);
        assertThat(otherFiles.get("/api/spreadsheet-imports/" + id + "/errors.xlsx").status()).isEqualTo(404);
        assertThat(otherFiles.importFile(school.schoolId(), "STUDENTS", template("students")).status()).isEqualTo(404);

        // a supervisor of the school may not; nobody signed in may not; the admin still can
        long supervisor = school.supervisorA();
        HttpGraphQlTester supervisorTester = Sessions.tester(port, fixture.email(supervisor));
        assertThat(supervisorTester.documentName("imports-view").variable("schoolId", school.schoolId()).variable("id", id).execute()
                .returnResponse().getErrors()).extracting(e -> e.getExtensions().get("classification")).containsExactly("FORBIDDEN");
        HttpFiles supervisorFiles = HttpFiles.as(port, Sessions.login(port, fixture.email(supervisor), Sessions.PROFESSIONAL_PASSWORD));
        HttpFiles.Answer forbidden = supervisorFiles.importFile(school.schoolId(), "STUDENTS", template("students"));
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.text()).contains("\"code\":\"FORBIDDEN\"");
        assertThat(HttpFiles.anonymous(port).get("/api/spreadsheet-templates/students").status()).isEqualTo(401);
        assertThat(HttpFiles.anonymous(port).importFile(school.schoolId(), "STUDENTS", template("students")).status()).isEqualTo(401);
        assertThat(counts(importOf(id))).containsEntry("total", 1);
        assertThat(fixture.roles(school.id(), supervisor)).containsExactly(Role.SUPERVISOR.name());
    }

    @Test
    void aRefusedFileSaysWhatIsWrongAndWhatToDoInTheUsersLanguage() {
        String before = fixture.state(school.id());
        assertRefused(files.importFile(school.schoolId(), "STUDENTS", "Naam;Leerjaar\nFenna;5\n".getBytes(StandardCharsets.UTF_8)),
                422, "FILE_NOT_SPREADSHEET", "Dit bestand is geen Excel-werkmap.");
        assertRefused(files.inLanguage("en-GB,en;q=0.9").importFile(school.schoolId(), "STUDENTS", new byte[0]),
                422, "FILE_EMPTY", "The file is empty. Choose the filled-in template and try again.");
        assertRefused(files.importFile(school.schoolId(), "PROFESSIONALS",
                        Workbooks.fill(template("students"), List.<Object[]>of(row("Fenna", null, "Visser", 5, "5A")))),
                422, "FILE_WRONG_TEMPLATE", "Dit is het sjabloon voor leerlingen. Upload hier het sjabloon voor onderwijsprofessionals.");
        assertRefused(files.importFile(school.schoolId(), "STUDENTS", template("students")), 422, "FILE_NO_ROWS",
                "Het bestand bevat geen ingevulde rijen onder de kopregel.");
        assertRefused(files.importFile(school.schoolId(), "STUDENTS", Workbooks.edit(template("students"),
                        sheet -> sheet.getRow(0).getCell(3).setCellValue("Geboortedatum"))),
                422, "FILE_MISSING_COLUMNS", "In de kopregel ontbreken kolommen: 'Leerjaar'.");
        assertRefused(files.importFile(school.schoolId(), "STUDENTS", zipBomb()), 422, "FILE_ZIP_BOMB",
                "Dit bestand wordt niet gelezen: het pakt uit tot veel meer gegevens");
        assertRefused(files.upload("/api/spreadsheet-imports", Map.of("schoolId", school.schoolId(), "kind", "STUDENTS"), null, null),
                400, "FILE_MISSING", "Kies eerst een bestand om te uploaden.");
        // over the limit: refused while it arrives, before anything reads it
        byte[] huge = new byte[11 * 1024 * 1024];
        Arrays.fill(huge, (byte) 'x');
        assertRefused(files.importFile(school.schoolId(), "STUDENTS", huge), 413, "FILE_TOO_LARGE",
                "Het bestand is groter dan 10 MB.");
        assertThat(fixture.state(school.id())).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from user_import where school_id = :s").param("s", school.id())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void theErrorWorkbookGoesRoundTripThroughExcel() {
        String t = tag();
        String id = upload("STUDENTS",
                row("Fenna", null, "Visser" + t, 5, "5A"),
                row("Daan", "van der", "Berg" + t, "vijf", "5A"),
                row("=HYPERLINK(\"http://x\")", null, "Jansen" + t, 6, "6B"));
        HttpFiles.Answer download = files.get("/api/spreadsheet-imports/" + id + "/errors.xlsx");
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.contentType()).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        List<List<String>> sheet = Workbooks.read(download.body(), 0);
        assertThat(sheet.get(0)).containsExactly("Voornaam", "Tussenvoegsel", "Achternaam", "Leerjaar", "Groep", "Fout");
        assertThat(sheet.get(1)).hasSize(5);
        assertThat(sheet.get(2)).containsExactly("Daan", "van der", "Berg" + t, "vijf", "5A",
                "Leerjaar 'vijf' is geen heel getal: vul 1 tot en met 8 in.");
        assertThat(sheet.get(3).get(0)).isEqualTo("=HYPERLINK(\"http://x\")");
        assertThat(sheet.get(3).get(5)).startsWith("Voornaam begint met een letter");

        // corrected in Excel and uploaded again: a new import without problems
        byte[] corrected = Workbooks.edit(download.body(), s -> {
            Workbooks.set(s.getRow(2), 3, 5);
            Workbooks.set(s.getRow(3), 0, "Jan");
        });
        String again = uploaded(files.importFile(school.schoolId(), "STUDENTS", corrected));
        assertThat(counts(importOf(again))).containsEntry("total", 3).containsEntry("good", 3);
        confirm(again).path("spreadsheetImportConfirm.created").entity(Integer.class).isEqualTo(3);
        assertThat(members("archive")).contains("Daan van der Berg" + t + ":true:[STUDENT]", "Jan Jansen" + t + ":true:[STUDENT]");
    }

    @Test
    void theTemplatesAreTheModulesTemplates() {
        byte[] students = template("students");
        assertThat(Workbooks.sheetName(students, 0)).isEqualTo("Leerlingen");
        assertThat(Workbooks.read(students, 0).getFirst()).containsExactly("Voornaam", "Tussenvoegsel", "Achternaam", "Leerjaar", "Groep");
        assertThat(Workbooks.read(template("professionals"), 0).getFirst())
                .containsExactly("Voornaam", "Tussenvoegsel", "Achternaam", "Rollen", "E-mailadres");
        assertThat(files.get("/api/spreadsheet-templates/teachers").status()).isEqualTo(404);
    }

    @Test
    void aDiscardedImportIsGone() {
        String id = upload("STUDENTS", row("Fenna", null, "Visser", 5, "5A"));
        admin.documentName("imports-discard").variable("input", Map.of("schoolId", school.schoolId(), "importId", id))
                .execute().path("spreadsheetImportDiscard.errors").entityList(Object.class).hasSize(0);
        assertThat(view(admin, id).returnResponse().getErrors()).extracting(e -> e.getExtensions().get("code"))
                .containsExactly("NOT_FOUND");
        assertThat(jdbc.sql("select count(*) from user_import_row where import_id = cast(:id as uuid)").param("id", id)
                .query(Integer.class).single()).isZero();
        assertThat(files.get("/api/spreadsheet-imports/" + id + "/errors.xlsx").status()).isEqualTo(404);
        assertThat(files.get("/api/spreadsheet-imports/not-an-id/errors.xlsx").status()).isEqualTo(404);
    }

    private static void assertRefused(HttpFiles.Answer answer, int status, String code, String message) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        JsonNode body = JSON.readTree(answer.text());
        assertThat(body.get("code").asString()).isEqualTo(code);
        assertThat(body.get("message").asString()).contains(message);
    }

    /** A workbook whose sheet unpacks a thousand times larger than it is packed. */
    private static byte[] zipBomb() {
        String types = "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                + "</Types>";
        String relationships = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/%s\" Target=\"%s\"/>"
                + "</Relationships>";
        String workbook = "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
                + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
                + "<sheet name=\"Leerlingen\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
        String sheet = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                + " ".repeat(15 << 20) + "</sheetData></worksheet>";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String[] part : new String[][] {{"[Content_Types].xml", types},
                    {"_rels/.rels", relationships.formatted("officeDocument", "xl/workbook.xml")},
                    {"xl/workbook.xml", workbook},
                    {"xl/_rels/workbook.xml.rels", relationships.formatted("worksheet", "worksheets/sheet1.xml")},
                    {"xl/worksheets/sheet1.xml", sheet}}) {
                zip.putNextEntry(new ZipEntry(part[0]));
                zip.write(part[1].getBytes(StandardCharsets.UTF_8));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
