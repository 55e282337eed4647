package nl.klaspoort.platform.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What one GraphQL operation may cost ({@code klaspoort.graphql.*}). Checked before anything runs, so that one caller
 * cannot make the server slow for the others. The values are in {@code docs/security.md}.
 *
 * @param maxDepth deepest nesting of fields
 * @param maxAliases aliased fields in an operation, fragments expanded
 * @param maxRootFields fields directly under the operation (each one runs its own statements)
 * @param maxFields fields in an operation, fragments expanded; introspection below {@code __schema}/{@code __type} is
 *     bounded by graphql-java's good-faith introspection check instead
 * @param maxDirectives directives in a document (and never the same directive twice on one field)
 * @param maxComplexity the cost of an operation: every field costs 1 plus its children multiplied by the field's
 *     {@code first} argument, or by {@code listSizeEstimate} for other lists
 * @param listSizeEstimate the assumed length of a list field without {@code first}
 * @param requestTimeout an operation still running after this is answered with 503 (its statements are bounded by
 *     the statement timeout)
 */
@ConfigurationProperties("klaspoort.graphql")
public record GraphQlLimits(int maxDepth, int maxAliases, int maxRootFields, int maxFields, int maxDirectives,
        int maxComplexity, int listSizeEstimate, Duration requestTimeout) {
}
