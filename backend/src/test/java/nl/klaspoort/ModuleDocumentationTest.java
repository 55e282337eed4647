package nl.klaspoort;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module documentation is generated, and {@code docs/architecture.md} says what it says: Spring Modulith's
 * {@link Documenter} writes the component diagram, one diagram and one canvas per module into
 * {@code target/spring-modulith-docs}; the module map of {@code docs/architecture.md} must list exactly the modules,
 * each with the modules it depends on (and every event Modulith finds it publishes), and
 * {@code docs/modules/components.puml} must be the generated diagram ({@code -Ddocs.update=true} copies it there).
 */
class ModuleDocumentationTest {

    private static final ApplicationModules MODULES = ArchitectureTest.MODULES;
    private static final Path ARCHITECTURE = Path.of("../docs/architecture.md");
    private static final Path OUTPUT = Path.of("target/spring-modulith-docs");
    private static final Path COMMITTED = Path.of("../docs/modules/components.puml");

    @Test
    void theModuleMapOfArchitectureMdIsTheGeneratedGraph() throws IOException {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(OUTPUT.toString())).writeDocumentation();
        Map<String, Set<String>> dependencies = new TreeMap<>();
        Map<String, Set<String>> events = new TreeMap<>();
        for (ApplicationModule module : MODULES) {
            String name = module.getIdentifier().toString();
            dependencies.put(name, module.getDirectDependencies(MODULES).uniqueModules()
                    .map(m -> m.getIdentifier().toString()).collect(Collectors.toCollection(TreeSet::new)));
            events.put(name, module.getPublishedEvents().stream().map(e -> e.getType().getSimpleName())
                    .collect(Collectors.toCollection(TreeSet::new)));
        }
        Map<String, Set<String>> documentedDependencies = new TreeMap<>();
        Map<String, Set<String>> documentedEvents = new TreeMap<>();
        moduleMap(documentedDependencies, documentedEvents);
        assertThat(documentedDependencies).as("modules and their dependencies in docs/architecture.md (module map)")
                .isEqualTo(dependencies);
        events.forEach((module, published) -> assertThat(documentedEvents.get(module))
                .as("events %s publishes, in docs/architecture.md (module map)", module).containsAll(published));

        String generated = Files.readString(OUTPUT.resolve("components.puml"), StandardCharsets.UTF_8);
        if (Boolean.getBoolean("docs.update")) {
            Files.createDirectories(COMMITTED.getParent());
            Files.writeString(COMMITTED, generated, StandardCharsets.UTF_8);
        }
        // the generator's element order varies between runs: compare the diagram's lines, not their order
        assertThat(Files.readAllLines(COMMITTED, StandardCharsets.UTF_8))
                .as("docs/modules/components.puml is the generated diagram (refresh with -Ddocs.update=true)")
                .containsExactlyInAnyOrderElementsOf(generated.lines().toList());
    }

    /** The rows of "## Module map": | `module` | tables | API | events | depends on |. */
    private static void moduleMap(Map<String, Set<String>> dependencies, Map<String, Set<String>> events) throws IOException {
        String doc = Files.readString(ARCHITECTURE, StandardCharsets.UTF_8);
        String section = doc.substring(doc.indexOf("## Module map"));
        section = section.substring(0, section.indexOf("\n## ", 3));
        Matcher row = Pattern.compile("(?m)^\\|\\s*`(\\w+)`\\s*\\|[^|]*\\|[^|]*\\|([^|]*)\\|([^|]*)\\|\\s*$").matcher(section);
        while (row.find()) {
            dependencies.put(row.group(1), names(row.group(3)));
            events.put(row.group(1), names(row.group(2)));
        }
    }

    private static Set<String> names(String cell) {
        return Arrays.stream(cell.replace("`", "").split("[,\\s]+")).map(String::strip)
                .filter(s -> !s.isEmpty() && !s.equals("—")).collect(Collectors.toCollection(TreeSet::new));
    }
}
