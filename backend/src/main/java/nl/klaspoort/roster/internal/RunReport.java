package nl.klaspoort.roster.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.klaspoort.roster.internal.Change.Action;
import nl.klaspoort.roster.internal.Change.Decision;
import nl.klaspoort.roster.internal.Change.Subject;

/** What a run does in numbers (GraphQL {@code RosterCounts}), and why a nightly run waits for an admin. */
final class RunReport {

    private RunReport() {}

    /** GraphQL {@code RosterCounts}: what the run would do (a preview) or did (applied). */
    record Counts(int studentsCreated, int studentsChanged, int studentsArchived, int studentsRestored, int studentsMoved,
            int teachersCreated, int teachersJoined, int teachersChanged, int teachersArchived, int groupsCreated,
            int groupsChanged, int groupsArchived, int skipped, int blocked, int rejected) {

        static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        int total() {
            return studentsCreated + studentsChanged + studentsArchived + studentsRestored + studentsMoved + teachersCreated
                    + teachersJoined + teachersChanged + teachersArchived + groupsCreated + groupsChanged + groupsArchived;
        }
    }

    /** GraphQL {@code RosterHoldReason}: why a nightly run was not applied by itself. */
    record HoldReason(String code, Map<String, String> params) {}

    static Counts counts(List<Change> changes) {
        int[] n = new int[15];
        for (Change change : changes) {
            if (change.action() == Action.SKIP) {
                n[12]++;
            } else if (change.blocked()) {
                n[13]++;
            } else if (change.decision() == Decision.REJECTED) {
                n[14]++;
            } else {
                int index = switch (change.subject()) {
                    case STUDENT -> switch (change.action()) {
                        case CREATE -> 0;
                        case UPDATE -> 1;
                        case ARCHIVE -> 2;
                        case RESTORE -> 3;
                        default -> 4;
                    };
                    case TEACHER -> switch (change.action()) {
                        case CREATE -> 5;
                        case JOIN -> 6;
                        case ARCHIVE -> 8;
                        default -> 7;
                    };
                    case GROUP -> switch (change.action()) {
                        case CREATE -> 9;
                        case ARCHIVE -> 11;
                        default -> 10;
                    };
                };
                n[index]++;
            }
        }
        return new Counts(n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7], n[8], n[9], n[10], n[11], n[12], n[13], n[14]);
    }

    /**
     * Why the run should wait for an admin: more than {@code archiveShare} of the school's active pupils would be
     * archived, or the school would be left without active pupils.
     */
    static List<HoldReason> holdReasons(List<Change> changes, int activeStudents, double archiveShare, boolean whenEmpty) {
        Counts counts = counts(changes);
        List<HoldReason> reasons = new ArrayList<>();
        if (activeStudents > 0 && counts.studentsArchived() > archiveShare * activeStudents) {
            reasons.add(new HoldReason("ARCHIVE_SHARE", Map.of("count", Integer.toString(counts.studentsArchived()),
                    "total", Integer.toString(activeStudents),
                    "max", Long.toString(Math.round(archiveShare * 100)))));
        }
        int after = activeStudents - counts.studentsArchived() + counts.studentsCreated() + counts.studentsMoved()
                + counts.studentsRestored();
        if (whenEmpty && activeStudents > 0 && after <= 0) {
            reasons.add(new HoldReason("SCHOOL_EMPTY", Map.of("total", Integer.toString(activeStudents))));
        }
        return reasons;
    }

    static boolean touches(Change change, Subject subject) {
        return change.subject() == subject;
    }
}
