package nl.klaspoort.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.klaspoort.support.FreshSchoolTest;
import nl.klaspoort.support.Sessions;
import nl.klaspoort.support.SqlStatementCounter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The publisher's support content (S1, S2, S7, RS5): published by PUBLISHER staff only, read where the spec says. */
class SupportContentTest extends FreshSchoolTest {

    private static final String PUBLISH = """
            mutation($input: SupportArticlePublishInput!) { supportArticlePublish(input: $input) {
              article { id kind productName status title url } errors { code field } } }""";

    private GraphQlTester.Response publish(HttpGraphQlTester who, String kind, Long product, String status, String title,
            String body, String url) {
        Map<String, Object> input = new HashMap<>();
        input.put("kind", kind);
        input.put("productId", product == null ? null : product.toString());
        input.put("status", status);
        input.put("title", title);
        input.put("body", body);
        input.put("url", url);
        return who.document(PUBLISH).variable("input", input).execute();
    }

    @Test
    @DisplayName("S1 a product's status with its history and release notes, published by the publisher, readable without signing in")
    void productStatusForEveryone() throws Exception {
        HttpGraphQlTester publisher = Sessions.tester(port, Sessions.DIRECTOR_BOTH);
        long rekenroute = fixture.productId("REKENROUTE");
        String tag = " " + school.id();
        publish(publisher, "STATUS", rekenroute, "MAINTENANCE", "Onderhoud gepland" + tag, "Zondag 8:00–10:00.", null)
                .path("supportArticlePublish.errors").entityList(Object.class).hasSize(0);
        publish(publisher, "STATUS", rekenroute, "DISRUPTED", "Storing bij inloggen" + tag, "We werken eraan.", null)
                .path("supportArticlePublish.article.status").entity(String.class).isEqualTo("DISRUPTED");
        publish(publisher, "RELEASE_NOTE", rekenroute, null, "Versie 4.2" + tag, "Nieuwe toetsen voor groep 6.", null)
                .path("supportArticlePublish.article.productName").entity(String.class).isEqualTo("Rekenroute");

        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/support/status")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(200);
        JsonNode rekenrouteStatus = null;
        for (JsonNode product : JsonMapper.builder().build().readTree(anonymous.body())) {
            if (product.get("code").asString().equals("REKENROUTE")) {
                rekenrouteStatus = product;
            }
        }
        assertThat(rekenrouteStatus).isNotNull();
        assertThat(rekenrouteStatus.get("status").asString()).isEqualTo("DISRUPTED");
        assertThat(rekenrouteStatus.get("history").get(0).get("title").asString()).isEqualTo("Storing bij inloggen" + tag);
        assertThat(rekenrouteStatus.get("history").get(1).get("title").asString()).isEqualTo("Onderhoud gepland" + tag);
        assertThat(rekenrouteStatus.get("releaseNotes").get(0).get("title").asString()).isEqualTo("Versie 4.2" + tag);
    }

    @Test
    @DisplayName("S2 the FAQ is searched by every word, accents and case ignored; only the publisher publishes")
    void faqSearch() {
        HttpGraphQlTester publisher = Sessions.tester(port, Sessions.DIRECTOR_BOTH);
        String word = "zoekwoord" + school.id();
        publish(publisher, "FAQ", null, null, "Hoe wijzig ik mijn wachtwoord? " + word, "Onder Mijn profiel, met uw huidige wachtwoord.", null)
                .path("supportArticlePublish.errors").entityList(Object.class).hasSize(0);
        publish(publisher, "FAQ", null, null, "Waar vind ik de café-uren? " + word, "Nergens.", null);

        SqlStatementCounter.reset();
        List<String> found = admin.document("query($s: String) { supportFaq(search: $s) { title } }")
                .variable("s", "WACHTWOORD " + word).execute().path("supportFaq[*].title").entityList(String.class).get();
        assertThat(SqlStatementCounter.count()).isLessThanOrEqualTo(3);
        assertThat(found).containsExactly("Hoe wijzig ik mijn wachtwoord? " + word);
        assertThat(admin.document("query($s: String) { supportFaq(search: $s) { title } }").variable("s", "cafe " + word)
                .execute().path("supportFaq[*].title").entityList(String.class).get()).hasSize(1);

        publish(admin, "FAQ", null, null, "Van een school", "mag niet", null).errors()
                .satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN")));
        GraphQlTester.Response refused = publish(publisher, "DOCUMENT", null, null, " ", null, "javascript:alert(1)");
        assertThat(refused.path("supportArticlePublish.errors[*].field").entityList(String.class).get())
                .contains("title", "productId", "url");
    }

    @Test
    @DisplayName("S7 RS5 a product's Informatieplein only for those who work with it; its documents for professionals")
    void informationSquareAndDocuments() {
        HttpGraphQlTester publisher = Sessions.tester(port, Sessions.DIRECTOR_BOTH);
        long leeslab = fixture.productId("LEESLAB");
        String tag = " " + school.id();
        publish(publisher, "INFO", leeslab, null, "Leesweek" + tag, "Doe mee met de leesweek.", null);
        publish(publisher, "DOCUMENT", leeslab, null, "Instructievideo" + tag, "", "https://video.example/leeslab")
                .path("supportArticlePublish.article.url").entity(String.class).isEqualTo("https://video.example/leeslab");
        fixture.assign(school.id(), school.supervisorA(), leeslab);

        String square = "query($s: ID!) { informationSquare(schoolId: $s) { title productName } }";
        assertThat(Sessions.tester(port, fixture.email(school.supervisorA())).document(square).variable("s", school.id()).execute()
                .path("informationSquare[*].title").entityList(String.class).get()).contains("Leesweek" + tag);
        assertThat(Sessions.tester(port, fixture.email(school.supervisorB())).document(square).variable("s", school.id()).execute()
                .path("informationSquare[*].title").entityList(String.class).get()).doesNotContain("Leesweek" + tag);

        assertThat(Sessions.tester(port, fixture.email(school.supervisorB()))
                .document("query($p: ID!) { productDocuments(productId: $p) { title url } }").variable("p", leeslab).execute()
                .path("productDocuments[*].title").entityList(String.class).get()).contains("Instructievideo" + tag);
    }
}
