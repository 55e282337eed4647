package nl.klaspoort.platform.internal;

import io.micrometer.observation.ObservationRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * No observations unless {@code klaspoort.observations.enabled=true}: nothing exports them (the only actuator endpoint
 * is health), yet with the default registry every request built an observation for the HTTP exchange, one for each
 * filter of the security chain, one for the GraphQL request and one per data fetcher, with their tags: about an
 * eighth of a small request's CPU (issue 16, {@code docs/benchmarks.md}). A deployment that ships traces or metrics
 * switches them back on.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "klaspoort.observations.enabled", havingValue = "false", matchIfMissing = true)
class ObservationConfiguration {

    @Bean
    ObservationRegistry observationRegistry() {
        return ObservationRegistry.NOOP;
    }
}
