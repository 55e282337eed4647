package nl.klaspoort;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;

/**
 * Every table has one owning module, which alone writes it (domain spec, "Ownership"). The owner map is the table in
 * {@code docs/architecture.md}; this test reads it, checks that it names every table the migrations create and only
 * modules that exist, and scans the SQL text (string literals and text blocks) of each module's main sources for
 * {@code insert into}, {@code update}, {@code delete from}, {@code merge into} and {@code copy} of a table. A module that
 * writes a table it does not own fails the build. Flyway migrations are exempt; tests may prepare data as they like.
 */
class TableOwnershipTest {

    private static final Path SOURCES = Path.of("src/main/java/nl/klaspoort");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Path ARCHITECTURE = Path.of("../docs/architecture.md");

    /** String literals and text blocks of Java source. */
    private static final Pattern LITERAL = Pattern.compile("\"\"\"([\\s\\S]*?)\"\"\"|\"((?:\\\\.|[^\"\\\\\\n])*)\"");
    /** A statement that writes a table, and the table. */
    private static final Pattern WRITE = Pattern.compile(
            "\\b(?:insert\\s+into|delete\\s+from|merge\\s+into|copy)\\s+(\\w+)|\\bupdate\\s+(\\w+)(?:\\s+(?:as\\s+)?\\w+)?\\s+set\\b");

    @Test
    void everyTableHasOneOwnerAndEveryOwnerIsAModule() throws IOException {
        Map<String, String> owners = ownerMap();
        Set<String> tables = new TreeSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.toList()) {
                Matcher m = Pattern.compile("(?i)create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?(\\w+)").matcher(Files.readString(file));
                while (m.find()) {
                    tables.add(m.group(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        assertThat(owners.keySet()).as("the owner map of docs/architecture.md lists exactly the tables of the migrations")
                .containsExactlyInAnyOrderElementsOf(tables);
        Set<String> modules = new TreeSet<>(ArchitectureTest.MODULES.stream().map(ApplicationModule::getIdentifier)
                .map(Object::toString).toList());
        assertThat(modules).containsAll(owners.values());
    }

    @Test
    void aModuleWritesOnlyTheTablesItOwns() throws IOException {
        Map<String, String> owners = ownerMap();
        List<String> violations = new ArrayList<>();
        int writes = 0;
        try (Stream<Path> modules = Files.list(SOURCES)) {
            for (Path module : modules.filter(Files::isDirectory).toList()) {
                String name = module.getFileName().toString();
                try (Stream<Path> files = Files.walk(module)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                        for (String table : writtenTables(Files.readString(file, StandardCharsets.UTF_8))) {
                            writes++;
                            String owner = owners.get(table);
                            if (!name.equals(owner)) {
                                violations.add("%s writes %s, owned by %s".formatted(SOURCES.relativize(file), table, owner));
                            }
                        }
                    }
                }
            }
        }
        assertThat(writes).as("the scan finds the application's writes").isGreaterThan(30);
        assertThat(violations).isEmpty();
    }

    @Test
    void theScanFindsEveryKindOfWriteAndNoReadsOrLocks() {
        String source = """
                class Example {
                    String a = "insert into role_grant (school_id) values (1)";
                    String b = \"""
                            update school_member m set archived_at = null
                            \""";
                    String c = "delete from enrollment_supervisor es using enrollment e";
                    String d = "with x as (insert into audit_event (id) values (1)) select 1";
                    String e = "select * from app_user for update of m";
                    String f = "insert into product_assignment select 1 on conflict do update set x = 1";
                    String g = "UPDATE app_user SET grade_year = 1";
                    String h = "copy practice_session from stdin";
                }
                """;
        assertThat(writtenTables(source)).containsExactly("role_grant", "school_member", "enrollment_supervisor",
                "audit_event", "product_assignment", "app_user", "practice_session");
    }

    /** The tables the SQL in the Java source writes, in order of appearance. */
    static List<String> writtenTables(String javaSource) {
        List<String> tables = new ArrayList<>();
        Matcher literal = LITERAL.matcher(javaSource);
        while (literal.find()) {
            String sql = (literal.group(1) != null ? literal.group(1) : literal.group(2)).toLowerCase(Locale.ROOT);
            Matcher write = WRITE.matcher(sql);
            while (write.find()) {
                tables.add(write.group(1) != null ? write.group(1) : write.group(2));
            }
        }
        return tables;
    }

    /** The owner map: table → module, from the table under "Owner map" in docs/architecture.md. */
    static Map<String, String> ownerMap() throws IOException {
        String doc = Files.readString(ARCHITECTURE, StandardCharsets.UTF_8);
        String section = doc.substring(doc.indexOf("## Owner map"));
        section = section.substring(0, section.indexOf("\n## ", 3) < 0 ? section.length() : section.indexOf("\n## ", 3));
        Map<String, String> owners = new LinkedHashMap<>();
        Matcher row = Pattern.compile("(?m)^\\|\\s*`(\\w+)`\\s*\\|\\s*`?(\\w+)`?\\s*\\|").matcher(section);
        while (row.find()) {
            assertThat(owners.put(row.group(1), row.group(2))).as("%s has one owner", row.group(1)).isNull();
        }
        return owners;
    }
}
