package nl.klaspoort.basispoort;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import klaspoort.peers.basispoort.BasispoortWorld;
import klaspoort.peers.basispoort.BasispoortWorld.SchoolInfo;
import nl.klaspoort.support.FreshSchoolTest;
import nl.klaspoort.support.GraphQl;
import nl.klaspoort.support.Sessions;
import nl.klaspoort.support.SqlStatementCounter;
import nl.klaspoort.support.TestBasispoort;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * BP1 through the API the screen uses: the school's admin checks the connection and reads exactly what is missing; the
 * publisher activates the school; only then is it connected. Each test's school has a BRIN of its own, and the
 * simulator an institution of its own with that BRIN when the test needs one.
 */
class BasispoortConnectionTest extends FreshSchoolTest {

    private String brin;
    private HttpGraphQlTester publisher;

    @BeforeEach
    void setUp() {
        brin = jdbc.sql("select brin from school where id = :id").param("id", school.id()).query(String.class).single();
        publisher = Sessions.tester(port, Sessions.DIRECTOR_BOTH);
    }

    @Test
    @DisplayName("BP1 consent given: found by BRIN among the consenting schools, then activated by the publisher: connected")
    void consentGiven() {
        long id = institution(true);

        GraphQlTester.Response check = check(admin, null);
        check.path("basispoortConnectionCheck.errors").entityList(Object.class).hasSize(0);
        check.path("basispoortConnectionCheck.connection.status").entity(String.class).isEqualTo("NOT_ACTIVATED");
        check.path("basispoortConnectionCheck.connection.basispoortId").entity(String.class).isEqualTo(Long.toString(id));
        check.path("basispoortConnectionCheck.connection.message").entity(String.class)
                .satisfies(m -> assertThat(m).startsWith("School gevonden en heeft toestemming verleend, maar Klaspoort"));
        check.path("basispoortConnectionCheck.connection.canActivate").entity(Boolean.class).isEqualTo(false);
        check.path("basispoortConnectionCheck.connection.institution.brin").entity(String.class).isEqualTo(brin);

        GraphQlTester.Response activate = spa(publisher, "BasispoortSchoolActivate", Map.of("schoolId", school.schoolId()));
        activate.path("basispoortSchoolActivate.errors").entityList(Object.class).hasSize(0);
        activate.path("basispoortSchoolActivate.connection.activated").entity(Boolean.class).isEqualTo(true);
        activate.path("basispoortSchoolActivate.connection.status").entity(String.class).isEqualTo("CONNECTED");

        var before = TestBasispoort.world().requestCounts();
        SqlStatementCounter.reset();
        check(admin, null).path("basispoortConnectionCheck.connection.message").entity(String.class)
                .isEqualTo("School gevonden en heeft toestemming verleend.");
        // the session, the admin's role, PUBLISHER (a grant by person, read twice: to allow and to show "activate"),
        // the connection read and written, the audit event
        assertThat(SqlStatementCounter.count()).as("statements of a check of a known school").isLessThanOrEqualTo(9);
        var after = TestBasispoort.world().requestCounts();
        assertThat(requests(after) - requests(before)).as("a known school costs two requests: consent and details").isEqualTo(2);

        connection(admin.mutate().header("Accept-Language", "en").build()).path("school.basispoort.message")
                .entity(String.class).isEqualTo("School found and has given consent.");
    }

    @Test
    @DisplayName("BP1 consent missing: not listed among the consenting schools; by its Basispoort id it says consent is missing")
    void consentMissing() {
        long id = institution(false);
        check(admin, null).path("basispoortConnectionCheck.connection").entity(Map.class).satisfies(c -> {
            assertThat(c.get("status")).isEqualTo("NOT_FOUND");
            assertThat((String) c.get("message")).contains("BRIN " + brin + ", vestiging 00");
            assertThat(c.get("basispoortId")).isNull();
        });
        check(admin, id).path("basispoortConnectionCheck.connection").entity(Map.class).satisfies(c -> {
            assertThat(c.get("status")).isEqualTo("NO_CONSENT");
            assertThat((String) c.get("message")).contains("Beheer → Uitgeverijen");
        });
        GraphQlTester.Response refused = spa(publisher, "BasispoortSchoolActivate", Map.of("schoolId", school.schoolId()));
        assertThat(GraphQl.errorCodes(refused, "basispoortSchoolActivate")).containsExactly("BASISPOORT_NOT_IDENTIFIED");
        refused.path("basispoortSchoolActivate.connection.activated").entity(Boolean.class).isEqualTo(false);

        TestBasispoort.world().grantConsent(id, java.time.LocalDate.now(nl.klaspoort.platform.Amsterdam.ZONE));
        spa(publisher, "BasispoortSchoolActivate", Map.of("schoolId", school.schoolId()))
                .path("basispoortSchoolActivate.connection.status").entity(String.class).isEqualTo("CONNECTED");
        TestBasispoort.world().revokeConsent(id, java.time.LocalDate.now(nl.klaspoort.platform.Amsterdam.ZONE));
        check(admin, null).path("basispoortConnectionCheck.connection.status").entity(String.class).isEqualTo("NO_CONSENT");
    }

