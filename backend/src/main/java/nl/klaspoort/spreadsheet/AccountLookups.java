package nl.klaspoort.spreadsheet;

import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The checks that need the database, supplied by the integration: each receives every candidate value of the import
 * at once (lower case) and returns those already in use, so that one query answers for the whole file.
 *
 * @param emailsInUse   of these e-mail addresses, the ones another user already has
 * @param usernamesTaken of these usernames, the ones another user already has
 */
public record AccountLookups(UnaryOperator<Set<String>> emailsInUse, UnaryOperator<Set<String>> usernamesTaken) {

    /** No database: nothing is in use (for tests, and for checking a file before it is tied to a school). */
    public static final AccountLookups NONE = new AccountLookups(values -> Set.of(), values -> Set.of());
}
