package nl.klaspoort.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.MessagePattern;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The message bundle against the schema: every value of the GraphQL enum {@code ErrorCode} has its message
 * {@code error.<CODE>} in Dutch and in English, every Java error code is a value of that enum, and every message is
 * valid ICU that formats with its placeholders. The language of a request follows {@code Accept-Language}.
 */
class MessagesTest {

    private final Messages messages = new Messages();

    @Test
    void everyErrorCodeOfTheSchemaHasItsMessageInDutchAndEnglish() throws IOException {
        Set<String> codes = schemaErrorCodes();
        assertThat(codes).contains("NOT_FOUND", "ONLY_SUPERVISOR", "OVERLAP", "UNKNOWN_LESSON");
        Properties dutch = bundle("vaadin-i18n/translations.properties");
        Properties english = bundle("vaadin-i18n/translations_en.properties");
        for (String code : codes) {
            assertThat(dutch.getProperty("error." + code)).as("Dutch error.%s", code).isNotBlank();
            assertThat(english.getProperty("error." + code)).as("English error.%s", code).isNotBlank();
        }
        assertThat(dutch.stringPropertyNames()).filteredOn(k -> k.startsWith("error."))
                .allSatisfy(key -> assertThat(codes).as("%s names a value of ErrorCode", key).contains(key.substring(6)));
    }

    @Test
    void everyJavaErrorCodeIsAValueOfTheSchemasEnum() throws IOException {
        Set<String> codes = schemaErrorCodes();
        Set<String> java = new TreeSet<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("nl.klaspoort")) {
            if (type.isEnum() && type.isAssignableTo(ErrorCode.class)) {
                Arrays.stream(type.reflect().getEnumConstants()).map(c -> ((ErrorCode) c).name()).forEach(java::add);
            }
        }
        assertThat(java).contains("NOT_FOUND", "INVALID_EMAIL", "MALFORMED", "INVALID_WEEK", "NO_SCOPES");
        assertThat(codes).containsAll(java);
    }

    @Test
    void everyMessageIsValidIcuAndFormatsWithItsPlaceholders() throws IOException {
        for (String resource : new String[] {"vaadin-i18n/translations.properties", "vaadin-i18n/translations_en.properties"}) {
            Properties bundle = bundle(resource);
            for (String key : bundle.stringPropertyNames()) {
                MessageFormat format = new MessageFormat(bundle.getProperty(key), Locale.ROOT);
                assertThat(format.format(sampleArguments(bundle.getProperty(key))))
                        .as("%s in %s", key, resource).isNotBlank().doesNotContain("{");
            }
        }
    }

    @Test
    void placeholdersApostrophesAndSelectsAreFilledInTheCallersLanguage() {
        assertThat(messages.error(CommonError.ARGUMENT_OUT_OF_RANGE,
                Map.of("argument", "first", "min", "1", "max", "100", "value", "101"), Messages.ENGLISH))
                .isEqualTo("first must be between 1 and 100, was 101");
        assertThat(messages.error(CommonError.ARGUMENT_OUT_OF_RANGE,
                Map.of("argument", "first", "min", "1", "max", "100", "value", "101"), Messages.DUTCH))
                .isEqualTo("first ligt tussen 1 en 100; het was 101.");
        assertThat(messages.format("error.MALFORMED", Map.of("kind", "cidr", "value", "1.2.3.4/33"), Messages.DUTCH))
                .isEqualTo("'1.2.3.4/33' is geen geldig CIDR-blok, zoals 192.0.2.0/24 of 2001:db8::/48.");
        assertThat(messages.format("error.MALFORMED", Map.of("kind", "address", "value", "10.0.0"), Messages.DUTCH))
                .isEqualTo("'10.0.0' is geen geldig IPv4- of IPv6-adres.");
        assertThat(messages.error(CommonError.INVALID_NAME, Map.of("kind", "person"), Messages.DUTCH))
                .isEqualTo("Vul een geldige voor- en achternaam in.");
        assertThat(messages.format("error.TOO_MANY_ITEMS", Map.of("max", "1000"), Locale.of("de")))
                .as("an unknown language gets Dutch").isEqualTo("U kunt hoogstens 1000 items tegelijk wijzigen.");
    }

    @Test
    void theLanguageFollowsAcceptLanguageWithDutchAsDefault() {
        assertThat(Messages.language(null)).isEqualTo(Messages.DUTCH);
        assertThat(Messages.language("en-GB,en;q=0.9")).isEqualTo(Messages.ENGLISH);
        assertThat(Messages.language("fr-FR, en;q=0.5")).isEqualTo(Messages.ENGLISH);
        assertThat(Messages.language("de-DE")).isEqualTo(Messages.DUTCH);
        assertThat(Messages.language("nl-BE,en;q=0.8")).isEqualTo(Messages.DUTCH);
        assertThat(Messages.language("nonsense;;q=x")).isEqualTo(Messages.DUTCH);
    }

    /**
     * A value for every placeholder of a message, of the kind its format takes: a number for {@code {n, number}} and
     * {@code {n, plural, …}} (the SPA's counts), a date for {@code date}/{@code time}, text for the rest.
     */
    private static Map<String, Object> sampleArguments(String pattern) {
        MessagePattern parsed = new MessagePattern(pattern);
        Map<String, Object> arguments = new HashMap<>();
        for (int i = 0; i < parsed.countParts(); i++) {
            MessagePattern.Part part = parsed.getPart(i);
            if (part.getType() != MessagePattern.Part.Type.ARG_START) {
                continue;
            }
            String name = parsed.getSubstring(parsed.getPart(i + 1));
            Object value = switch (part.getArgType()) {
                case PLURAL, SELECTORDINAL, CHOICE -> 2;
                case SIMPLE -> switch (parsed.getSubstring(parsed.getPart(i + 2))) {
                    case "number" -> 2;
                    case "date", "time" -> new Date(0);
                    default -> "x";
                };
                default -> "x";
            };
            arguments.merge(name, value, (before, now) -> before instanceof String ? now : before);
        }
        return arguments;
    }

    /** The values of {@code enum ErrorCode} and every {@code extend enum ErrorCode} of the schema. */
    static Set<String> schemaErrorCodes() throws IOException {
        Set<String> codes = new TreeSet<>();
        Pattern block = Pattern.compile("(?:extend\\s+)?enum\\s+ErrorCode\\s*\\{([^}]*)}");
        for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:graphql/*.graphqls")) {
            String sdl = file.getContentAsString(StandardCharsets.UTF_8);
            Matcher m = block.matcher(sdl);
            while (m.find()) {
                String body = m.group(1).replaceAll("\"\"\"[\\s\\S]*?\"\"\"|\"[^\"\\n]*\"|#.*", " ");
                Arrays.stream(body.trim().split("\\s+")).filter(s -> s.matches("[A-Z][A-Z0-9_]*")).forEach(codes::add);
            }
        }
        return codes;
    }

    private static Properties bundle(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getClassLoader().getResourceAsStream(resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
