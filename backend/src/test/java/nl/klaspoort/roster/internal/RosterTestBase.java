package nl.klaspoort.roster.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import klaspoort.peers.basispoort.Api;
import klaspoort.peers.basispoort.BasispoortWorld;
import klaspoort.peers.basispoort.WorldGenerator;
import nl.klaspoort.basispoort.BasispoortConnections;
import nl.klaspoort.support.FreshSchoolTest;
import nl.klaspoort.support.TestBasispoort;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * A fresh school of the test's own with an admin and two supervisors, and (when asked) its institution in the
 * simulator with the same BRIN, filled with a generated roster and activated; the SPA's own operations
 * ({@code frontend/graphql/basispoort.graphql}) to drive it.
 */
abstract class RosterTestBase extends FreshSchoolTest {

    static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() { };
    static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };

    @Autowired
    BasispoortConnections connections;
    @Autowired
    NightlySync nightly;

    String brin;

    @BeforeEach
    void brin() {
        brin = jdbc.sql("select brin from school where id = :id").param("id", school.id()).query(String.class).single();
    }

    static BasispoortWorld world() {
        return TestBasispoort.world();
    }

    /** The school's institution in Basispoort with {@code pupils} pupils, 10 staff and 9 groups, activated. */
    long institution(int pupils) {
        long id = TestBasispoort.nextSchoolId();
        world().addSchool(id, new BasispoortWorld.SchoolInfo("Basisschool " + brin, "Schoolstraat", "1", null, "1234 AB",
                "Utrecht", brin, "00", "K-" + brin, "41000"), true);
        WorldGenerator.populate(world(), id, pupils, brin.toLowerCase() + ".test.klaspoort.nl", id);
        connections.activateKnown(school.id(), id);
        return id;
    }

    // ---- the SPA's operations

    GraphQlTester.Response spa(HttpGraphQlTester tester, String operation, Map<String, Object> input) {
        return tester.documentName("basispoort").operationName(operation).variable("input", input).execute();
    }

    /** 'Nu synchroniseren': the new run. */
    Map<String, Object> syncNow() {
        GraphQlTester.Response response = spa(admin, "BasispoortSyncStart", Map.of("schoolId", school.schoolId()));
        response.path("basispoortSyncStart.errors").entityList(Object.class).hasSize(0);
        return response.path("basispoortSyncStart.run").entity(MAP).get();
    }

    Map<String, Object> apply(Object runId) {
        GraphQlTester.Response response = spa(admin, "RosterRunApply", Map.of("runId", runId));
        response.path("rosterRunApply.errors").entityList(Object.class).hasSize(0);
        return response.path("rosterRunApply.run").entity(MAP).get();
    }

    /** A run with its changes (all of them when {@code filter} is null), as the review screen reads it. */
    Map<String, Object> run(Object runId, Map<String, Object> filter) {
        Map<String, Object> variables = new HashMap<>(Map.of("schoolId", school.schoolId(), "runId", runId, "first", 100));
        if (filter != null) {
            variables.put("filter", filter);
        }
        GraphQlTester.Request<?> request = admin.documentName("basispoort").operationName("RosterRun");
        for (Map.Entry<String, Object> v : variables.entrySet()) {
            request = request.variable(v.getKey(), v.getValue());
        }
        return request.execute().path("school.rosterRun").entity(MAP).get();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> changes(Map<String, Object> run) {
        Map<String, Object> page = (Map<String, Object>) run.get("changes");
        return ((List<Map<String, Object>>) page.get("edges")).stream().map(e -> (Map<String, Object>) e.get("node")).toList();
    }

    @SuppressWarnings("unchecked")
    static int count(Map<String, Object> run, String key) {
        return ((Number) ((Map<String, Object>) run.get("counts")).get(key)).intValue();
    }

    /** The change about the person or group with this label. */
    static Map<String, Object> change(Map<String, Object> run, String label) {
        return changes(run).stream().filter(c -> label.equals(c.get("label"))).findFirst()
                .orElseThrow(() -> new AssertionError("no change about " + label));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> field(Map<String, Object> change, String field) {
        return ((List<Map<String, Object>>) change.get("fields")).stream().filter(f -> field.equals(f.get("field")))
                .findFirst().orElseThrow(() -> new AssertionError("no field " + field + " in " + change));
    }

    /** How many members the school's archive (B9) lists, of one kind, through the user administration's API. */
    int inArchive(String kind) {
        return admin.documentName("users").operationName("SchoolUsers").variable("schoolId", school.schoolId())
                .variable("archived", true).variable("first", 1).variable("withTotal", true)
                .variable("filter", Map.of("kind", kind)).execute()
                .path("school.archived.totalCount").entity(Integer.class).get();
    }

    /** A pupil of the institution as the simulator has it. */
    static Api.Leerling pupil(long institution, int index) {
        return world().pupils(institution).get(index);
    }

    static Api.Leerling renamed(Api.Leerling p, String first) {
        Api.Persoonsgegevens n = p.persoonsgegevens();
        return new Api.Leerling(p.id(), p.eckid(), p.lasKey(), new Api.Persoonsgegevens(n.achternaam(), first,
                n.voorvoegsel(), n.voorletters()), p.jaargroep(), p.groep(), p.subgroepen());
    }

    static String name(Api.Leerling p) {
        Api.Persoonsgegevens n = p.persoonsgegevens();
        return n.voornaam() + (n.voorvoegsel() == null ? "" : " " + n.voorvoegsel()) + " " + n.achternaam();
    }

    /** The local user linked to this Basispoort id at the school. */
    long userOf(long basispoortId) {
        return jdbc.sql("select user_id from basispoort_link where school_id = :s and basispoort_id = :b")
                .param("s", school.id()).param("b", basispoortId).query(Long.class).single();
    }

    void assertNoDuplicates() {
        assertThat(jdbc.sql("""
                        select count(*) from (select basispoort_id from basispoort_link where school_id = :s and basispoort_id is not null
                                               group by basispoort_id having count(*) > 1) d
                        """).param("s", school.id()).query(Integer.class).single()).isZero();
    }
}
