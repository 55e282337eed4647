package nl.klaspoort.mail.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import nl.klaspoort.platform.TextBundle;

/**
 * The mails' texts in one language: {@code mail/mail.properties} (Dutch) and {@code mail/mail_en.properties}, server
 * only (the SPA's bundle does not carry them).
 */
final class MailTexts {

    static final TextBundle BUNDLE = TextBundle.of("mail/mail");

    private final Locale locale;

    private MailTexts(Locale locale) {
        this.locale = locale;
    }

    /** English for English, Dutch for any other language. */
    static MailTexts of(Locale language) {
        return new MailTexts(TextBundle.language(language));
    }

    Locale locale() {
        return locale;
    }

    /** The text of {@code key} with its placeholders filled: name, value, name, value… */
    String get(String key, Object... nameValues) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            params.put((String) nameValues[i], nameValues[i + 1]);
        }
        return BUNDLE.format(key, locale, params);
    }
}
