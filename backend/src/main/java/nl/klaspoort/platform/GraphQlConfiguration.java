package nl.klaspoort.platform;

import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.scalars.ExtendedScalars;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/** Scalars and the limits every operation runs under (depth and complexity, as Canvas LMS does). */
@Configuration(proxyBeanMethods = false)
public class GraphQlConfiguration {

    /** Deepest nesting an operation may have. */
    public static final int MAX_DEPTH = 15;

    @Bean
    RuntimeWiringConfigurer scalars() {
        return wiring -> wiring.scalar(ExtendedScalars.DateTime).scalar(ExtendedScalars.Date);
    }

    @Bean
    MaxQueryDepthInstrumentation maxQueryDepth() {
        return new MaxQueryDepthInstrumentation(MAX_DEPTH);
    }

    @Bean
    MaxQueryComplexityInstrumentation maxQueryComplexity() {
        return new MaxQueryComplexityInstrumentation(5_000);
    }
}
