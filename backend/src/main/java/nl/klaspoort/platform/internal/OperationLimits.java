package nl.klaspoort.platform.internal;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.QueryComplexityCalculator;
import graphql.execution.AbortExecutionException;
import graphql.execution.CoercedVariables;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Node;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.klaspoort.platform.ErrorCode;
import nl.klaspoort.platform.Messages;
import org.springframework.graphql.execution.ErrorType;

/**
 * The cost limits of {@link GraphQlLimits}, checked for every operation before it runs (graphql-cop's alias
 * overloading, field duplication and directive overloading; the OWASP GraphQL cheat sheet's cost analysis). The shape
 * (aliases, root fields, fields, directives) is checked before validation, so a hostile document is refused with one
 * error and no work; the complexity after validation, when argument values and types are known.
 */
public final class OperationLimits extends SimplePerformantInstrumentation {

    /**
     * Why an operation was refused; {@code extensions.code} of the error (in {@code common.graphqls}), its message
     * {@code error.<CODE>} of the bundle with {@code limit} and {@code actual}.
     */
    public enum Code implements ErrorCode {
        TOO_MANY_ALIASES, TOO_MANY_ROOT_FIELDS, TOO_MANY_FIELDS, TOO_MANY_DIRECTIVES, REPEATED_DIRECTIVE, TOO_COMPLEX
    }

    private final GraphQlLimits limits;
    private final Messages messages;

    public OperationLimits(GraphQlLimits limits, Messages messages) {
        this.limits = limits;
        this.messages = messages;
    }

    @Override
    public InstrumentationContext<List<graphql.validation.ValidationError>> beginValidation(
            InstrumentationValidationParameters parameters, InstrumentationState state) {
        Shape shape = Shape.of(parameters.getDocument(), parameters.getExecutionInput().getOperationName(), limits.maxFields());
        Locale locale = parameters.getExecutionInput().getLocale();
        if (shape.repeatedDirective()) {
            throw refuse(locale, Code.REPEATED_DIRECTIVE, 1, 2);
        }
        if (shape.directives() > limits.maxDirectives()) {
            throw refuse(locale, Code.TOO_MANY_DIRECTIVES, limits.maxDirectives(), shape.directives());
        }
        if (shape.aliases() > limits.maxAliases()) {
            throw refuse(locale, Code.TOO_MANY_ALIASES, limits.maxAliases(), shape.aliases());
        }
        if (shape.fields() > limits.maxFields()) {
            throw refuse(locale, Code.TOO_MANY_FIELDS, limits.maxFields(), shape.fields());
        }
        if (shape.rootFields() > limits.maxRootFields()) {
            throw refuse(locale, Code.TOO_MANY_ROOT_FIELDS, limits.maxRootFields(), shape.rootFields());
        }
        return super.beginValidation(parameters, state);
    }

