package nl.klaspoort.spreadsheet;

/** How many rows passed and how many have problems. */
public record ImportCounts(int good, int withProblems) {

    public int total() {
        return good + withProblems;
    }

    /** "248 goed, 2 met fouten". */
    public String summary() {
        return good + " goed, " + withProblems + " met fouten";
    }
}
