package nl.klaspoort.edexml;

/**
 * A person's name as Dutch school records keep it. Every part may be missing (EDEXML allows a pupil with only a
 * roepnaam; Basispoort sends each part nullable).
 *
 * @param achternaam  surname without the tussenvoegsel ("Berg")
 * @param voorvoegsel tussenvoegsel ("van der"), or null
 * @param voornamen   official first names ("Johanna Maria"), or null
 * @param roepnaam    the name the person is called by ("Anne"), or null
 * @param voorletters initials ("J.M." or "JM"), or null
 */
public record PersonName(String achternaam, String voorvoegsel, String voornamen, String roepnaam, String voorletters) {

    /** The first name to show: the roepnaam, else the first of the voornamen, else null. */
    public String firstName() {
        if (roepnaam != null) {
            return roepnaam;
        }
        if (voornamen != null) {
            int space = voornamen.indexOf(' ');
            return space < 0 ? voornamen : voornamen.substring(0, space);
        }
        return null;
    }
}
