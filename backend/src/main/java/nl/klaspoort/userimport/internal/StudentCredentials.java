package nl.klaspoort.userimport.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import nl.klaspoort.people.People;
import nl.klaspoort.people.StudentLogins;
import nl.klaspoort.spreadsheet.Column;
import nl.klaspoort.spreadsheet.SheetRow;
import org.springframework.stereotype.Component;

/**
 * The generated login of imported students (B7, manual 4.4.2.2 step 2B): every row without a username gets
 * {@code voornaam.achternaam} (with the next free number when a pupil of the school or another row of the import has
 * it; usernames are unique per school), every row without a password a generated one. The admin may change both in the
 * review step; a username cleared there gets a new suggestion.
 */
@Component
class StudentCredentials {

    private final People people;

    StudentCredentials(People people) {
        this.people = people;
    }

    /**
     * The rows with a username where they had none and their names allow one, and a password where they had none;
     * {@code others}: the usernames of the import's other rows, which stay reserved. The school's namesakes of every
     * row are read in one statement.
     */
    List<SheetRow> fill(long schoolId, List<SheetRow> rows, Set<String> others) {
        Set<String> bases = new HashSet<>();
        rows.stream().filter(StudentCredentials::needsUsername).forEach(row -> bases.add(base(row)));
        Set<String> taken = new HashSet<>(people.usernamesStartingWith(schoolId, bases));
        taken.addAll(others);
        rows.forEach(row -> taken.add(row.get(Column.USERNAME).toLowerCase(Locale.ROOT)));
        List<SheetRow> filled = new ArrayList<>(rows.size());
        for (SheetRow row : rows) {
            SheetRow done = row;
            if (needsUsername(row)) {
                String username = StudentLogins.firstFree(base(row), taken);
                taken.add(username);
                done = done.with(Column.USERNAME, username);
            }
            if (done.get(Column.PASSWORD).isEmpty()) {
                done = done.with(Column.PASSWORD, StudentLogins.generatePassword());
            }
            filled.add(done);
        }
        return filled;
    }

    private static boolean needsUsername(SheetRow row) {
        return row.get(Column.USERNAME).isEmpty() && !row.get(Column.FIRST_NAME).isEmpty()
                && !row.get(Column.LAST_NAME).isEmpty();
    }

    private static String base(SheetRow row) {
        String prefix = row.get(Column.NAME_PREFIX);
        return StudentLogins.usernameBase(row.get(Column.FIRST_NAME), prefix.isEmpty() ? null : prefix,
                row.get(Column.LAST_NAME));
    }
}
