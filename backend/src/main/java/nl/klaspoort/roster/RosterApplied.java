package nl.klaspoort.roster;

import java.util.List;

/**
 * A run changed a school's roster (published when the apply commits; listeners run after it, see the event publication
 * registry). Ids only, no names: listeners read what they need. For the hosted licences (grant and revoke on
 * enrollment changes), single sign-on (who became reachable through Basispoort) and teacher e-mail changes (BP5).
 *
 * @param runId              the run ({@code RosterRun.id})
 * @param source             {@code BASISPOORT} or {@code EDEXML}
 * @param studentsCreated    new student accounts (unlinked: in the archive until an admin links them, B9)
 * @param studentsArchived   students the roster no longer lists (archived at this school; links and results kept)
 * @param studentsRestored   students who returned to this school (dearchived; their earlier links are back)
 * @param studentsMoved      students who came from another school of the publisher with their account (X12)
 * @param studentsChanged    students whose name, jaargroep, group or groups changed
 * @param teachersCreated    new professional accounts (no role yet: in the archive, B9)
 * @param teachersJoined     existing professionals (found by e-mail address) who became members of this school
 * @param teachersArchived   teachers the roster no longer lists
 * @param teachersChanged    teachers whose name, e-mail address or groups changed
 * @param emailChanged       teachers whose e-mail address (their login) the roster changed: BP5's activation follows
 */
public record RosterApplied(long schoolId, long runId, String source, List<Long> studentsCreated,
        List<Long> studentsArchived, List<Long> studentsRestored, List<Moved> studentsMoved, List<Long> studentsChanged,
        List<Long> teachersCreated, List<Long> teachersJoined, List<Long> teachersArchived, List<Long> teachersChanged,
        List<Long> emailChanged) {

    /** A student who came from {@code fromSchoolId} (archived there) to this school. */
    public record Moved(long studentId, long fromSchoolId) {}
}
