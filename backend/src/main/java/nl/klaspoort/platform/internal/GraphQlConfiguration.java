package nl.klaspoort.platform.internal;

import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.instrumentation.dataloader.DataLoaderDispatchingContextKeys;
import graphql.scalars.ExtendedScalars;
import java.util.Locale;
import nl.klaspoort.platform.Messages;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.graphql.server.TimeoutWebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.http.HttpHeaders;

/**
 * Scalars, the caller's language, and the limits every operation runs under ({@link GraphQlLimits}: depth, aliases,
 * root fields, fields, directives, complexity multiplied by page sizes, a time limit).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GraphQlLimits.class)
public class GraphQlConfiguration {

    @Bean
    RuntimeWiringConfigurer scalars() {
        return wiring -> wiring.scalar(ExtendedScalars.DateTime).scalar(ExtendedScalars.Date);
    }

    /**
     * Every operation runs in the caller's language: the request's {@code Accept-Language} among the languages of
     * {@link Messages} (Dutch when none matches). Messages of errors are written in it.
     */
    @Bean
    WebGraphQlInterceptor callersLanguage() {
        return (request, chain) -> {
            Locale language = Messages.language(request.getHeaders().getFirst(HttpHeaders.ACCEPT_LANGUAGE));
            request.configureExecutionInput((input, builder) -> {
                input.getGraphQLContext().put(Messages.CONTEXT_KEY, language);
                return builder.locale(language).build();
            });
            return chain.next(request);
        };
    }

    /**
     * Dispatch batch loaders only when the engine has nothing else to do ("exhausted" dispatching, graphql-java 25).
     * The default per-level dispatch may fire while a batch's results are still being completed on another thread,
     * splitting the next level's batches under load (e.g. {@code Enrollment.supervisors} loaded as 1 + 49 keys);
     * waiting until no loader is in flight keeps it one statement per field per request.
     */
    @Bean
    WebGraphQlInterceptor exhaustedDataLoaderDispatching() {
        return (request, chain) -> {
            request.configureExecutionInput((input, builder) -> {
                DataLoaderDispatchingContextKeys.setEnableDataLoaderExhaustedDispatching(input.getGraphQLContext(), true);
                return input;
            });
            return chain.next(request);
        };
    }

    @Bean
    MaxQueryDepthInstrumentation maxQueryDepth(GraphQlLimits limits) {
        return new MaxQueryDepthInstrumentation(limits.maxDepth());
    }

    @Bean
    OperationLimits operationLimits(GraphQlLimits limits, Messages messages) {
        return new OperationLimits(limits, messages);
    }

    /** An operation still running after the request timeout is answered with 503 Service Unavailable. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    WebGraphQlInterceptor requestTimeout(GraphQlLimits limits) {
        return new TimeoutWebGraphQlInterceptor(limits.requestTimeout());
    }
}
