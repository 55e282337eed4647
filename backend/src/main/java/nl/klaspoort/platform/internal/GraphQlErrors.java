package nl.klaspoort.platform.internal;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.Map;
import nl.klaspoort.platform.AccessRefusedException;
import nl.klaspoort.platform.BadRequestException;
import nl.klaspoort.platform.CommonError;
import nl.klaspoort.platform.ErrorCode;
import nl.klaspoort.platform.Messages;
import nl.klaspoort.platform.RefusalObserver;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * The one mapping of exceptions to GraphQL errors, for every module. Refused access says no more than needed
 * (NOT_FOUND hides other schools' data); a bad argument says what is wrong. Messages are in the caller's language;
 * {@code extensions} carry {@code code} and {@code params} so a client can render its own text.
 */
@ControllerAdvice
class GraphQlErrors {

    private final Messages messages;
    private final List<RefusalObserver> observers;

    GraphQlErrors(Messages messages, ObjectProvider<RefusalObserver> observers) {
        this.messages = messages;
        this.observers = observers.orderedStream().toList();
    }

    @GraphQlExceptionHandler
    GraphQLError refused(AccessRefusedException e, DataFetchingEnvironment env) {
        observers.forEach(observer -> observer.refused(e, env));
        return switch (e.reason()) {
            case NOT_FOUND -> error(env, ErrorType.NOT_FOUND, CommonError.NOT_FOUND, Map.of());
            case FORBIDDEN -> error(env, ErrorType.FORBIDDEN, CommonError.FORBIDDEN, Map.of());
            case UNAUTHORIZED -> error(env, ErrorType.UNAUTHORIZED, CommonError.UNAUTHORIZED, Map.of());
        };
    }

    @GraphQlExceptionHandler
    GraphQLError badRequest(BadRequestException e, DataFetchingEnvironment env) {
        return error(env, ErrorType.BAD_REQUEST, e.code(), e.params());
    }

    /**
     * An argument the resolver could not read as its type (an id that is no number: {@code studentId: "abc"}): the
     * same INVALID_ID as the modules' own id checks, naming the argument, instead of a generic internal error.
     */
    @GraphQlExceptionHandler
    GraphQLError unreadableArgument(BindException e, DataFetchingEnvironment env) {
        FieldError field = e.getFieldError();
        String value = field == null || field.getRejectedValue() == null ? "" : String.valueOf(field.getRejectedValue());
        // the binder names a top-level argument "$": name it by the argument that holds the value
        String argument = field != null && !field.getField().startsWith("$") ? field.getField()
                : env.getArguments().entrySet().stream().filter(a -> value.equals(String.valueOf(a.getValue())))
                        .map(Map.Entry::getKey).findFirst().orElse(e.getObjectName());
        return error(env, ErrorType.BAD_REQUEST, CommonError.INVALID_ID,
                Map.of("argument", argument, "value", value.length() > 40 ? value.substring(0, 40) + "…" : value));
    }

    private GraphQLError error(DataFetchingEnvironment env, ErrorType type, ErrorCode code, Map<String, String> params) {
        return GraphqlErrorBuilder.newError(env).errorType(type)
                .message(messages.error(code, params, env.getLocale()))
                .extensions(Map.of("code", code.name(), "params", params))
                .build();
    }
}
