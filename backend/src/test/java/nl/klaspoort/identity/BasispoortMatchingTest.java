package nl.klaspoort.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import klaspoort.peers.basispoort.Api;
import klaspoort.peers.basispoort.BasispoortWorld;
import nl.klaspoort.basispoort.BasispoortConnections;
import nl.klaspoort.basispoort.BasispoortLinks;
import nl.klaspoort.support.FreshSchoolTest;
import nl.klaspoort.support.Sessions;
import nl.klaspoort.support.TestBasispoort;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * BP2 matching with the X1 suggestions, through the screen's operations against the Basispoort simulator: the three
 * columns, linking by hand and unlinking, "accept all above 90 %", the pupils who would end up twice, a Basispoort
 * pupil whose account the sync made moving to the existing pupil, all-or-nothing refusals, ADMIN only.
 */
class BasispoortMatchingTest extends FreshSchoolTest {

    @Autowired
    BasispoortConnections connections;
    @Autowired
    BasispoortLinks links;

    final BasispoortWorld world = TestBasispoort.world();
    long institution;
    long emma, daan, sophie, noah, mila, milaFromSync;
    long bpEmma, bpDaan, bpSofie, bpLucas, bpMila;

    @BeforeEach
    void twoRosters() {
        institution = TestBasispoort.nextSchoolId();
        world.addSchool(institution, new BasispoortWorld.SchoolInfo("Basisschool Koppel " + institution, null, null, null,
                null, "Zwolle", "98K" + (char) ('A' + institution % 26), "00", null, null), true);
        world.putGroup(institution, new Api.Groep("G5", "Groep 5a", "5", null), false);
        long base = institution * 1000;
        bpEmma = pupil(base + 1, "Emma", "de", "Vries");
        bpDaan = pupil(base + 2, "Daan", "van der", "Berg");
        bpSofie = pupil(base + 3, "Sofie", null, "Jansen");
        bpLucas = pupil(base + 4, "Lucas", null, "Visser");
        bpMila = pupil(base + 5, "Mila", null, "Smit");
        connections.activateKnown(school.id(), institution);

        emma = fixture.student(school.id(), "Emma", "de", "Vries", 5, "Groep 5a");
        daan = fixture.student(school.id(), "Daan", null, "Berg, van der", 5, "Groep 5a");
        sophie = fixture.student(school.id(), "Sophie", null, "Jansen", 5, "Groep 5a");
        noah = fixture.student(school.id(), "Noah", null, "Bakker", 5, "Groep 5a");
        mila = fixture.student(school.id(), "Mila", null, "Smit", 5, "Groep 5a");
        // the sync put Basispoort's Mila in the archive as a new account, before the school linked its own Mila
        milaFromSync = fixture.student(school.id(), "Mila", null, "Smit", 5, "Groep 5a");
        fixture.archive(school.id(), milaFromSync);
        links.put(school.id(), List.of(new BasispoortLinks.Link(school.id(), milaFromSync, BasispoortLinks.Kind.STUDENT,
                bpMila, null, "LAS-" + bpMila, Map.of(), Instant.now(), null)));
    }

    private long pupil(long id, String first, String prefix, String last) {
        world.addPupil(institution, new Api.Leerling(id, null, "LAS-" + id, new Api.Persoonsgegevens(last, first, prefix, null),
                "5", "G5", List.of()));
        return id;
    }

    private GraphQlTester.Response matching() {
        return admin.documentName("matching").operationName("matching").variable("schoolId", school.schoolId()).execute();
    }

