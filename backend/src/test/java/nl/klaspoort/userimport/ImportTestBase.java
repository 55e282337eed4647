package nl.klaspoort.userimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.klaspoort.support.FreshSchoolTest;
import nl.klaspoort.support.HttpFiles;
import nl.klaspoort.support.Workbooks;
import nl.klaspoort.support.Sessions;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A fresh school with its admin signed in twice: for GraphQL ({@code admin}) and for the file endpoints ({@code files}),
 * and the steps every import test takes: fill the downloaded template, upload it, read the review, edit, confirm.
 */
abstract class ImportTestBase extends FreshSchoolTest {

    static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {};
    static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};
    static final JsonMapper JSON = JsonMapper.builder().build();

    protected Sessions.Session session;
    protected HttpFiles files;

    @BeforeEach
    void signInForFiles() {
        session = Sessions.login(port, school.adminEmail(), Sessions.PROFESSIONAL_PASSWORD);
        files = HttpFiles.as(port, session);
    }

    /**
     * Letters of this test's school (names take letters only): appended to last names, so that usernames generated in
     * one test are not taken by another's (usernames are unique across Klaspoort).
     */
    String tag() {
        StringBuilder letters = new StringBuilder();
        for (char digit : Long.toString(school.id()).toCharArray()) {
            letters.append((char) ('a' + digit - '0'));
        }
        return letters.toString();
    }

    static Object[] row(Object... cells) {
        return cells;
    }

    byte[] template(String kind) {
        HttpFiles.Answer template = files.get("/api/spreadsheet-templates/" + kind);
        assertThat(template.status()).isEqualTo(200);
        return template.body();
    }

    /** The template of the kind filled with the rows, uploaded; the import's id. */
    String upload(String kind, Object[]... rows) {
        byte[] workbook = Workbooks.fill(template(kind.equals("STUDENTS") ? "students" : "professionals"), Arrays.asList(rows));
        return uploaded(files.importFile(school.schoolId(), kind, workbook));
    }

    static String uploaded(HttpFiles.Answer answer) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
        JsonNode body = JSON.readTree(answer.text());
        return body.get("importId").asString();
    }

    GraphQlTester.Response view(HttpGraphQlTester tester, String importId) {
        return tester.documentName("imports-view").variable("schoolId", school.schoolId()).variable("id", importId)
                .variable("first", 100).execute();
    }

    Map<String, Object> importOf(String importId) {
        return view(admin, importId).path("school.spreadsheetImport").entity(MAP).get();
    }

    List<Map<String, Object>> rows(String importId) {
        return view(admin, importId).path("school.spreadsheetImport.rows.edges[*].node").entity(LIST).get();
    }

    Map<String, Object> rowOf(String importId, int rowNumber) {
        return rows(importId).stream().filter(r -> ((Number) r.get("rowNumber")).intValue() == rowNumber).findFirst().orElseThrow();
    }

    /** Each problem of a row as "field:CODE". */
    @SuppressWarnings("unchecked")
    static List<String> problems(Map<String, Object> row) {
        return ((List<Map<String, Object>>) row.get("problems")).stream().map(p -> p.get("field") + ":" + p.get("code")).toList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> counts(Map<String, Object> spreadsheetImport) {
        return (Map<String, Object>) spreadsheetImport.get("counts");
    }

    /** Sends a row's cells as the grid does: every cell of the row, changed by {@code changes}. */
    GraphQlTester.Response update(String importId, Map<String, Object> row, Map<String, Object> changes) {
        Map<String, Object> input = new HashMap<>();
        for (String cell : List.of("firstName", "namePrefix", "lastName", "roles", "email", "gradeYear", "group", "username",
                "password")) {
            input.put(cell, row.get(cell));
        }
        input.putAll(changes);
        input.put("schoolId", school.schoolId());
        input.put("importId", importId);
        input.put("rowNumber", row.get("rowNumber"));
        return admin.documentName("imports-row-update").variable("input", input).execute();
    }

    GraphQlTester.Response confirm(String importId) {
        return admin.documentName("imports-confirm")
                .variable("input", Map.of("schoolId", school.schoolId(), "importId", importId)).execute();
    }

    /** The school's members (overview and archive) as "displayName:archived:roles". */
    List<String> members(String list) {
        return admin.documentName("imports-members").variable("schoolId", school.schoolId()).execute()
                .path("school." + list + ".edges[*].node").entity(LIST).get().stream()
                .map(node -> ((Map<?, ?>) node.get("user")).get("displayName") + ":" + node.get("archived") + ":" + node.get("roles"))
                .toList();
    }
}
