package nl.klaspoort.platform;

import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    private final TextBundle bundle = TextBundle.of(BUNDLE);

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
        return bundle.format(key, locale, params);
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
        return bundle.has(key, locale);
    }
}
