package nl.klaspoort.userimport.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.klaspoort.people.People;
import nl.klaspoort.people.StudentLogins;
import nl.klaspoort.spreadsheet.Column;
import nl.klaspoort.spreadsheet.SheetRow;
import org.springframework.stereotype.Component;

/**
 * The generated login of imported students (B7, manual 4.4.2.2 step 2B): every row without a username gets
 * {@code voornaam.achternaam} (with a random number when someone in Klaspoort or another row of the import has it),
 * every row without a password a generated one. The admin may change both in the review step; a username cleared
 * there gets a new suggestion.
 */
@Component
class StudentCredentials {

    private final People people;

    StudentCredentials(People people) {
        this.people = people;
    }

    /** Random variants looked up with each base: enough that all of them being taken is very unlikely. */
    static final int VARIANTS = 5;

    /**
     * The rows with a username where they had none and their names allow one, and a password where they had none;
     * {@code others}: the usernames of the import's other rows, which stay reserved. The base and a few random variants
     * of every row are looked up in one statement (by exact value, so namesakes elsewhere are not read); only a row
     * whose candidates are all taken costs one more.
     */
    List<SheetRow> fill(List<SheetRow> rows, Set<String> others) {
        Map<SheetRow, List<String>> candidates = new HashMap<>();
        rows.stream().filter(StudentCredentials::needsUsername)
                .forEach(row -> candidates.put(row, StudentLogins.candidates(base(row), VARIANTS)));
        Set<String> taken = new HashSet<>(people.usernamesInUse(candidates.values().stream().flatMap(List::stream).toList()));
        taken.addAll(others);
        rows.forEach(row -> taken.add(row.get(Column.USERNAME).toLowerCase(Locale.ROOT)));
        List<SheetRow> filled = new ArrayList<>(rows.size());
        for (SheetRow row : rows) {
            SheetRow done = row;
            if (candidates.containsKey(row)) {
                String username = candidates.get(row).stream().filter(name -> !taken.contains(name)).findFirst()
                        .orElseGet(() -> {
                            Set<String> namesakes = new HashSet<>(taken);
                            namesakes.addAll(people.usernamesStartingWith(base(row)));
                            return StudentLogins.firstFree(base(row), namesakes);
                        });
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
