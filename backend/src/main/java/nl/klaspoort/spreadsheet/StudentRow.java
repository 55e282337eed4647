package nl.klaspoort.spreadsheet;

/**
 * A student row whose cells all passed the checks (B7): names cleaned, the prefix {@code null} when blank, grade year
 * 1–8, the group as typed. Username (lower case) and password are {@code null} until the review step fills them in.
 */
public record StudentRow(int rowNumber, String firstName, String namePrefix, String lastName, int gradeYear,
        String group, String username, String password) {

    /** Leaves out the password. */
    @Override
    public String toString() {
        return "StudentRow[" + rowNumber + ", " + firstName + ", " + namePrefix + ", " + lastName + ", " + gradeYear
                + ", " + group + ", " + username + ", " + (password == null ? null : "***") + "]";
    }
}
