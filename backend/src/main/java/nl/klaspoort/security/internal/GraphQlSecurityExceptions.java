package nl.klaspoort.security.internal;

import nl.klaspoort.security.AccessRefusedException;
import nl.klaspoort.security.CurrentUser;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/** Turns refused access into GraphQL errors that say no more than needed (NOT_FOUND hides other schools' data). */
@Component
class GraphQlSecurityExceptions extends DataFetcherExceptionResolverAdapter {

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
        return GraphqlErrorBuilder.newError(env).errorType(type).message(ex.getMessage()).build();
    }
}
