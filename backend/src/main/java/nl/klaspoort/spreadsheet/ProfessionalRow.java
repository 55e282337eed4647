package nl.klaspoort.spreadsheet;

import java.util.Set;

/**
 * A professional row whose cells all passed the checks (B5): names cleaned (whitespace collapsed), the prefix
 * {@code null} when blank, the e-mail address in lower case, one or both of ADMIN and SUPERVISOR.
 */
public record ProfessionalRow(int rowNumber, String firstName, String namePrefix, String lastName,
        Set<SheetRole> roles, String email) {

    public ProfessionalRow {
        roles = Set.copyOf(roles);
    }
}
