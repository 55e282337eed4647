package nl.klaspoort.access;

import nl.klaspoort.support.ApplicationTest;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import nl.klaspoort.support.Sessions;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Issue 10, item 1: PUBLISHER is the publisher's own staff, a role held by a person (by id), granted and revoked by
 * those who hold it, never by a school and never by comparing an e-mail address. The demo grants it to its director.
 */
class PublishersTest extends ApplicationTest {

    private static final String GRANT = """
            mutation($input: PublisherInput!) { publisherGrant(input: $input) { publishers { id } errors { code field } } }""";
    private static final String REVOKE = """
            mutation($input: PublisherInput!) { publisherRevoke(input: $input) { publishers { id } errors { code field } } }""";

    private static void forbidden(GraphQlTester.Response response) {
        response.errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN")));
    }

    private boolean isPublisher(String login) {
        return Sessions.tester(port, login).document("{ me { publisher } }").execute().path("me.publisher")
                .entity(Boolean.class).get();
    }

    @Test
    void theDemoDirectorHoldsPublisherByIdAndTheSchoolAdminsDoNot() {
        assertThat(isPublisher(Sessions.DIRECTOR_BOTH)).isTrue();
        assertThat(isPublisher(Sessions.ADMIN_REGENBOOG)).isFalse();
        assertThat(jdbc.sql("""
                        select reason from publisher_grant g join app_user u on u.id = g.user_id
                         where u.email = :e order by g.id limit 1
                        """).param("e", Sessions.DIRECTOR_BOTH).query(String.class).single()).as("the first grant").isEqualTo("DEMO");
        assertThat(jdbc.sql("select count(*) from publisher_grant g join app_user u on u.id = g.user_id where u.kind <> 'PROFESSIONAL'")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aSchoolAdminCannotListGrantOrRevokePublisherNotEvenToThemselves() {
        long admin = fixture.userId(Sessions.ADMIN_REGENBOOG);
        HttpGraphQlTester schoolAdmin = Sessions.tester(port, Sessions.ADMIN_REGENBOOG);
        forbidden(schoolAdmin.document("{ publishers { id } }").execute());
        forbidden(schoolAdmin.document(GRANT).variable("input", Map.of("userId", Long.toString(admin))).execute());
        forbidden(schoolAdmin.document(REVOKE).variable("input", Map.of("userId",
                Long.toString(fixture.userId(Sessions.DIRECTOR_BOTH)))).execute());
        assertThat(isPublisher(Sessions.ADMIN_REGENBOOG)).isFalse();
    }

    @Test
    void aPublisherGrantsAndRevokesByIdAndTheLastOneCannotLeave() {
        long director = fixture.userId(Sessions.DIRECTOR_BOTH);
        long school = fixture.school().create().id();
        long colleague = fixture.professional(school, "Pim", "Uitgever");
        String colleagueLogin = fixture.email(colleague);
        HttpGraphQlTester publisher = Sessions.tester(port, Sessions.DIRECTOR_BOTH);

        publisher.document(GRANT).variable("input", Map.of("userId", Long.toString(colleague))).execute()
                .path("publisherGrant.errors").entityList(Object.class).hasSize(0)
                .path("publisherGrant.publishers[*].id").entityList(String.class).contains(Long.toString(colleague));
        assertThat(isPublisher(colleagueLogin)).isTrue();
        // the colleague, now publisher, may register clients: the right follows the person
        Sessions.tester(port, colleagueLogin).documentName("results-client-register")
                .variable("input", Map.of("productId", Long.toString(fixture.productId("LEESLAB")), "name", "Pim test",
                        "scopes", List.of("RESULTS_READ")))
                .execute().path("productClientRegister.errors").entityList(Object.class).hasSize(0);
        // nobody who is not a professional, and no one who does not exist, gets it
        publisher.document(GRANT).variable("input", Map.of("userId", Long.toString(fixture.userId(Sessions.STUDENT_REGENBOOG))))
                .execute().path("publisherGrant.errors[*].code").entityList(String.class).containsExactly("NOT_FOUND");

        HttpGraphQlTester colleagueSession = Sessions.tester(port, colleagueLogin);
        // the others of this shared test database step aside for a moment, so that the director and the colleague are
        // the only two
        List<Long> others = jdbc.sql("select id from publisher_grant where revoked_at is null and user_id not in (:a, :b)")
                .param("a", director).param("b", colleague).query(Long.class).list();
        jdbc.sql("update publisher_grant set revoked_at = now() where id = any(:ids)").param("ids", others.toArray(Long[]::new)).update();
        try {
            // the colleague revokes the director, and is then the last one: they cannot leave
            colleagueSession.document(REVOKE).variable("input", Map.of("userId", Long.toString(director))).execute()
                    .path("publisherRevoke.errors").entityList(Object.class).hasSize(0);
            colleagueSession.document(REVOKE).variable("input", Map.of("userId", Long.toString(colleague))).execute()
                    .path("publisherRevoke.errors[*].code").entityList(String.class).containsExactly("LAST_PUBLISHER");
            assertThat(isPublisher(Sessions.DIRECTOR_BOTH)).isFalse();
            colleagueSession.document(GRANT).variable("input", Map.of("userId", Long.toString(director))).execute()
                    .path("publisherGrant.errors").entityList(Object.class).hasSize(0);
        } finally {
            jdbc.sql("update publisher_grant set revoked_at = null where id = any(:ids)").param("ids", others.toArray(Long[]::new)).update();
            if (jdbc.sql("select count(*) from publisher_grant where user_id = :d and revoked_at is null").param("d", director)
                    .query(Integer.class).single() == 0) {
                jdbc.sql("insert into publisher_grant (user_id, granted_at, reason) values (:d, now(), 'DEMO')").param("d", director).update();
            }
        }
        Sessions.tester(port, Sessions.DIRECTOR_BOTH).document(REVOKE)
                .variable("input", Map.of("userId", Long.toString(colleague))).execute()
                .path("publisherRevoke.errors").entityList(Object.class).hasSize(0);
        assertThat(isPublisher(colleagueLogin)).isFalse();
        assertThat(jdbc.sql("select count(*) from publisher_grant where user_id = :u and revoked_by is not null")
                .param("u", colleague).query(Integer.class).single()).as("the revocation is kept, with who did it").isEqualTo(1);
    }
}