    @Test
    @DisplayName("BP1 every other answer says what is wrong: unknown number, another school's number, closed school, Basispoort down")
    void whatIsMissing() {
        long other = TestBasispoort.nextSchoolId();
        TestBasispoort.world().addSchool(other, info("99ZW", "Andere School"), true);
        check(admin, 999_999_999L).path("basispoortConnectionCheck.connection.status").entity(String.class).isEqualTo("UNKNOWN_ID");
        check(admin, other).path("basispoortConnectionCheck.connection").entity(Map.class).satisfies(c -> {
            assertThat(c.get("status")).isEqualTo("OTHER_SCHOOL");
            assertThat((String) c.get("message")).contains("Andere School").contains("99ZW");
        });
        long closed = institution(true);
        TestBasispoort.world().deactivate(closed);
        check(admin, closed).path("basispoortConnectionCheck.connection.status").entity(String.class).isEqualTo("INACTIVE");

        TestBasispoort.world().failNext(1, 503, "/rest/v2/instellingen/" + closed);
        check(admin, closed).path("basispoortConnectionCheck.connection").entity(Map.class).satisfies(c -> {
            assertThat(c.get("status")).isEqualTo("UNAVAILABLE");
            assertThat(c.get("message")).isEqualTo("Basispoort is nu niet bereikbaar. Probeer het later opnieuw.");
        });
        spa(admin, "BasispoortConnectionCheck", Map.of("schoolId", school.schoolId(), "basispoortId", "abc"))
                .path("basispoortConnectionCheck.errors[0].code").entity(String.class).isEqualTo("INVALID_ID");
    }

    @Test
    @DisplayName("BP1 only the school's admins check, only the publisher activates; another school's connection is not found")
    void access() {
        institution(true);
        HttpGraphQlTester supervisor = Sessions.tester(port, fixture.email(school.supervisorA()));
        spa(supervisor, "BasispoortConnectionCheck", Map.of("schoolId", school.schoolId()))
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("classification", "FORBIDDEN")));
        HttpGraphQlTester otherAdmin = Sessions.tester(port, Sessions.ADMIN_KOMPAS);
        spa(otherAdmin, "BasispoortConnectionCheck", Map.of("schoolId", school.schoolId()))
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("classification", "NOT_FOUND")));
        spa(admin, "BasispoortSchoolActivate", Map.of("schoolId", school.schoolId()))
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("classification", "FORBIDDEN")));
        connection(supervisor).path("school.basispoort").valueIsNull();
        assertThat(jdbc.sql("select count(*) from basispoort_school where school_id = :s and activated_at is not null")
                .param("s", school.id()).query(Integer.class).single()).isZero();
    }

    // ---- helpers

    /** An institution in Basispoort with this test's BRIN; returns its Basispoort id. */
    private long institution(boolean consent) {
        long id = TestBasispoort.nextSchoolId();
        TestBasispoort.world().addSchool(id, info(brin, "Basisschool " + brin), consent);
        return id;
    }

    static SchoolInfo info(String brin, String name) {
        return new BasispoortWorld.SchoolInfo(name, "Schoolstraat", "1", null, "1234 AB", "Utrecht", brin, "00",
                "K-" + brin, "41000");
    }

    private GraphQlTester.Response check(HttpGraphQlTester tester, Long basispoortId) {
        Map<String, Object> input = new java.util.HashMap<>(Map.of("schoolId", school.schoolId()));
        if (basispoortId != null) {
            input.put("basispoortId", basispoortId.toString());
        }
        return spa(tester, "BasispoortConnectionCheck", input);
    }

    private GraphQlTester.Response connection(HttpGraphQlTester tester) {
        return tester.documentName("basispoort").operationName("Basispoort").variable("schoolId", school.schoolId())
                .variable("first", 10).execute();
    }

    /** An operation of the SPA's {@code basispoort.graphql} with its {@code input}. */
    static GraphQlTester.Response spa(HttpGraphQlTester tester, String operation, Map<String, Object> input) {
        return tester.documentName("basispoort").operationName(operation).variable("input", input).execute();
    }

    private static long requests(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