    private GraphQlTester.Response link(long... pairs) {
        List<Map<String, String>> input = new java.util.ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            input.add(Map.of("localPupilId", Long.toString(pairs[i]), "basispoortPupilId", Long.toString(pairs[i + 1])));
        }
        return admin.documentName("matching").operationName("link")
                .variable("input", Map.of("schoolId", school.schoolId(), "pairs", input)).execute();
    }

    private static String id(long id) {
        return Long.toString(id);
    }

    @Test
    @DisplayName("BP2 + X1 three columns with suggestions; accept all above 90% links exactly those; the likely duplicates are named")
    void columnsSuggestionsAndAcceptAll() {
        GraphQlTester.Response before = matching();
        before.path("school.basispoortMatching.status").entity(String.class).isEqualTo("READY")
                .path("school.basispoortMatching.localPupils[*].name").entityList(String.class)
                .satisfies(l -> assertThat(l).containsExactlyInAnyOrder("Noah Bakker", "Daan Berg, van der", "Sophie Jansen", "Mila Smit", "Emma de Vries"))
                .path("school.basispoortMatching.basispoortPupils[*].name").entityList(String.class)
                .containsExactly("Daan van der Berg", "Emma de Vries", "Lucas Visser", "Mila Smit", "Sofie Jansen")
                .path("school.basispoortMatching.basispoortPupils[0].group").entity(String.class).isEqualTo("Groep 5a")
                .path("school.basispoortMatching.linked").entityList(Object.class).hasSize(0)
                .path("school.basispoortMatching.automaticCount").entity(Integer.class).isEqualTo(3);
        List<Map<String, Object>> suggestions = before.path("school.basispoortMatching.suggestions")
                .entity(new org.springframework.core.ParameterizedTypeReference<List<Map<String, Object>>>() {}).get();
        assertThat(suggestions).filteredOn(s -> (Integer) s.get("confidence") >= 90)
                .extracting(s -> s.get("localPupilId") + "=" + s.get("basispoortPupilId"))
                .containsExactlyInAnyOrder(emma + "=" + bpEmma, daan + "=" + bpDaan, mila + "=" + bpMila);
        assertThat(suggestions).filteredOn(s -> s.get("localPupilId").equals(id(sophie))).singleElement()
                .satisfies(s -> {
                    assertThat(s.get("basispoortPupilId")).isEqualTo(id(bpSofie));
                    assertThat((Integer) s.get("confidence")).isLessThan(90);
                    assertThat(s.get("reasons").toString()).contains("LAST_NAME_EQUAL");
                });
        before.path("school.basispoortMatching.likelyDuplicates[*].localPupilId").entityList(String.class).contains(id(sophie))
                .doesNotContain(id(noah));

        // "accept all above 90 %": the screen sends exactly the pairs it showed
        link(emma, bpEmma, daan, bpDaan, mila, bpMila).path("basispoortPupilsLink.changed").entity(Integer.class).isEqualTo(3)
                .path("basispoortPupilsLink.errors").entityList(Object.class).hasSize(0);
        matching().path("school.basispoortMatching.localPupils[*].id").entityList(String.class)
                .satisfies(l -> assertThat(l).containsExactlyInAnyOrder(id(sophie), id(noah)))
                .path("school.basispoortMatching.basispoortPupils[*].id").entityList(String.class)
                .satisfies(l -> assertThat(l).containsExactlyInAnyOrder(id(bpSofie), id(bpLucas)))
                .path("school.basispoortMatching.linked[*].localPupil.id").entityList(String.class)
                .satisfies(l -> assertThat(l).containsExactlyInAnyOrder(id(emma), id(daan), id(mila)))
                .path("school.basispoortMatching.automaticCount").entity(Integer.class).isEqualTo(0);
        // Basispoort's Mila is now the school's own Mila; the account the sync made keeps none of her identifiers
        assertThat(links.ofSchool(school.id()).get(mila).basispoortId()).isEqualTo(bpMila);
        BasispoortLinks.Link syncAccount = links.ofSchool(school.id()).get(milaFromSync);
        assertThat(syncAccount == null ? null : syncAccount.basispoortId()).isNull();
        assertThat(syncAccount == null ? null : syncAccount.lasKey()).isNull();
    }

    @Test
    @DisplayName("BP2 link by hand and unlink with the cross; refusals change nothing")
    void linkByHandAndUnlink() {
        link(sophie, bpSofie).path("basispoortPupilsLink.changed").entity(Integer.class).isEqualTo(1);
        matching().path("school.basispoortMatching.linked[*].basispoortPupil.name").entityList(String.class)
                .containsExactly("Sofie Jansen");

        // all or nothing: one bad pair refuses the lot
        link(noah, bpLucas, emma, bpSofie).path("basispoortPupilsLink.changed").entity(Integer.class).isEqualTo(0)
                .path("basispoortPupilsLink.errors[*].code").entityList(String.class).containsExactly("ALREADY_LINKED")
                .path("basispoortPupilsLink.errors[0].itemId").entity(String.class).isEqualTo(id(emma));
        link(noah, bpLucas, emma, bpLucas).path("basispoortPupilsLink.errors[*].code").entityList(String.class)
                .containsExactly("PUPIL_TWICE");
        link(noah, 999_999_999L).path("basispoortPupilsLink.errors[*].code").entityList(String.class)
                .containsExactly("NOT_A_BASISPOORT_PUPIL");
        link(milaFromSync, bpLucas).path("basispoortPupilsLink.errors[*].code").entityList(String.class)
                .containsExactly("NOT_A_LOCAL_PUPIL");
        assertThat(links.ofSchool(school.id()).get(noah)).isNull();

        admin.documentName("matching").operationName("unlink")
                .variable("input", Map.of("schoolId", school.schoolId(), "localPupilIds", List.of(id(sophie)))).execute()
                .path("basispoortPupilsUnlink.changed").entity(Integer.class).isEqualTo(1);
        matching().path("school.basispoortMatching.linked").entityList(Object.class).hasSize(0)
                .path("school.basispoortMatching.localPupils[*].id").entityList(String.class).contains(id(sophie));
    }

    @Test
    @DisplayName("BP2 only an ADMIN of the school sees and links; another school's admin gets NOT_FOUND")
    void adminsOnly() {
        GraphQlTester supervisor = Sessions.tester(port, fixture.email(school.supervisorA()));
        supervisor.documentName("matching").operationName("matching").variable("schoolId", school.schoolId()).execute()
                .path("school.basispoortMatching").valueIsNull();
        supervisor.documentName("matching").operationName("link").variable("input", Map.of("schoolId", school.schoolId(),
                "pairs", List.of(Map.of("localPupilId", id(noah), "basispoortPupilId", id(bpLucas))))).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().extracting(e -> e.getErrorType())
                        .isEqualTo(ErrorType.FORBIDDEN));
        GraphQlTester other = Sessions.tester(port, fixture.school().withAdmin().create().adminEmail());
        other.documentName("matching").operationName("link").variable("input", Map.of("schoolId", school.schoolId(),
                "pairs", List.of(Map.of("localPupilId", id(noah), "basispoortPupilId", id(bpLucas))))).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().extracting(e -> e.getErrorType())
                        .isEqualTo(ErrorType.NOT_FOUND));
        assertThat(links.ofSchool(school.id()).get(noah)).isNull();
    }

    @Test
    @DisplayName("BP2 a school not connected to Basispoort sees why there is nothing to link")
    void notConnected() {
        var other = fixture.school().withAdmin().create();
        Sessions.tester(port, other.adminEmail()).documentName("matching").operationName("matching")
                .variable("schoolId", other.schoolId()).execute()
                .path("school.basispoortMatching.status").entity(String.class).isEqualTo("NOT_CONNECTED")
                .path("school.basispoortMatching.localPupils").entityList(Object.class).hasSize(0);
    }
}
