package nl.klaspoort.people;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * The generated login of a new student (B6, B7): a username {@code voornaam.achternaam} and a password pupils can
 * type. Usernames are unique per school, so a taken one gets the next free number of that school's namesakes
 * ({@code sanne.devries}, {@code sanne.devries2}, …): it tells nothing about other schools.
 */
public final class StudentLogins {

    private static final String PASSWORD_CHARS = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private StudentLogins() {}

    /** {@code voornaam.achternaam}: lowercase, accents stripped, the prefix joined to the last name. */
    public static String usernameBase(String firstName, String namePrefix, String lastName) {
        String raw = firstName + "." + (namePrefix == null ? "" : namePrefix) + lastName;
        String base = Normalizer.normalize(raw, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]", "");
        return base.length() < 3 ? base + "leerling" : base.substring(0, Math.min(base.length(), 90));
    }

    /**
     * The base itself when the school has nobody with it, else the base with the first free number from 2.
     * {@code taken}: the school's usernames (lower case) that start with the base.
     */
    public static String firstFree(String base, Set<String> taken) {
        if (!taken.contains(base)) {
            return base;
        }
        for (int n = 2; ; n++) {
            String name = base + n;
            if (!taken.contains(name)) {
                return name;
            }
        }
    }

    /** Ten characters from an alphabet without look-alikes (0/O, 1/l/I), with letters and digits. */
    public static String generatePassword() {
        while (true) {
            StringBuilder password = new StringBuilder();
            for (int i = 0; i < 10; i++) {
                password.append(PASSWORD_CHARS.charAt(RANDOM.nextInt(PASSWORD_CHARS.length())));
            }
            String text = password.toString();
            if (text.chars().anyMatch(Character::isLetter) && text.chars().anyMatch(Character::isDigit)) {
                return text;
            }
        }
    }
}