    @Override
    public InstrumentationContext<graphql.ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        ExecutionContext context = parameters.getExecutionContext();
        int complexity = complexity(context.getGraphQLSchema(), context.getDocument(),
                context.getOperationDefinition().getName(), context.getCoercedVariables());
        if (complexity > limits.maxComplexity()) {
            throw refuse(context.getLocale(), Code.TOO_COMPLEX, limits.maxComplexity(), complexity);
        }
        return super.beginExecuteOperation(parameters, state);
    }

    /** The complexity of an operation as this instrumentation computes it (for tests of the SPA's own operations). */
    public int complexity(GraphQLSchema schema, Document document, String operationName, CoercedVariables variables) {
        return QueryComplexityCalculator.newCalculator()
                .fieldComplexityCalculator(fieldComplexity())
                .schema(schema).document(document).operationName(operationName).variables(variables)
                .build().calculate();
    }

    /**
     * A field costs 1 plus its children's cost times its multiplier: its {@code first} argument (a page of a
     * connection), or the list size estimate for other list fields. The {@code edges} of a connection are already
     * counted by the connection's {@code first}. Introspection below {@code __schema}/{@code __type} counts 1: it is
     * bounded by graphql-java's good-faith introspection check and switched off in production.
     */
    private FieldComplexityCalculator fieldComplexity() {
        return (env, childComplexity) -> {
            String name = env.getField().getName();
            if (name.equals("__schema") || name.equals("__type")) {
                return 1;
            }
            long multiplier = 1;
            if (env.getArguments().get("first") instanceof Number first) {
                multiplier = Math.max(1, first.longValue());
            } else if (GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(env.getFieldDefinition().getType()))
                    && !env.getParentType().getName().endsWith("Connection")) {
                multiplier = limits.listSizeEstimate();
            }
            return (int) Math.min(Integer.MAX_VALUE / 2, 1 + multiplier * childComplexity);
        };
    }

    private AbortExecutionException refuse(Locale locale, Code code, int limit, int actual) {
        Map<String, Object> params = Map.of("limit", limit, "actual", actual);
        GraphQLError error = GraphqlErrorBuilder.newError()
                .errorType(ErrorType.BAD_REQUEST)
                .message(messages.error(code, params, locale == null ? Messages.DUTCH : locale))
                .extensions(Map.of("code", code.name(), "params", params))
                .build();
        return new AbortExecutionException(List.of(error));
    }

    /**
     * The shape of the operation to run, with its fragments expanded (a fragment spread twice counts twice). The walk
     * stops as soon as more than {@code maxFields} fields are seen, so a fragment bomb costs no more than that.
     */
    record Shape(int aliases, int rootFields, int fields, int directives, boolean repeatedDirective) {

        static Shape of(Document document, String operationName, int maxFields) {
            Map<String, FragmentDefinition> fragments = new HashMap<>();
            OperationDefinition operation = null;
            int operations = 0;
            for (var definition : document.getDefinitions()) {
                if (definition instanceof FragmentDefinition fragment) {
                    fragments.putIfAbsent(fragment.getName(), fragment);
                } else if (definition instanceof OperationDefinition candidate) {
                    operations++;
                    if (operationName == null || operationName.equals(candidate.getName())) {
                        operation = candidate;
                    }
                }
            }
            Counter directives = new Counter();
            directives.visit(document);
            if (operation == null || (operationName == null && operations > 1)) {
                // validation reports the missing or ambiguous operation
                return new Shape(0, 0, 0, directives.directives, directives.repeated);
            }
            Walk walk = new Walk(fragments, maxFields);
            walk.selections(operation.getSelectionSet(), true);
            return new Shape(walk.aliases, walk.rootFields, walk.fields, directives.directives, directives.repeated);
        }
    }

    /** Counts the directives of every node of the document and notices one repeated on the same node. */
    private static final class Counter {
        int directives;
        boolean repeated;

        void visit(Node<?> node) {
            if (node instanceof graphql.language.DirectivesContainer<?> container) {
                Set<String> names = new HashSet<>();
                for (Directive directive : container.getDirectives()) {
                    directives++;
                    repeated |= !names.add(directive.getName());
                }
            }
            for (Node<?> child : node.getChildren()) {
                if (!(child instanceof Directive)) {
                    visit(child);
                }
            }
        }
    }

    private static final class Walk {
        private final Map<String, FragmentDefinition> fragments;
        private final int maxFields;
        private final Deque<String> expanding = new ArrayDeque<>();
        int aliases;
        int rootFields;
        int fields;

        Walk(Map<String, FragmentDefinition> fragments, int maxFields) {
            this.fragments = fragments;
            this.maxFields = maxFields;
        }

        void selections(SelectionSet set, boolean root) {
            if (set == null) {
                return;
            }
            for (Selection<?> selection : set.getSelections()) {
                if (fields > maxFields) {
                    return;
                }
                switch (selection) {
                    case Field field -> {
                        fields++;
                        if (root) {
                            rootFields++;
                        }
                        if (field.getAlias() != null) {
                            aliases++;
                        }
                        if (!field.getName().equals("__schema") && !field.getName().equals("__type")) {
                            selections(field.getSelectionSet(), false);
                        }
                    }
                    case InlineFragment inline -> selections(inline.getSelectionSet(), root);
                    case FragmentSpread spread -> {
                        FragmentDefinition fragment = fragments.get(spread.getName());
                        // unknown and cyclic fragments are left to validation
                        if (fragment != null && !expanding.contains(spread.getName())) {
                            expanding.push(spread.getName());
                            selections(fragment.getSelectionSet(), root);
                            expanding.pop();
                        }
                    }
                    default -> { }
                }
            }
        }
    }
}
