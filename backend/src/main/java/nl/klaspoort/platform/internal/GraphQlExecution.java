package nl.klaspoort.platform.internal;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import nl.klaspoort.platform.RequestMemo;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.MediaTypes;
import org.springframework.graphql.data.method.annotation.support.AnnotatedControllerConfigurer;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.http.MediaType;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * How a GraphQL request over HTTP runs (issue 16; the measurements are in {@code docs/benchmarks.md}):
 * <ul>
 * <li>A document seen before is neither parsed nor validated again: valid documents are kept by their text and
 * operation name ({@code klaspoort.graphql.document-cache-size}, 0 = off). The shape limits of {@link OperationLimits}
 * were checked when the document was first validated; the complexity limit depends on the variables and is checked
 * on every request.</li>
 * <li>Every data fetcher runs on the request's own (virtual) thread instead of hopping to another one per field, and
 * the response is written in the same servlet dispatch instead of an async dispatch.</li>
 * <li>A query runs in one read-only transaction on one connection, with one {@link RequestMemo}: its fields share the
 * connection (instead of a pool checkout and a commit per resolver) and what they look up once (the caller's roles).
 * A mutation keeps its services' own transactions.</li>
 * </ul>
 * {@code klaspoort.graphql.synchronous=false} restores the engine's default (async dispatch, a virtual thread per
 * blocking data fetcher, a transaction per service call) for comparison.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlExecution {

    @Bean
    GraphQlSourceBuilderCustomizer documentCache(@Value("${klaspoort.graphql.document-cache-size:500}") int size) {
        return builder -> {
            if (size > 0) {
                builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(new DocumentCache(size)));
            }
        };
    }

    @Bean
    @ConditionalOnProperty(name = "klaspoort.graphql.synchronous", havingValue = "true", matchIfMissing = true)
    GraphQlHttpHandler graphQlHttpHandler(WebGraphQlHandler handler) {
        return new SynchronousHandler(handler);
    }

    @Bean
    @ConditionalOnProperty(name = "klaspoort.graphql.synchronous", havingValue = "true", matchIfMissing = true)
    static BeanPostProcessor dataFetchersOnTheRequestThread() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof AnnotatedControllerConfigurer configurer) {
                    configurer.setBlockingMethodPredicate(method -> false);
                }
                return bean;
            }
        };
    }

    /** Innermost, so that the other interceptors have configured the execution input before the transaction starts. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    @ConditionalOnProperty(name = "klaspoort.graphql.synchronous", havingValue = "true", matchIfMissing = true)
    WebGraphQlInterceptor queryInOneTransaction(PlatformTransactionManager transactions) {
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        readOnly.setName("graphql-query");
        return (request, chain) -> {
            if (!isQuery(request.getDocument(), request.getOperationName())) {
                return chain.next(request);
            }
            return Mono.fromSupplier(() -> readOnly.execute(status -> {
                try {
                    return RequestMemo.with(() -> chain.next(request).block());
                } finally {
                    // nothing to commit: a read-only transaction ends the same either way, and a field that failed
                    // must not turn the end of the request into an error
                    status.setRollbackOnly();
                }
            }));
        };
    }

    private static final Map<String, Boolean> QUERY_DOCUMENTS = new ConcurrentHashMap<>();

    /** Whether the document's operation (by name, or its only one) is a query; cached like the documents. */
    static boolean isQuery(String document, String operationName) {
        String key = operationName + '\n' + document;
        Boolean known = QUERY_DOCUMENTS.get(key);
        if (known != null) {
            return known;
        }
        boolean query;
        try {
            Document parsed = Parser.parse(document);
            query = parsed.getDefinitionsOfType(OperationDefinition.class).stream()
                    .filter(op -> operationName == null || operationName.equals(op.getName()))
                    .findFirst()
                    .map(op -> op.getOperation() == OperationDefinition.Operation.QUERY)
                    .orElse(false);
        } catch (InvalidSyntaxException e) {
            return false;
        }
        if (QUERY_DOCUMENTS.size() > 2_000) {
            QUERY_DOCUMENTS.clear();
        }
        QUERY_DOCUMENTS.put(key, query);
        return query;
    }

    /**
     * Valid documents by operation name and text, at most {@code size} (then it starts over: the SPA and the products
     * send a few dozen documents, so only a caller sending ever new documents empties it, and pays the parsing it
     * would pay anyway). Documents with errors are not kept: their messages are in the caller's language.
     */
    static final class DocumentCache implements PreparsedDocumentProvider {
        private final int size;
        private final Map<String, PreparsedDocumentEntry> entries = new ConcurrentHashMap<>();

        DocumentCache(int size) {
            this.size = size;
        }

        @Override
        public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
                Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
            String key = input.getOperationName() + '\n' + input.getQuery();
            PreparsedDocumentEntry entry = entries.get(key);
            if (entry == null) {
                entry = parseAndValidate.apply(input);
                if (!entry.hasErrors()) {
                    if (entries.size() >= size) {
                        entries.clear();
                    }
                    entries.put(key, entry);
                }
            }
            return CompletableFuture.completedFuture(entry);
        }
    }

    /**
     * Answers in the servlet dispatch that received the request: the execution has run on this thread by the time
     * the response is asked for, so an async dispatch would only add work.
     */
    static final class SynchronousHandler extends GraphQlHttpHandler {

        private static final java.util.List<MediaType> SUPPORTED = java.util.List.of(MediaTypes.APPLICATION_GRAPHQL_RESPONSE,
                MediaType.APPLICATION_JSON, new MediaType("application", "graphql+json"));

        SynchronousHandler(WebGraphQlHandler handler) {
            super(handler);
        }

        @Override
        protected ServerResponse prepareResponse(ServerRequest request, Mono<WebGraphQlResponse> responseMono) {
            WebGraphQlResponse response = Objects.requireNonNull(responseMono.block());
            MediaType type = responseType(request);
            ServerResponse.BodyBuilder builder = ServerResponse.status(selectResponseStatus(response, type))
                    .headers(headers -> headers.putAll(response.getResponseHeaders()))
                    .contentType(type);
            var write = getWriteFunction(response.toMap(), type);
            return write != null ? builder.build(write) : builder.body(response.toMap());
        }

        private static MediaType responseType(ServerRequest request) {
            for (MediaType accepted : request.headers().accept()) {
                if (SUPPORTED.contains(accepted)) {
                    return accepted;
                }
            }
            return MediaType.APPLICATION_JSON;
        }
    }
}
