package nl.klaspoort.people;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/** A student's generated username: {@code voornaam.achternaam}, numbered from 2 up when taken (manual 4.4). */
public final class Usernames {

    private Usernames() {}

    /** {@code voornaam.achternaam}: lowercase, accents stripped, the prefix joined to the last name. */
    public static String base(String firstName, String namePrefix, String lastName) {
        String raw = firstName + "." + (namePrefix == null ? "" : namePrefix) + lastName;
        String base = Normalizer.normalize(raw, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]", "");
        return base.length() < 3 ? base + "leerling" : base.substring(0, Math.min(base.length(), 90));
    }

    /** The base itself when free, else the base with the lowest free number from 2 up. */
    public static String firstFree(String base, Set<String> taken) {
        String name = base;
        for (int n = 2; taken.contains(name); n++) {
            name = base + n;
        }
        return name;
    }
}
