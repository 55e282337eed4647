package nl.klaspoort.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.klaspoort.platform.TextBundle;

/**
 * B1: what a password must be, for every password anyone chooses or is given (a professional's own, a pupil's set by
 * an admin, a generated one): at least {@value #MIN_LENGTH} characters with letters and digits, at most
 * {@value #MAX_LENGTH} so that a pasted passphrase works but a megabyte does not reach the hash; spaces and every
 * script allowed; not the login name itself. Lengths count characters as people see them (code points), not bytes:
 * the hashing must accept every password this rule accepts, whatever its UTF-8 length.
 */
public final class PasswordRule {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 200;

    /** What is wrong with a password; {@link #message(Locale, String)} says it in Dutch or English. */
    public enum Problem {
        TOO_SHORT, TOO_LONG, NO_LETTER, NO_DIGIT, SAME_AS_LOGIN;

        /** The message in the language, from {@code security/password*.properties}. */
        public String message(Locale language, String password) {
            return TEXTS.format("password." + name(), language,
                    Map.of("min", MIN_LENGTH, "max", MAX_LENGTH, "length", length(password)));
        }
    }

    private static final TextBundle TEXTS = TextBundle.of("security/password");

    private PasswordRule() {}

    /**
     * Every problem of {@code password}, most important first (empty: acceptable).
     *
     * @param logins the person's login names (e-mail address, username) the password may not equal; nulls ignored
     */
    public static List<Problem> check(String password, String... logins) {
        List<Problem> problems = new ArrayList<>();
        int length = length(password);
        if (length > MAX_LENGTH) {
            problems.add(Problem.TOO_LONG);
            return problems;
        }
        if (length < MIN_LENGTH) {
            problems.add(Problem.TOO_SHORT);
        }
        if (password == null || password.codePoints().noneMatch(Character::isLetter)) {
            problems.add(Problem.NO_LETTER);
        }
        if (password == null || password.codePoints().noneMatch(Character::isDigit)) {
            problems.add(Problem.NO_DIGIT);
        }
        for (String login : logins) {
            if (password != null && login != null && password.strip().equalsIgnoreCase(login.strip())) {
                problems.add(Problem.SAME_AS_LOGIN);
                break;
            }
        }
        return problems;
    }

    /** Whether the password is acceptable. */
    public static boolean accepts(String password, String... logins) {
        return check(password, logins).isEmpty();
    }

    /** The first problem's message, or null when the password is acceptable. */
    public static String message(String password, Locale language, String... logins) {
        List<Problem> problems = check(password, logins);
        return problems.isEmpty() ? null : problems.getFirst().message(language, password);
    }

    private static int length(String password) {
        return password == null ? 0 : password.codePointCount(0, password.length());
    }
}
