package nl.klaspoort.support;

import graphql.language.AstPrinter;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.Node;
import graphql.language.NodeTraverser;
import graphql.language.NodeVisitorStub;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The SPA's GraphQL operations ({@code frontend/graphql/*.graphql}, by path, so a change there is tested here) put
 * together as the SPA's code generator does: an operation, or a whole file of them, with every fragment it spreads,
 * from whichever file defines it.
 */
public final class SpaDocuments {

    private static final List<Definition> SPA = read();

    private SpaDocuments() {}

    /** The SPA's operation of this name with the fragments it spreads. */
    public static String operation(String name) {
        Definition operation = SPA.stream()
                .filter(d -> d instanceof OperationDefinition o && name.equals(o.getName()))
                .findFirst().orElseThrow(() -> new AssertionError("no SPA operation " + name));
        return print(new ArrayList<>(List.of(operation)));
    }

    /** A document (an SPA file, or a test's own) with the SPA fragments it spreads but does not define added. */
    public static String completed(String document) {
        List<Definition> definitions = new ArrayList<>(Parser.parse(document).getDefinitions());
        return print(definitions);
    }

    private static String print(List<Definition> definitions) {
        Set<String> defined = new HashSet<>();
        definitions.forEach(d -> {
            if (d instanceof FragmentDefinition f) {
                defined.add(f.getName());
            }
        });
        for (int i = 0; i < definitions.size(); i++) {
            new NodeTraverser().depthFirst(new NodeVisitorStub() {
                @Override
                public TraversalControl visitFragmentSpread(FragmentSpread node, TraverserContext<Node> context) {
                    if (defined.add(node.getName())) {
                        definitions.add(SPA.stream()
                                .filter(d -> d instanceof FragmentDefinition f && f.getName().equals(node.getName()))
                                .findFirst().orElseThrow(() -> new AssertionError("no SPA fragment " + node.getName())));
                    }
                    return TraversalControl.CONTINUE;
                }
            }, definitions.get(i));
        }
        return AstPrinter.printAst(Document.newDocument().definitions(definitions).build());
    }

    private static List<Definition> read() {
        List<Definition> definitions = new ArrayList<>();
        try {
            for (Resource file : new PathMatchingResourcePatternResolver().getResources("file:../frontend/graphql/*.graphql")) {
                definitions.addAll(Parser.parse(file.getContentAsString(StandardCharsets.UTF_8)).getDefinitions());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return definitions;
    }
}
