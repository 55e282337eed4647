package nl.klaspoort.people;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The generated login of a new student (B6, B7): a username {@code voornaam.achternaam} and a password pupils can
 * type. Usernames are unique across Klaspoort, so a taken one gets a suffix; the suffix is a random number rather than
 * the next free one, so that it does not tell how many namesakes other schools have.
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
     * The base itself when nobody has it, else the base with a random number (two digits first, more when those are
     * mostly taken) that nobody has. {@code taken}: the usernames (lower case) that start with the base.
     */
    public static String firstFree(String base, Set<String> taken) {
        return firstFree(base, taken, RANDOM);
    }

    static String firstFree(String base, Set<String> taken, RandomGenerator random) {
        if (!taken.contains(base)) {
            return base;
        }
        for (int digits = 2; ; digits++) {
            int low = digits == 2 ? 2 : (int) Math.pow(10, digits - 1);
            int high = (int) Math.pow(10, digits);
            for (int attempt = 0; attempt < 20; attempt++) {
                String name = base + random.nextInt(low, high);
                if (!taken.contains(name)) {
                    return name;
                }
            }
        }
    }

    /**
     * What to try for one student, in order: the base, then {@code count} random variants as {@link #firstFree} makes
     * them (two digits), so that many students' usernames are looked up at once by exact value.
     */
    public static java.util.List<String> candidates(String base, int count) {
        java.util.LinkedHashSet<String> candidates = new java.util.LinkedHashSet<>();
        candidates.add(base);
        while (candidates.size() < count + 1) {
            candidates.add(base + RANDOM.nextInt(2, 100));
        }
        return java.util.List.copyOf(candidates);
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
