package nl.klaspoort.iprange;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import nl.klaspoort.access.Role;
import nl.klaspoort.support.Fixtures;
import nl.klaspoort.support.KlaspoortTest;
import nl.klaspoort.support.Sessions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * BP7 wired into the password login: the school's setting (set on the IP ranges screen through the SPA's own
 * operations, ADMIN only, audited), a student from outside the school's active ranges refused with the rule's code,
 * from inside let in, professionals never held back, and the client address taken from {@code X-Forwarded-For} only
 * because the test connects from the trusted proxy's address (loopback).
 */
@KlaspoortTest
class StudentsOnlyAtSchoolTest {

    private static final String OUTSIDE = "203.0.113.9";
    private static final String AT_SCHOOL = "192.0.2.77";

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fx;

    @Autowired
    JdbcClient jdbc;

    long school;
    String adminEmail;
    HttpGraphQlTester admin;
    String student;

    @BeforeEach
    void setUp() {
        school = fx.school().named("BP7-school").create().id();
        adminEmail = fx.professionalLogin("Bea");
        fx.grant(school, adminEmail, Role.ADMIN);
        admin = Sessions.tester(port, Sessions.login(port, adminEmail, Sessions.PROFESSIONAL_PASSWORD));
        student = fx.username(fx.student(school, "Pim", null, "Poort", 5, "5a"));
    }

    private GraphQlTester.Response setRule(HttpGraphQlTester tester, boolean on) {
        return tester.documentName("login-rule").operationName("SchoolLoginRuleSet")
                .variable("input", Map.of("schoolId", school, "studentsOnlyAtSchool", on)).execute();
    }

    private void addRange(String from, boolean active) {
        admin.documentName("results-ip-range-add")
                .variable("input", Map.of("schoolId", school, "connectionType", "FIBER", "from", from, "active", active))
                .execute().path("schoolIpRangeAdd.errors").entityList(Object.class).hasSize(0);
    }

    @Test
    void aStudentFromOutsideTheSchoolsActiveRangesIsRefusedAndFromInsideLetIn() throws Exception {
        addRange("192.0.2.0/24", true);
        addRange("198.51.100.0/24", false);
        assertThat(login(student, Sessions.STUDENT_PASSWORD, OUTSIDE).statusCode()).isEqualTo(200);

        setRule(admin, true).path("schoolLoginRuleSet.studentsOnlyAtSchool").entity(Boolean.class).isEqualTo(true)
                .path("schoolLoginRuleSet.errors").entityList(Object.class).hasSize(0);
        admin.documentName("login-rule").operationName("SchoolLoginRule").variable("schoolId", school).execute()
                .path("school.studentsOnlyAtSchool").entity(Boolean.class).isEqualTo(true);

        HttpResponse<String> outside = login(student, Sessions.STUDENT_PASSWORD, OUTSIDE);
        assertThat(outside.statusCode()).isEqualTo(403);
        assertThat(outside.body()).isEqualTo("{\"ok\":false,\"error\":\"OUTSIDE_SCHOOL\"}");
        // an inactive range of the school does not count
        assertThat(login(student, Sessions.STUDENT_PASSWORD, "198.51.100.5").statusCode()).isEqualTo(403);
        assertThat(login(student, Sessions.STUDENT_PASSWORD, AT_SCHOOL).statusCode()).isEqualTo(200);
        // a wrong password stays a wrong password (no hint that the rule exists)
        assertThat(login(student, "Verkeerd2026", OUTSIDE).statusCode()).isEqualTo(401);
        // professionals of the school are never held back
        assertThat(login(adminEmail, Sessions.PROFESSIONAL_PASSWORD, OUTSIDE).statusCode()).isEqualTo(200);

        setRule(admin, false);
        assertThat(login(student, Sessions.STUDENT_PASSWORD, OUTSIDE).statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from audit_event where school_id = :s and action = 'STUDENT_LOGIN_SCHOOL_ONLY_SET'")
                .param("s", school).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void withoutAnActiveRangeNoStudentGetsInAndTheReasonSaysSo() throws Exception {
        setRule(admin, true);
        HttpResponse<String> response = login(student, Sessions.STUDENT_PASSWORD, AT_SCHOOL);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("NO_SCHOOL_NETWORK");
    }

    @Test
    void anUnreadableForwardedAddressCountsAsNotAtSchool() throws Exception {
        addRange("192.0.2.0/24", true);
        setRule(admin, true);
        HttpResponse<String> response = login(student, Sessions.STUDENT_PASSWORD, "unknown");
        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void onlyAnAdminOfTheSchoolSetsIt() {
        String supervisor = fx.professionalLogin("Sven");
        fx.grant(school, supervisor, Role.SUPERVISOR);
        HttpGraphQlTester other = Sessions.tester(port, Sessions.login(port, supervisor, Sessions.PROFESSIONAL_PASSWORD));
        setRule(other, true).errors().satisfy(errors -> assertThat(errors).singleElement()
                .extracting(e -> e.getErrorType()).isEqualTo(ErrorType.FORBIDDEN));
        other.documentName("login-rule").operationName("SchoolLoginRule").variable("schoolId", school).execute()
                .path("school.studentsOnlyAtSchool").valueIsNull();
        long elsewhere = fx.school().named("BP7-elders").create().id();
        admin.documentName("login-rule").operationName("SchoolLoginRuleSet")
                .variable("input", Map.of("schoolId", elsewhere, "studentsOnlyAtSchool", true)).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .extracting(e -> e.getErrorType()).isEqualTo(ErrorType.NOT_FOUND));
        assertThat(jdbc.sql("select student_login_school_ip_only from school where id in (:a, :b)")
                .param("a", school).param("b", elsewhere).query(Boolean.class).list()).containsOnly(false);
    }

    /** The SPA's login ({@code POST /login} with its CSRF token) as if through the proxy for {@code clientAddress}. */
    private HttpResponse<String> login(String username, String password, String clientAddress) {
        return Sessions.attemptFrom(port, clientAddress, username, password);
    }
}
