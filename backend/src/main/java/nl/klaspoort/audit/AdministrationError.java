package nl.klaspoort.audit;

/**
 * A refused input or item of an administrative mutation, as data: a code to act on, a Dutch message to show, and the
 * user (or input field) it concerns.
 */
public record AdministrationError(Code code, String message, String userId, String field) {

    /** The GraphQL enum {@code AdministrationErrorCode}, each with the Dutch message shown by default. */
    public enum Code {
        NOT_FOUND("Deze gebruiker, dit product of deze school bestaat niet (of hoort bij een andere school)."),
        EMPTY_LIST("Kies minstens één item."),
        TOO_MANY_ITEMS("U kunt hoogstens " + Bulk.MAX_ITEMS + " items tegelijk wijzigen."),
        INVALID_NAME("Vul een geldige voor- en achternaam in."),
        INVALID_EMAIL("Vul een geldig e-mailadres in."),
        INVALID_GRADE_YEAR("Het leerjaar moet tussen 1 en 8 liggen."),
        INVALID_USERNAME("Een gebruikersnaam heeft 3 tot 100 tekens: kleine letters, cijfers, punt, streepje of liggend streepje."),
        INVALID_PASSWORD("Een wachtwoord heeft 8 tot 200 tekens, met letters én cijfers."),
        INVALID_FUNCTION("Een functie heeft hoogstens 100 tekens."),
        INVALID_GROUP("Een groepsnaam heeft hoogstens 60 tekens."),
        EMAIL_TAKEN("Dit e-mailadres is al in gebruik."),
        USERNAME_TAKEN("Deze gebruikersnaam is al in gebruik."),
        INVALID_ROLE("Alleen de rollen beheerder en begeleider kunnen hier worden gekozen."),
        NO_ROLES("Kies minstens één rol."),
        SELF("Dit kunt u niet bij uzelf doen."),
        ONLY_SUPERVISOR("Deze begeleider is de enige begeleider van een of meer leerlingen. Koppel die leerlingen eerst aan een andere begeleider."),
        NOT_A_STUDENT("Dit kan alleen bij leerlingen."),
        NOT_A_PROFESSIONAL("Dit kan alleen bij onderwijsprofessionals."),
        NOT_A_SUPERVISOR("Deze gebruiker heeft (en krijgt) geen rol begeleider op deze school."),
        NO_SUPERVISOR_AT_SCHOOL("Maak eerst een begeleider aan: een leerling moet altijd aan een begeleider gekoppeld zijn."),
        NO_PREVIOUS_LINKS("Deze gebruiker was nog niet gekoppeld; gebruik 'Leerlingen koppelen' of 'Professionals koppelen'."),
        GRADE_YEAR_OUT_OF_RANGE("Het leerjaar zou buiten groep 1 tot en met 8 komen."),
        ARCHIVED("Deze gebruiker is gearchiveerd; het profiel kan niet worden gewijzigd."),
        BATCH_NOT_FOUND("Deze wijziging bestaat niet."),
        NOT_UNDOABLE("Dit soort wijziging kan niet ongedaan worden gemaakt."),
        ALREADY_UNDONE("Deze wijziging is al ongedaan gemaakt."),
        UNDO_CONFLICT("Deze gebruiker is daarna opnieuw gewijzigd; ongedaan maken zou die wijziging overschrijven.");

        private final String message;

        Code(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    public static AdministrationError of(Code code) {
        return new AdministrationError(code, code.message(), null, null);
    }

    public static AdministrationError forUser(Code code, Object userId) {
        return new AdministrationError(code, code.message(), String.valueOf(userId), null);
    }

    public static AdministrationError forField(Code code, String field) {
        return new AdministrationError(code, code.message(), null, field);
    }
}
