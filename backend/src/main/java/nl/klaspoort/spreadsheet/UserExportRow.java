package nl.klaspoort.spreadsheet;

import java.util.List;
import java.util.Set;

/**
 * One user in the download of the user overview (B15, manual 4.11). {@code gradeYear} and {@code group} are
 * {@code null} for professionals; {@code products} are product names in the order to show.
 */
public record UserExportRow(String firstName, String namePrefix, String lastName, Integer gradeYear, String group,
        Set<SheetRole> roles, List<String> products, String username) {

    public UserExportRow {
        roles = Set.copyOf(roles);
        products = List.copyOf(products);
    }
}
