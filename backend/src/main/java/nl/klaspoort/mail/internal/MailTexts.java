package nl.klaspoort.mail.internal;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The mails' texts in one language: {@code mail/mail.properties} (Dutch, also the fallback of every key) and
 * {@code mail/mail_en.properties}, ICU message syntax with named placeholders. Dates and times passed as
 * {@link Instant} or {@link LocalDate} are formatted in Europe/Amsterdam.
 */
final class MailTexts {

    static final Locale DUTCH = Locale.of("nl");
    private static final TimeZone AMSTERDAM = TimeZone.getTimeZone("Europe/Amsterdam");
    private static final Properties DUTCH_TEXTS = load("mail/mail.properties", null);
    private static final Properties ENGLISH_TEXTS = load("mail/mail_en.properties", DUTCH_TEXTS);

    private final Locale locale;
    private final Properties texts;

    private MailTexts(Locale locale, Properties texts) {
        this.locale = locale;
        this.texts = texts;
    }

    /** English for English, Dutch for any other language. */
    static MailTexts of(Locale language) {
        return language != null && language.getLanguage().equals("en")
                ? new MailTexts(Locale.ENGLISH, ENGLISH_TEXTS) : new MailTexts(DUTCH, DUTCH_TEXTS);
    }

    Locale locale() {
        return locale;
    }

    /** The text of {@code key} with its placeholders filled: name, value, name, value… */
    String get(String key, Object... nameValues) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            Object value = nameValues[i + 1];
            params.put((String) nameValues[i], switch (value) {
                case Instant instant -> Date.from(instant);
                case LocalDate date -> Date.from(date.atStartOfDay(java.time.ZoneId.of("Europe/Amsterdam")).toInstant());
                case null -> "";
                default -> value;
            });
        }
        String pattern = texts.getProperty(key);
        if (pattern == null) {
            throw new IllegalStateException("no mail text " + key);
        }
        MessageFormat format = new MessageFormat(pattern, ULocale.forLocale(locale));
        for (var sub : format.getFormats()) {
            if (sub instanceof DateFormat date) {
                date.setTimeZone(AMSTERDAM);
            }
        }
        return format.format(params);
    }

    /** Every key of both languages, for the test that keeps them in step. */
    static Map<Locale, java.util.Set<String>> keys() {
        return Map.of(DUTCH, DUTCH_TEXTS.stringPropertyNames(), Locale.ENGLISH, ownKeys(ENGLISH_TEXTS));
    }

    private static java.util.Set<String> ownKeys(Properties properties) {
        return properties.keySet().stream().map(String::valueOf).collect(java.util.stream.Collectors.toSet());
    }

    private static Properties load(String resource, Properties defaults) {
        Properties properties = defaults == null ? new Properties() : new Properties(defaults);
        try (InputStream in = MailTexts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
