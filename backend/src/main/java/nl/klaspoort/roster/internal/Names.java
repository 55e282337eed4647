package nl.klaspoort.roster.internal;

import java.util.Locale;
import java.util.regex.Pattern;

/** How names, e-mail addresses and other texts from a source are cleaned and compared. */
final class Names {

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");

    private Names() {}

    /** Trimmed, inner runs of white space as one space; null when blank. */
    static String clean(String text) {
        if (text == null) {
            return null;
        }
        String cleaned = SPACES.matcher(text.strip()).replaceAll(" ");
        return cleaned.isEmpty() ? null : cleaned;
    }

    static String email(String text) {
        String cleaned = clean(text);
        return cleaned == null ? null : cleaned.toLowerCase(Locale.ROOT);
    }

    static boolean validEmail(String email) {
        return email != null && email.length() <= 254 && EMAIL.matcher(email).matches();
    }

    /** "Jan van der Berg". */
    static String display(String first, String prefix, String last) {
        StringBuilder name = new StringBuilder();
        for (String part : new String[] {first, prefix, last}) {
            if (part != null) {
                name.append(name.isEmpty() ? "" : " ").append(part);
            }
        }
        return name.toString();
    }

    /** The text, at most {@code max} characters. */
    static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
