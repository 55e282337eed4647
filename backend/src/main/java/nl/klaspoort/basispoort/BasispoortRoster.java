package nl.klaspoort.basispoort;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.klaspoort.basispoort.BasispoortData.Group;
import nl.klaspoort.basispoort.BasispoortData.Person;
import nl.klaspoort.basispoort.BasispoortData.SchoolDetails;
import nl.klaspoort.basispoort.BasispoortData.SchoolOverview;
import nl.klaspoort.edexml.PersonName;
import nl.klaspoort.edexml.RosterGroup;
import nl.klaspoort.edexml.RosterSchool;
import nl.klaspoort.edexml.RosterSnapshot;
import nl.klaspoort.edexml.RosterStudent;
import nl.klaspoort.edexml.RosterTeacher;

/** Basispoort's view of a school as the same normalised snapshot an EDEXML file gives, for the one import pipeline. */
public final class BasispoortRoster {

    private BasispoortRoster() {
    }

    /**
     * The snapshot of one school: groups and subgroups (composite), pupils (key = lasKey, with Basispoort id and ECK
     * iD; jaargroep their own, else their group's) and staff (all roles; {@code endDate} is the pipeline's to judge).
     */
    public static RosterSnapshot snapshot(SchoolDetails details, SchoolOverview overview) {
        String dependance = details.dependanceCode();
        RosterSchool school = new RosterSchool(null, details.brin(),
                dependance == null || dependance.isBlank() || dependance.equals("00") ? null : dependance, null,
                details.schoolKey());
        List<RosterGroup> groups = new ArrayList<>();
        Map<String, String> jaargroepen = new HashMap<>();
        for (Group group : overview.groups()) {
            groups.add(new RosterGroup(group.key(), group.name(), group.jaargroep(), false, 0));
            jaargroepen.put(group.key(), group.jaargroep());
        }
        for (Group group : overview.subgroups()) {
            groups.add(new RosterGroup(group.key(), group.name(), null, true, 0));
        }
        List<RosterStudent> students = overview.pupils().stream().map(p -> new RosterStudent(p.lasKey(), p.id(),
                p.eckId(), name(p.person()), p.jaargroep() != null ? p.jaargroep() : jaargroepen.get(p.groupKey()),
                p.groupKey(), p.subgroupKeys(), null, null, null, 0)).toList();
        List<RosterTeacher> teachers = overview.staff().stream().map(s -> {
            List<String> keys = new ArrayList<>(s.groupKeys());
            keys.addAll(s.subgroupKeys());
            return new RosterTeacher(s.lasKey(), s.id(), s.eckId(), name(s.person()), s.email(), keys, 0);
        }).toList();
        return new RosterSnapshot(school, groups, students, teachers);
    }

    private static PersonName name(Person person) {
        return person == null ? new PersonName(null, null, null, null, null)
                : new PersonName(person.lastName(), person.prefix(), null, person.firstName(), person.initials());
    }
}
