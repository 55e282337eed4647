package nl.klaspoort.edexml;

import java.util.List;

/**
 * One school's roster at one moment, normalised from its source (an EDEXML file here; the Basispoort client's data
 * maps onto the same records). The import pipeline compares it with the school's current state.
 */
public record RosterSnapshot(RosterSchool school, List<RosterGroup> groups, List<RosterStudent> students,
        List<RosterTeacher> teachers) {

    public RosterSnapshot {
        groups = List.copyOf(groups);
        students = List.copyOf(students);
        teachers = List.copyOf(teachers);
    }
}
