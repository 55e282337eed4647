package nl.klaspoort.platform;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.MessagePattern;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.springframework.stereotype.Component;

/**
 * The texts the server writes for people, in their language: one bundle shared with the SPA,
 * {@code vaadin-i18n/translations.properties} (Dutch, the default) and {@code translations_en.properties} (English), in
 * ICU message syntax with named placeholders ({@code {max}}), as {@code @vaadin/hilla-react-i18n} reads it. The server
 * owns the keys {@code error.<CODE>} and {@code auditchange.*}; the SPA adds its own keys to the same files.
 */
@Component
public class Messages {

    /** Dutch: the default language, and the fallback of every other. */
    public static final Locale DUTCH = Locale.of("nl");
    public static final Locale ENGLISH = Locale.ENGLISH;
    /** The languages the server speaks, default first. */
    public static final List<Locale> LANGUAGES = List.of(DUTCH, ENGLISH);

    private static final String BUNDLE = "vaadin-i18n/translations";

    private final Properties dutch = load(BUNDLE + ".properties", null);
    private final Properties english = load(BUNDLE + "_en.properties", dutch);

    /**
     * The key under which the caller's language is kept in the GraphQL context too, for batch loaders (which do not
     * see the execution input's locale).
     */
    public static final String CONTEXT_KEY = "klaspoort.language";

    /** The caller's language as kept in the GraphQL context; Dutch when none was set. */
    public static Locale languageOf(graphql.GraphQLContext context) {
        Locale locale = context == null ? null : context.get(CONTEXT_KEY);
        return locale == null ? DUTCH : locale;
    }

    /** The language of an {@code Accept-Language} header among {@link #LANGUAGES}; Dutch when none matches. */
    public static Locale language(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return DUTCH;
        }
        try {
            Locale match = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), LANGUAGES);
            return match == null ? DUTCH : match;
        } catch (IllegalArgumentException e) {
            return DUTCH;
        }
    }

    /** The message {@code key} in the language of {@code locale}, its placeholders filled from {@code params}. */
    public String format(String key, Map<String, ?> params, Locale locale) {
        String pattern = bundle(locale).getProperty(key);
        if (pattern == null) {
            throw new IllegalStateException("no message " + key + " in " + BUNDLE);
        }
        return new MessageFormat(pattern, ULocale.forLocale(locale)).format(counted(pattern, params));
    }

    /**
     * The params with those the message counts ({@code {count, plural, …}}, {@code {n, number}}) as numbers: params
     * travel as text (GraphQL {@code ErrorParam}), and ICU picks a plural form only for a number.
     */
    private static Map<String, ?> counted(String pattern, Map<String, ?> params) {
        MessagePattern parsed = new MessagePattern(pattern);
        Map<String, Object> values = null;
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
            String name = parsed.getSubstring(parsed.getPart(i + 1));
            if (counts && params.get(name) instanceof String text && text.matches("-?\\d+")) {
                values = values == null ? new java.util.HashMap<>(params) : values;
                values.put(name, Long.parseLong(text));
            }
        }
        return values == null ? params : values;
    }

    /** The message of an error code ({@code error.<CODE>}). */
    public String error(ErrorCode code, Map<String, ?> params, Locale locale) {
        return format(code.messageKey(), params, locale);
    }

    /**
     * The JSON body of an error answered over plain HTTP (uploads, downloads): {@code code}, {@code message} in the
     * language of the {@code Accept-Language} header, {@code params}; the shape of a GraphQL {@code PayloadError}.
     */
    public Map<String, Object> errorBody(ErrorCode code, Map<String, ?> params, String acceptLanguage) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        params.forEach((name, value) -> values.put(name, String.valueOf(value)));
        return Map.of("code", code.name(), "message", error(code, values, language(acceptLanguage)), "params", values);
    }

    /** Whether the bundle of the language has the key (its own or the Dutch fallback). */
    public boolean has(String key, Locale locale) {
        return bundle(locale).getProperty(key) != null;
    }

    private Properties bundle(Locale locale) {
        return locale != null && ENGLISH.getLanguage().equals(locale.getLanguage()) ? english : dutch;
    }

    private static Properties load(String resource, Properties defaults) {
        Properties properties = defaults == null ? new Properties() : new Properties(defaults);
        try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(resource)) {
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
