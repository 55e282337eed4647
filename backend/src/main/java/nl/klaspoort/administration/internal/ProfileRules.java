package nl.klaspoort.administration.internal;

import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import nl.klaspoort.platform.CommonError;
import nl.klaspoort.platform.PayloadError;

/** The manual's rules for profile fields (4.4, 4.12), and the generated username and password of a new student. */
final class ProfileRules {

    private static final Pattern NAME = Pattern.compile("[\\p{L}][\\p{L}\\p{M} '’.\\-]{0,99}");
    private static final Pattern PREFIX = Pattern.compile("[\\p{L}][\\p{L} '’]{0,29}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._\\-]{2,99}");
    private static final String PASSWORD_CHARS = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

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

    /** The longest password accepted: any length hashes (see the password encoder), but a bound keeps a login cheap. */
    static final int MAX_PASSWORD = 200;
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

    static boolean validPassword(String password) {
        return password != null && password.length() >= 8 && password.length() <= MAX_PASSWORD
                && password.chars().anyMatch(Character::isLetter) && password.chars().anyMatch(Character::isDigit);
    }

    static boolean validGradeYear(Integer gradeYear) {
        return gradeYear != null && gradeYear >= 1 && gradeYear <= 8;
    }

    /** Ten characters from an alphabet without look-alikes (0/O, 1/l/I), with letters and digits. */
    static String generatePassword() {
        while (true) {
            StringBuilder password = new StringBuilder();
            for (int i = 0; i < 10; i++) {
                password.append(PASSWORD_CHARS.charAt(RANDOM.nextInt(PASSWORD_CHARS.length())));
            }
            if (validPassword(password.toString())) {
                return password.toString();
            }
        }
    }
}
