package nl.klaspoort.platform.internal;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one {@link Clock} behind every "now" and "today" (contract dates, ISO weeks, archive and audit times, ingestion,
 * tokens). SQL never asks the database for the time of a business decision: the time is a parameter from this clock,
 * so tests move it instead of waiting.
 */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
