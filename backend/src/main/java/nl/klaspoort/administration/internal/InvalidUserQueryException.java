package nl.klaspoort.administration.internal;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/** Bad arguments to a user list (page size, cursor, filter): a BAD_REQUEST error that says what is wrong. */
public class InvalidUserQueryException extends RuntimeException {

    public InvalidUserQueryException(String message) {
        super(message);
    }

    @Component
    static class Resolver extends DataFetcherExceptionResolverAdapter {
        @Override
        protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
            return ex instanceof InvalidUserQueryException
                    ? GraphqlErrorBuilder.newError(env).errorType(ErrorType.BAD_REQUEST).message(ex.getMessage()).build()
                    : null;
        }
    }
}
