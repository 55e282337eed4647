package nl.klaspoort.platform.internal;

import graphql.execution.DataFetcherResult;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.relay.Connection;
import graphql.schema.DataFetcher;
import java.util.concurrent.CompletionStage;
import org.springframework.stereotype.Component;

/**
 * A connection field whose fetcher was refused (an error from {@link GraphQlErrors}) stays null, so the error bubbles up
 * as for any other non-null field. Spring for GraphQL's connection support would otherwise answer a refused
 * {@code *Connection!} field with an empty connection (no edges, null non-null fields) next to the error.
 */
@Component
class RefusedConnections extends SimplePerformantInstrumentation {

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
            InstrumentationState state) {
        return env -> {
            Object result = fetcher.get(env);
            return result instanceof CompletionStage<?> stage ? stage.thenApply(RefusedConnections::nullWhenRefused)
                    : nullWhenRefused(result);
        };
    }

    private static Object nullWhenRefused(Object result) {
        if (result instanceof DataFetcherResult<?> refused && refused.hasErrors() && refused.getData() instanceof Connection<?>) {
            return DataFetcherResult.newResult().errors(refused.getErrors()).build();
        }
        return result;
    }
}
