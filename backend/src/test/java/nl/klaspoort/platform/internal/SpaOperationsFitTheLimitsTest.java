package nl.klaspoort.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.execution.CoercedVariables;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.language.VariableDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

/**
 * The limits must stop an attacker, not the SPA: every operation the SPA sends ({@code frontend/graphql}), with the
 * largest page it may ask for ({@code first: 100}), stays within half of each limit of {@code application.yml}.
 */
class SpaOperationsFitTheLimitsTest {

    private static final GraphQlLimits LIMITS = limits();

    /** The limits as {@code application.yml} sets them. */
    private static GraphQlLimits limits() {
        try {
            var sources = new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"));
            return new Binder(ConfigurationPropertySources.from(sources)).bind("klaspoort.graphql", GraphQlLimits.class).get();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path folder, String extension) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(extension)).sorted().map(f -> {
                try {
                    return Files.readString(f);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).collect(Collectors.joining("\n"));
        }
    }

    @Test
    void everySpaOperationStaysWellWithinTheLimits() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        TypeDefinitionRegistry types = new SchemaParser().parse(read(root.resolve("schema"), ".graphqls"));
        GraphQLSchema schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(types);
        Document document = Parser.parse(read(root.resolve("frontend/graphql"), ".graphql"));
        OperationLimits limits = new OperationLimits(LIMITS, new nl.klaspoort.platform.Messages());

        Map<String, Integer> complexities = new HashMap<>();
        for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
            OperationLimits.Shape shape = OperationLimits.Shape.of(document, operation.getName(), LIMITS.maxFields());
            assertThat(shape.aliases()).as(operation.getName()).isLessThanOrEqualTo(LIMITS.maxAliases() / 2);
            assertThat(shape.rootFields()).as(operation.getName()).isLessThanOrEqualTo(LIMITS.maxRootFields() / 2);
            assertThat(shape.fields()).as(operation.getName()).isLessThanOrEqualTo(LIMITS.maxFields() / 2);
            if (operation.getOperation() == OperationDefinition.Operation.MUTATION) {
                continue; // a mutation's payload is small; its input needs real values
            }
            Map<String, Object> variables = new HashMap<>();
            for (VariableDefinition variable : operation.getVariableDefinitions()) {
                String type = graphql.schema.idl.TypeUtil.unwrapAll(variable.getType()).getName();
                Object value = switch (type) {
                    case "ID", "String" -> "1";
                    case "Int" -> variable.getName().equals("first") ? 100 : 1;
                    case "Boolean" -> false;
                    default -> null;
                };
                if (value != null) {
                    variables.put(variable.getName(), value);
                }
            }
            int complexity = limits.complexity(schema, document, operation.getName(), CoercedVariables.of(variables));
            complexities.put(operation.getName(), complexity);
            assertThat(complexity).as(operation.getName()).isLessThanOrEqualTo(LIMITS.maxComplexity() / 2);
        }
        assertThat(complexities).isNotEmpty();
        System.out.println("Complexity of the SPA's operations at first = 100: " + complexities);
    }
}
