package nl.klaspoort.roster.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.klaspoort.basispoort.BasispoortLinks.Kind;
import nl.klaspoort.basispoort.BasispoortLinks.Link;
import nl.klaspoort.edexml.PersonName;
import nl.klaspoort.edexml.RosterSnapshot;
import nl.klaspoort.edexml.RosterStudent;
import nl.klaspoort.edexml.RosterTeacher;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * BP3 at scale: a nightly comparison asks the other modules only about people the school does not have yet (a pupil
 * may have moved in, an address may belong to someone else) and about teachers whose address changes. A roster whose
 * people are all known, the usual night, asks nothing, so those lookups send no statement.
 */
class RosterLookupsWantedTest {

    private static final PersonName NAME = new PersonName("Jansen", null, "Eva", null, "E.");

    private static SchoolRoster.Member pupil(long id, Long basispoortId, String eckId) {
        return new SchoolRoster.Member(id, true, "Eva", null, "Jansen", null, "5", null, false,
                new Link(1, id, Kind.STUDENT, basispoortId, eckId, null, Map.of(), Instant.EPOCH, null), Set.of());
    }

    private static SchoolRoster.Member teacher(long id, Long basispoortId, String email) {
        return new SchoolRoster.Member(id, false, "Piet", null, "Smit", email, null, null, false,
                basispoortId == null ? null
                        : new Link(1, id, Kind.PROFESSIONAL, basispoortId, null, null, Map.of(), Instant.EPOCH, null),
                Set.of());
    }

    private static RosterStudent source(Long basispoortId, String eckId) {
        return new RosterStudent("k" + basispoortId, basispoortId, eckId, NAME, "5", null, List.of(), null, null, null, 1);
    }

    private static RosterTeacher sourceTeacher(Long basispoortId, String email) {
        return new RosterTeacher("t" + basispoortId, basispoortId, null, NAME, email, List.of(), 1);
    }

    private static RosterDiff.Wanted wanted(List<SchoolRoster.Member> members, List<RosterStudent> pupils,
            List<RosterTeacher> teachers) {
        SchoolRoster roster = new SchoolRoster(1, members.stream().filter(SchoolRoster.Member::student).toList(),
                members.stream().filter(m -> !m.student()).toList(), Map.of());
        return RosterDiff.wanted(roster, new RosterSnapshot(null, List.of(), pupils, teachers));
    }

    @Test
    @DisplayName("BP3 a roster of known people, one of them renamed, asks no lookups")
    void knownPeopleNeedNoLookups() {
        RosterDiff.Wanted wanted = wanted(
                List.of(pupil(10, 100L, "eck-a"), pupil(11, 101L, null), teacher(20, 200L, "piet@school.nl")),
                List.of(source(100L, "eck-a"), source(101L, "eck-b")),
                List.of(sourceTeacher(200L, "PIET@school.nl")));
        assertThat(wanted.basispoortIds()).isEmpty();
        assertThat(wanted.eckIds()).isEmpty();
        assertThat(wanted.emails()).isEmpty();
        assertThat(wanted.teachersWithNewAddress()).isEmpty();
    }

    @Test
    @DisplayName("BP3 + X12 a pupil the school does not have is looked up elsewhere by Basispoort id and ECK iD")
    void newPupilsAreLookedUp() {
        RosterDiff.Wanted wanted = wanted(List.of(pupil(10, 100L, "eck-a")),
                List.of(source(100L, "eck-a"), source(102L, "eck-c"), source(null, "eck-d")), List.of());
        assertThat(wanted.basispoortIds()).containsExactly(102L);
        assertThat(wanted.eckIds()).containsExactlyInAnyOrder("eck-c", "eck-d");
    }

    @Test
    @DisplayName("BP3 + BP5 a new teacher's address and a known teacher's new address are looked up; that teacher too")
    void newAddressesAreLookedUp() {
        RosterDiff.Wanted wanted = wanted(List.of(teacher(20, 200L, "piet@school.nl"), teacher(21, 201L, "ans@school.nl")),
                List.of(), List.of(sourceTeacher(200L, "piet@school.nl"), sourceTeacher(201L, "ans.nieuw@school.nl"),
                        sourceTeacher(202L, "nieuw@school.nl")));
        assertThat(wanted.emails()).containsExactly("ans.nieuw@school.nl", "nieuw@school.nl");
        assertThat(wanted.teachersWithNewAddress()).containsExactly(21L);
    }
}
