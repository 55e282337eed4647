package nl.klaspoort.security;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Turns refused access into GraphQL errors that say no more than needed (NOT_FOUND hides other schools' data), and
 * logs each refusal as a security event (the user id, the reason and the field's path; no data).
 */
@Component
class GraphQlSecurityExceptions extends DataFetcherExceptionResolverAdapter {

    GraphQlSecurityExceptions() {
        // the refusal is logged with the caller, whose security context lives in a ThreadLocal
        setThreadLocalContextAware(true);
    }

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        ErrorType type = switch (ex) {
            case CurrentUser.NotSignedInException e -> ErrorType.UNAUTHORIZED;
            case AccessRefusedException e when e.reason() == AccessRefusedException.Reason.NOT_FOUND -> ErrorType.NOT_FOUND;
            case AccessRefusedException e -> ErrorType.FORBIDDEN;
            default -> null;
        };
        if (type == null) {
            return null;
        }
        SecurityEvents.record(SecurityEvents.Event.ACCESS_REFUSED,
                "caller", String.valueOf(RequestLimits.caller(SecurityContextHolder.getContext().getAuthentication())),
                "reason", type, "field", env.getExecutionStepInfo().getPath());
        return GraphqlErrorBuilder.newError(env).errorType(type).message(ex.getMessage()).build();
    }
}
