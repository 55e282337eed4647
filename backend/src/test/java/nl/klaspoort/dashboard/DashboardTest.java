package nl.klaspoort.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import nl.klaspoort.support.Fixtures;
import nl.klaspoort.support.KlaspoortTest;
import nl.klaspoort.support.Sessions;
import nl.klaspoort.support.SqlStatementCounter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * The school dashboard's blocks (D1) in one request at the demo school OBS De Regenboog: licence use per product,
 * active and archived users, running contracts, and the publisher's videos, recommendations and announcements; in a
 * fixed number of statements. Pupils are refused every block.
 */
@KlaspoortTest
class DashboardTest {

    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {};

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Test
    @DisplayName("D1: licence use per product, users active and archived, running contracts and the publisher's items, in one request")
    void theDashboardsBlocks() {
        String school = Long.toString(fixtures.schoolId("12AB"));
        SqlStatementCounter.reset();
        GraphQlTester.Response dashboard = Sessions.tester(port, Sessions.SUPERVISOR_REGENBOOG).documentName("dashboard")
                .variable("schoolId", school).execute();
        assertThat(SqlStatementCounter.count()).as("school and its roles, counts, licence use and its roles, contracts, their roles and products, items")
                .isLessThanOrEqualTo(10);
        assertThat(dashboard.path("school.licenceUse").entityList(OBJECT).get()).containsExactly(
                Map.of("product", Map.of("code", "LEESLAB", "name", "Leeslab"), "total", 250, "inUse", 28),
                Map.of("product", Map.of("code", "SPELLINGSTER", "name", "Spellingster"), "total", 100, "inUse", 14));
        dashboard.path("school.counts.archivedUsers").entity(Integer.class).isEqualTo(2);
        dashboard.path("school.counts.activeStudents").entity(Integer.class).isEqualTo(28);
        assertThat(dashboard.path("school.contracts.edges[*].node.name").entityList(String.class).get())
                .containsExactly("Leeslab schoollicentie 250 leerlingen", "Spellingster School abonnement");
        List<Map<String, Object>> items = dashboard.path("dashboardItems").entityList(OBJECT).get();
        assertThat(titles(items, "VIDEO")).containsSubsequence("Aan de slag: inloggen en rondkijken",
                "Leerlingen koppelen aan producten", "Resultaten volgen", "Abonnementen en licenties");
        assertThat(titles(items, "RECOMMENDATION")).containsSubsequence("Rekenroute", "Spellingster");
        assertThat(titles(items, "ANNOUNCEMENT")).as("newest first")
                .containsSubsequence("Onderhoud zaterdagochtend", "Abonnementen beheren in Klaspoort");
    }

    private static List<String> titles(List<Map<String, Object>> items, String kind) {
        return items.stream().filter(i -> kind.equals(i.get("kind"))).map(i -> (String) i.get("title")).toList();
    }

    @Test
    @DisplayName("D1/D3: a pupil reads none of the dashboard's blocks")
    void pupilsReadNoBlock() {
        String school = Long.toString(fixtures.schoolId("12AB"));
        Sessions.tester(port, Sessions.STUDENT_REGENBOOG).documentName("dashboard").variable("schoolId", school).execute()
                .errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("code"))).verify();
    }
}
