package nl.klaspoort.roster.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.klaspoort.basispoort.BasispoortLinks.Link;
import nl.klaspoort.groups.Groups.Group;

/**
 * A school's roster as Klaspoort has it now: its members (pupils and professionals, archived ones too) with their link
 * to the source and their groups, and its groups. What a run's changes are computed against.
 */
record SchoolRoster(long schoolId, List<Member> students, List<Member> teachers, Map<String, Group> groups) {

    /**
     * A member of the school.
     *
     * @param jaargroep a student's jaargroep as written ("5", "S"…); null for a professional
     * @param group     a student's group name as the user administration shows it; null when none
     * @param link      the member's link to the roster's identity at this school; null when not linked (made by hand)
     * @param groupIds  the active groups the member is in
     */
    record Member(long id, boolean student, String firstName, String namePrefix, String lastName, String email,
            String jaargroep, String group, boolean archived, Link link, Set<Long> groupIds) {

        String displayName() {
            return Names.display(firstName, namePrefix, lastName);
        }

        /** The member's value of a field the source gives, as compared and shown. */
        String value(Change.Field field) {
            return switch (field) {
                case FIRST_NAME -> firstName;
                case NAME_PREFIX -> namePrefix;
                case LAST_NAME -> lastName;
                case EMAIL -> email;
                case JAARGROEP -> jaargroep;
                case GROUP -> group;
                default -> throw new IllegalArgumentException(field.name());
            };
        }
    }
}
