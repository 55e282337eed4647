package nl.klaspoort.administration.internal;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import nl.klaspoort.platform.CommonError;
import nl.klaspoort.platform.PayloadError;
import nl.klaspoort.security.PasswordRule;

/** The manual's rules for profile fields (4.4, 4.12); the generated login of a new student is {@link nl.klaspoort.people.StudentLogins}. */
final class ProfileRules {

    private static final Pattern NAME = Pattern.compile("[\\p{L}][\\p{L}\\p{M} '’.\\-]{0,99}");
    private static final Pattern PREFIX = Pattern.compile("[\\p{L}][\\p{L} '’]{0,29}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._\\-]{2,99}");

    private ProfileRules() {}

    static String clean(String s) {
        return s == null || s.isBlank() ? null : s.strip().replaceAll("\\s+", " ");
    }

    /** Name problems: first and last name mandatory, the prefix optional. */
    static void checkName(String firstName, String namePrefix, String lastName, List<PayloadError> errors) {
        if (firstName == null || !NAME.matcher(firstName).matches()) {
            errors.add(PayloadError.of(CommonError.INVALID_NAME).field("firstName").param("kind", "person"));
        }
        if (namePrefix != null && !PREFIX.matcher(namePrefix).matches()) {
            errors.add(PayloadError.of(CommonError.INVALID_NAME).field("namePrefix").param("kind", "person"));
        }
        if (lastName == null || !NAME.matcher(lastName).matches()) {
            errors.add(PayloadError.of(CommonError.INVALID_NAME).field("lastName").param("kind", "person"));
        }
    }

    static String normalEmail(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    static boolean validEmail(String email) {
        return email != null && email.length() <= 254 && EMAIL.matcher(email).matches();
    }

    static String normalUsername(String username) {
        return username == null ? null : username.strip().toLowerCase(Locale.ROOT);
    }

    static boolean validUsername(String username) {
        return username != null && USERNAME.matcher(username).matches();
    }

    static final int MAX_FUNCTION = 100;
    static final int MAX_GROUP = 60;

    /** A function (job title) fits its column: at most 100 characters (TOO_LONG, not an internal error). */
    static void checkFunction(String function, List<PayloadError> errors) {
        if (function != null && function.length() > MAX_FUNCTION) {
            errors.add(PayloadError.of(CommonError.TOO_LONG).field("function").param("max", MAX_FUNCTION));
        }
    }

    /** A class group's name fits its column: at most 60 characters (TOO_LONG, not an internal error). */
    static void checkGroup(String group, List<PayloadError> errors) {
        if (group != null && group.length() > MAX_GROUP) {
            errors.add(PayloadError.of(CommonError.TOO_LONG).field("group").param("max", MAX_GROUP));
        }
    }

    /** B1's one rule ({@link PasswordRule}): 8 to 200 characters with letters and digits, not the login name. */
    static boolean validPassword(String password, String login) {
        return PasswordRule.accepts(password, login);
    }

    static boolean validGradeYear(Integer gradeYear) {
        return gradeYear != null && gradeYear >= 1 && gradeYear <= 8;
    }
}
