package nl.klaspoort.matching;

import java.time.LocalDate;

/**
 * A pupil as the matcher sees them, on either side (a Klaspoort pupil, or a pupil from Basispoort or a school's
 * file). Every field except the id may be null; names may be typed any way a school types them ("van der Berg" in the
 * last name, "Berg, van der", "v.d.", with or without accents, a roepnaam or all voornamen, initials only).
 *
 * @param id         the pupil's id on its side (unique within the list it is passed in)
 * @param firstName  the name the child goes by (roepnaam), or what was typed as first name: all voornamen, initials
 * @param givenNames the official voornamen, when known (EDEXML); null otherwise
 * @param initials   voorletters, when known ("J.P."); null otherwise
 * @param prefix     tussenvoegsel ("van der"), when kept apart
 * @param lastName   achternaam
 * @param gradeYear  jaargroep: "1"–"8", or what EDEXML allows ("0", "S", …)
 * @param group      the group's name as people read it ("Groep 5A", "5a"), not a technical key
 * @param birthDate  when known on this side (Basispoort sends none)
 */
public record Pupil(long id, String firstName, String givenNames, String initials, String prefix, String lastName,
        String gradeYear, String group, LocalDate birthDate) {

    /** A pupil with a first name, prefix and last name, grade and group, as Klaspoort and Basispoort keep them. */
    public static Pupil of(long id, String firstName, String prefix, String lastName, String gradeYear, String group) {
        return new Pupil(id, firstName, null, null, prefix, lastName, gradeYear, group, null);
    }

    /** Names and birth dates are personal data: a pupil prints as its id only. */
    @Override
    public String toString() {
        return "Pupil[" + id + "]";
    }
}
