package nl.klaspoort.spreadsheet;

import java.util.List;

/**
 * A field of an import row, with its Dutch header and its length limit (the column size in {@code V1__core_model.sql}).
 * {@link #USERNAME} and {@link #PASSWORD} are not in the files: the review step adds them to student rows (generated,
 * editable), and the same checks then cover them.
 */
public enum Column {
    FIRST_NAME("Voornaam", 100, true, List.of("voornamen", "roepnaam")),
    NAME_PREFIX("Tussenvoegsel", 30, false, List.of("tussenvoegsels", "voorvoegsel")),
    LAST_NAME("Achternaam", 100, true, List.of("achternamen", "naam")),
    ROLES("Rollen", 0, true, List.of("rol", "functie")),
    EMAIL("E-mailadres", 254, true, List.of("e-mail", "email", "emailadres", "e-mail adres", "mailadres")),
    GRADE_YEAR("Leerjaar", 0, true, List.of("jaar", "jaargroep")),
    GROUP("Groep", 60, true, List.of("klas", "groepsnaam")),
    USERNAME("Gebruikersnaam", 100, false, List.of()),
    PASSWORD("Wachtwoord", 100, false, List.of());

    private final String header;
    private final int maxLength;
    private final boolean required;
    private final List<String> aliases;

    Column(String header, int maxLength, boolean required, List<String> aliases) {
        this.header = header;
        this.maxLength = maxLength;
        this.required = required;
        this.aliases = aliases;
    }

    /** The Dutch header in the template, also used in messages ("Voornaam is verplicht."). */
    public String header() {
        return header;
    }

    /** The most characters the database column takes; 0 for a parsed value (roles, grade year) not stored as text. */
    public int maxLength() {
        return maxLength;
    }

    /** Mandatory in the file: every field except the prefix (manual 4.4.1.2, 4.4.2.2). */
    public boolean required() {
        return required;
    }

    /** Other headers a school might have typed for this column; matched like the header itself. */
    public List<String> aliases() {
        return aliases;
    }
}
