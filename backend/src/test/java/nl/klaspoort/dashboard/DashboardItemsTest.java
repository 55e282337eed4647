package nl.klaspoort.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.klaspoort.support.KlaspoortTest;
import nl.klaspoort.support.Sessions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The publisher manages the dashboard's videos, recommended programmes and announcements (D1): created, changed and
 * removed through GraphQL and read back as every professional reads them; bad input is refused at its field with
 * nothing written; school admins and pupils may not change them.
 */
@KlaspoortTest
class DashboardItemsTest {

    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {};
    private static final String PREFIX = "Testitem ";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void removeTheTestsItems() { // the items are the same for every school; other tests read the demo's
        jdbc.sql("delete from dashboard_item where title like :prefix").param("prefix", PREFIX + "%").update();
    }

    @Test
    @DisplayName("D1: the publisher adds, changes and removes a video; every professional reads it in its place")
    void publisherManagesItems() {
        HttpGraphQlTester publisher = Sessions.tester(port, Sessions.DIRECTOR_BOTH);
        Map<String, Object> created = item(publisher.documentName("dashboard-items").operationName("DashboardItemCreate")
                .variable("input", Map.of("kind", "VIDEO", "title", PREFIX + "Toetsen afnemen", "body", "Hoe een toets werkt.",
                        "url", "https://video.example/toetsen", "position", 0)).execute(), "dashboardItemCreate");
        String id = (String) created.get("id");
        HttpGraphQlTester supervisor = Sessions.tester(port, Sessions.SUPERVISOR_REGENBOOG);
        assertThat(titles(supervisor, "VIDEO")).as("place 0 comes first").startsWith(PREFIX + "Toetsen afnemen");

        Map<String, Object> changed = item(publisher.documentName("dashboard-items").operationName("DashboardItemUpdate")
                .variable("input", Map.of("itemId", id, "title", PREFIX + "Toetsen afnemen en bekijken",
                        "url", "https://video.example/toetsen-2", "position", 9)).execute(), "dashboardItemUpdate");
        assertThat(changed).containsEntry("kind", "VIDEO").containsEntry("position", 9).containsEntry("body", null);
        assertThat(titles(supervisor, "VIDEO")).endsWith(PREFIX + "Toetsen afnemen en bekijken");

        publisher.documentName("dashboard-items").operationName("DashboardItemRemove").variable("input", Map.of("itemId", id))
                .execute().path("dashboardItemRemove.errors").entityList(Object.class).hasSize(0);
        assertThat(titles(supervisor, "VIDEO")).noneMatch(t -> t.startsWith(PREFIX));
        assertThat(publisher.documentName("dashboard-items").operationName("DashboardItemRemove")
                .variable("input", Map.of("itemId", id)).execute().path("dashboardItemRemove.errors[*].code")
                .entityList(String.class).get()).containsExactly("NOT_FOUND");
    }

    @Test
    @DisplayName("D1: a missing title, a long body, an address that is not http(s) are refused at their fields; nothing is written")
    void badInputIsRefused() {
        HttpGraphQlTester publisher = Sessions.tester(port, Sessions.DIRECTOR_BOTH);
        Map<String, Object> input = new HashMap<>(Map.of("kind", "RECOMMENDATION", "title", " ", "body", "x".repeat(2001),
                "url", "javascript:alert(1)", "position", 1001));
        List<Map<String, Object>> errors = publisher.documentName("dashboard-items").operationName("DashboardItemCreate")
                .variable("input", input).execute().path("dashboardItemCreate.errors").entityList(OBJECT).get();
        assertThat(errors).extracting(e -> e.get("field") + ":" + e.get("code")).containsExactly("title:TITLE_REQUIRED",
                "body:TOO_LONG", "url:INVALID_URL", "position:ARGUMENT_OUT_OF_RANGE");
        assertThat(errors.get(2).get("message")).isEqualTo("Vul een webadres in dat begint met https:// of http:// (hoogstens 500 tekens).");
        input.putAll(Map.of("title", PREFIX + "zonder adres", "body", "kort", "position", 0));
        input.remove("url");
        assertThat(publisher.documentName("dashboard-items").operationName("DashboardItemCreate").variable("input", input)
                .execute().path("dashboardItemCreate.errors[*].field").entityList(String.class).get())
                .as("a recommendation needs an address").containsExactly("url");
        assertThat(titles(publisher, "RECOMMENDATION")).noneMatch(t -> t.startsWith(PREFIX));
        input.put("kind", "ANNOUNCEMENT");
        item(publisher.documentName("dashboard-items").operationName("DashboardItemCreate").variable("input", input).execute(),
                "dashboardItemCreate");
        assertThat(titles(publisher, "ANNOUNCEMENT")).as("an announcement needs none; newest first").startsWith(PREFIX + "zonder adres");
    }

    @Test
    @DisplayName("D1: school admins and pupils cannot change the publisher's items")
    void onlyThePublisherChangesItems() {
        for (String login : List.of(Sessions.ADMIN_REGENBOOG, Sessions.STUDENT_REGENBOOG)) {
            Sessions.tester(port, login).documentName("dashboard-items").operationName("DashboardItemCreate")
                    .variable("input", Map.of("kind", "ANNOUNCEMENT", "title", PREFIX + "van " + login)).execute()
                    .errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("code"))).verify();
        }
        assertThat(titles(Sessions.tester(port, Sessions.ADMIN_REGENBOOG), "ANNOUNCEMENT")).noneMatch(t -> t.startsWith(PREFIX));
    }

    private static Map<String, Object> item(GraphQlTester.Response response, String field) {
        response.path(field + ".errors").entityList(Object.class).hasSize(0);
        return response.path(field + ".item").entity(OBJECT).get();
    }

    private static List<String> titles(HttpGraphQlTester tester, String kind) {
        return tester.documentName("dashboard-items").operationName("DashboardItems").variable("kind", kind).execute()
                .path("dashboardItems[*].title").entityList(String.class).get();
    }
}
