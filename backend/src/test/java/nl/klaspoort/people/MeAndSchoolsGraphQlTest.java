package nl.klaspoort.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.klaspoort.support.KlaspoortTest;
import nl.klaspoort.support.Sessions;
import nl.klaspoort.support.SqlStatementCounter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.test.StepVerifier;

/** Walking skeleton over GraphQL: {@code me}, {@code schools}, {@code school}, 401 and the WebSocket path. */
@KlaspoortTest
class MeAndSchoolsGraphQlTest {

    @LocalServerPort
    int port;

    @Test
    void meReturnsTheProfessionalWithRolesPerSchool() {
        HttpGraphQlTester director = Sessions.tester(port, Sessions.DIRECTOR_BOTH);
        director.documentName("me").execute()
                .path("me.user.__typename").entity(String.class).isEqualTo("Professional")
                .path("me.user.displayName").entity(String.class).isEqualTo("Ingrid de Wit")
                .path("me.user.username").entity(String.class).isEqualTo(Sessions.DIRECTOR_BOTH)
                .path("me.memberships[*].school.name").entityList(String.class)
                .containsExactly("CBS Het Kompas", "OBS De Regenboog")
                .path("me.memberships[0].roles").entityList(String.class).containsExactly("ADMIN", "SUPERVISOR")
                .path("me.memberships[1].roles").entityList(String.class).containsExactly("ADMIN", "SUPERVISOR");
    }

    @Test
    void aStudentHoldsTheStudentRoleAtTheirOwnSchoolOnly() {
        Sessions.tester(port, Sessions.STUDENT_REGENBOOG).documentName("me").execute()
                .path("me.user.__typename").entity(String.class).isEqualTo("Student")
                .path("me.memberships[*].school.name").entityList(String.class).containsExactly("OBS De Regenboog")
                .path("me.memberships[0].roles").entityList(String.class).containsExactly("STUDENT");
    }

    @Test
    void schoolsListsOnlyTheSchoolsWhereTheUserHoldsARoleWithCountsInAConstantNumberOfStatements() {
        HttpGraphQlTester director = Sessions.tester(port, Sessions.DIRECTOR_BOTH);
        SqlStatementCounter.reset();
        director.documentName("schools").execute()
                .path("schools[*].brin").entityList(String.class).containsExactly("34CD", "12AB")
                .path("schools[1].counts.activeStudents").entity(Integer.class).isEqualTo(28)
                .path("schools[1].counts.archivedUsers").entity(Integer.class).isEqualTo(2)
                .path("schools[1].counts.products").entity(Integer.class).isEqualTo(2);
        // the user's roles, the schools, their roles (one batch), their counts (one batch)
        assertThat(SqlStatementCounter.count()).isEqualTo(4);

        Sessions.tester(port, Sessions.ADMIN_REGENBOOG).documentName("schools").execute()
                .path("schools[*].brin").entityList(String.class).containsExactly("12AB")
                .path("schools[0].myRoles").entityList(String.class).containsExactly("ADMIN");
    }

    @Test
    void anotherSchoolIsNullForSomeoneWithoutARoleThere() {
        HttpGraphQlTester director = Sessions.tester(port, Sessions.DIRECTOR_BOTH);
        List<Map<String, Object>> schools = director.documentName("schools").execute()
                .path("schools").entity(new ParameterizedTypeReference<List<Map<String, Object>>>() {}).get();
        String kompasId = (String) schools.get(0).get("id");

        Sessions.tester(port, Sessions.ADMIN_REGENBOOG).documentName("school").variable("id", kompasId).execute()
                .path("school").valueIsNull();
        director.documentName("school").variable("id", kompasId).execute()
                .path("school.name").entity(String.class).isEqualTo("CBS Het Kompas");
    }

    @Test
    void anySignedInUserListsTheProductsByName() {
        Sessions.tester(port, Sessions.STUDENT_REGENBOOG).documentName("products").execute()
                .path("products[*].code").entityList(String.class).containsExactly("LEESLAB", "REKENROUTE", "SPELLINGSTER");
    }

    @Test
    void withoutASessionGraphQlAnswers401AndNoData() {
        Sessions.anonymousClient(port).post()
                .header(HttpHeaders.CONTENT_TYPE, "application/json")
                .bodyValue(Map.of("query", "{ me { user { id } } schools { id name } }"))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.UNAUTHORIZED)
                .expectBody().isEmpty();
    }

    @Test
    void aWrongPasswordDoesNotSignIn() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> Sessions.login(port, Sessions.DIRECTOR_BOTH, "Klaspoort2025"));
        assertThat(refused).hasMessageContaining("401").hasMessageContaining("BAD_CREDENTIALS");
    }

    @Test
    void heartbeatSubscriptionRunsOverGraphqlWsWithTheSession() {
        Sessions.Session session = Sessions.login(port, Sessions.ADMIN_REGENBOOG, Sessions.PROFESSIONAL_PASSWORD);
        WebSocketGraphQlTester tester = WebSocketGraphQlTester.builder("ws://localhost:" + port + "/graphql",
                        new ReactorNettyWebSocketClient())
                .headers(h -> h.add(HttpHeaders.COOKIE, session.cookieHeader()))
                .build();
        StepVerifier.create(tester.documentName("heartbeat").variable("everyMillis", 100)
                        .executeSubscription().toFlux("heartbeat.sequence", Integer.class).take(3))
                .expectNext(1, 2, 3)
                .expectComplete()
                .verify(Duration.ofSeconds(20));
        tester.stop().block(Duration.ofSeconds(5));
    }

    @Test
    void theWebSocketRefusesAnyoneWithoutASession() {
        WebSocketGraphQlTester anonymous = WebSocketGraphQlTester.builder("ws://localhost:" + port + "/graphql",
                new ReactorNettyWebSocketClient()).build();
        StepVerifier.create(anonymous.documentName("heartbeat").executeSubscription().toFlux("heartbeat.sequence", Integer.class))
                .expectError()
                .verify(Duration.ofSeconds(20));
    }
}
