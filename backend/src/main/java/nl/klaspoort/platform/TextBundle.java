package nl.klaspoort.platform;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.MessagePattern;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Texts for people in Dutch (the default and every key's fallback) and English: {@code <name>.properties} and
 * {@code <name>_en.properties} on the classpath, UTF-8, ICU message syntax with named placeholders ({@code {count,
 * plural, one {…} other {…}}}). {@link Instant} and {@link LocalDate} values are dates in Europe/Amsterdam.
 */
public final class TextBundle {

    public static final Locale DUTCH = Locale.of("nl");
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final TimeZone AMSTERDAM_ICU = TimeZone.getTimeZone("Europe/Amsterdam");

    private final String name;
    private final Properties dutch;
    private final Properties english;

    private TextBundle(String name) {
        this.name = name;
        this.dutch = load(name + ".properties", null);
        this.english = load(name + "_en.properties", dutch);
    }

    /** Loads {@code name.properties} and {@code name_en.properties}, e.g. {@code of("mail/mail")}. */
    public static TextBundle of(String name) {
        return new TextBundle(name);
    }

    /** The language texts are written in: English for English, Dutch for any other (or none). */
    public static Locale language(Locale requested) {
        return requested != null && requested.getLanguage().equals("en") ? Locale.ENGLISH : DUTCH;
    }

    /** The text of {@code key} in {@code language}, its placeholders filled from {@code params}. */
    public String format(String key, Locale language, Map<String, ?> params) {
        Locale locale = language(language);
        String pattern = (locale == DUTCH ? dutch : english).getProperty(key);
        if (pattern == null) {
            throw new IllegalStateException("no text " + key + " in " + name);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        Set<String> counted = counted(pattern);
        params.forEach((k, v) -> values.put(k, switch (v) {
            case String text when counted.contains(k) && text.matches("-?\\d+") -> Long.parseLong(text);
            case Instant instant -> Date.from(instant);
            case LocalDate date -> Date.from(date.atStartOfDay(AMSTERDAM).toInstant());
            case null -> "";
            default -> v;
        }));
        MessageFormat format = new MessageFormat(pattern, ULocale.forLocale(locale));
        for (var sub : format.getFormats()) {
            if (sub instanceof DateFormat date) {
                date.setTimeZone(AMSTERDAM_ICU);
            }
        }
        return format.format(values);
    }

    /**
     * The params the message counts ({@code {count, plural, …}}, {@code {n, number}}): params may travel as text
     * (GraphQL {@code ErrorParam}), and ICU picks a plural form or formats a number only for a number.
     */
    private static Set<String> counted(String pattern) {
        MessagePattern parsed = new MessagePattern(pattern);
        Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < parsed.countParts(); i++) {
            MessagePattern.Part part = parsed.getPart(i);
            if (part.getType() != MessagePattern.Part.Type.ARG_START) {
                continue;
            }
            boolean counts = switch (part.getArgType()) {
                case PLURAL, SELECTORDINAL -> true;
                case SIMPLE -> "number".equals(parsed.getSubstring(parsed.getPart(i + 2)));
                default -> false;
            };
            if (counts) {
                names.add(parsed.getSubstring(parsed.getPart(i + 1)));
            }
        }
        return names;
    }

    /** Whether the language has the key (its own or the Dutch fallback). */
    public boolean has(String key, Locale language) {
        return (language(language) == DUTCH ? dutch : english).getProperty(key) != null;
    }

    /** The keys written in each language (English's own, without the Dutch fallback), for tests that keep them in step. */
    public Map<Locale, Set<String>> keys() {
        return Map.of(DUTCH, dutch.stringPropertyNames(),
                Locale.ENGLISH, english.keySet().stream().map(String::valueOf).collect(java.util.stream.Collectors.toSet()));
    }

    private static Properties load(String resource, Properties defaults) {
        Properties properties = defaults == null ? new Properties() : new Properties(defaults);
        try (InputStream in = TextBundle.class.getClassLoader().getResourceAsStream(resource)) {
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
