package nl.klaspoort.security.internal;

import jakarta.servlet.http.HttpSession;
import nl.klaspoort.security.UserSessions;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Puts the id of the request's browser session into the GraphQL context ({@link UserSessions#CURRENT_SESSION}), so
 * that a change which ends a person's other sessions (their own login e-mail) keeps the one making it. Spring Session
 * keeps the request's session as a request attribute once security has loaded the signed-in user from it.
 */
@Component
class CurrentSessionInterceptor implements WebGraphQlInterceptor {

    static final String CURRENT_SESSION_ATTRIBUTE = SessionRepositoryFilter.SESSION_REPOSITORY_ATTR + ".CURRENT_SESSION";

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (request.getAttributes().get(CURRENT_SESSION_ATTRIBUTE) instanceof HttpSession session) {
            String id = session.getId();
            request.configureExecutionInput((input, builder) -> builder.graphQLContext(c -> c.of(UserSessions.CURRENT_SESSION, id)).build());
        }
        return chain.next(request);
    }
}
