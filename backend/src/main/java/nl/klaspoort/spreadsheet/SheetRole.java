package nl.klaspoort.spreadsheet;

/** A role as a sheet shows it, in Dutch. Professionals are imported with ADMIN and/or SUPERVISOR. */
public enum SheetRole {
    ADMIN("Beheerder"),
    SUPERVISOR("Begeleider"),
    STUDENT("Leerling");

    private final String label;

    SheetRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
