package nl.klaspoort.security;

import java.util.List;

/**
 * The accounts a login name may belong to, for the password sign-in: a professional by e-mail address (at most one), a
 * pupil by username (unique per school, so pupils of several schools may share one). The password picks among them.
 */
public interface LoginAccounts {

    /**
     * One account that signs in with the name.
     *
     * @param schoolId   the pupil's school; null for a professional
     * @param schoolName its name, shown when the pupil must choose their school
     */
    record Account(KlaspoortUser user, Long schoolId, String schoolName) {}

    /** The accounts with a password that sign in with {@code login} (lower case, stripped). */
    List<Account> byLogin(String login);
}
