package nl.klaspoort.security.internal;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.OperationDefinition;
import java.util.List;
import java.util.Map;
import nl.klaspoort.security.CurrentUser;
import nl.klaspoort.security.KlaspoortUser;
import nl.klaspoort.security.SecurityEvents;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import reactor.core.publisher.Mono;

/**
 * Only subscriptions run over the WebSocket. Queries and mutations go over HTTP, where every state-changing request
 * needs the CSRF token; the socket carries the session cookie but no such token, so a mutation sent over it is refused
 * ({@code OPERATION_NOT_ALLOWED_OVER_WEBSOCKET}), and so is a query (a hijacked socket would read data). The SPA uses
 * the socket for live updates only.
 */
public final class WebSocketOperations extends SimplePerformantInstrumentation implements WebGraphQlInterceptor {

    private static final String OVER_WEBSOCKET = WebSocketOperations.class.getName() + ".overWebSocket";

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (request instanceof WebSocketGraphQlRequest) {
            request.configureExecutionInput((input, builder) -> {
                input.getGraphQLContext().put(OVER_WEBSOCKET, true);
                return input;
            });
        }
        return chain.next(request);
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
            InstrumentationState state) {
        var context = parameters.getExecutionContext();
        OperationDefinition.Operation operation = context.getOperationDefinition().getOperation();
        if (Boolean.TRUE.equals(context.getGraphQLContext().get(OVER_WEBSOCKET))
                && operation != OperationDefinition.Operation.SUBSCRIPTION) {
            SecurityEvents.record(SecurityEvents.Event.WEBSOCKET_OPERATION_REFUSED, "operation", operation,
                    "user", CurrentUser.find().map(KlaspoortUser::id).map(String::valueOf).orElse("-"));
            boolean english = context.getLocale() != null && "en".equals(context.getLocale().getLanguage());
            throw new AbortExecutionException(List.of(GraphqlErrorBuilder.newError()
                    .errorType(ErrorType.FORBIDDEN)
                    .message(english ? "Only subscriptions run over the WebSocket; send queries and mutations over HTTP."
                            : "Over de WebSocket lopen alleen abonnementen; stuur vragen en wijzigingen via HTTP.")
                    .extensions(Map.of("code", "OPERATION_NOT_ALLOWED_OVER_WEBSOCKET"))
                    .build()));
        }
        return super.beginExecuteOperation(parameters, state);
    }
}
