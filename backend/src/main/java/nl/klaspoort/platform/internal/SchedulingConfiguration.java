package nl.klaspoort.platform.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduled jobs ({@code @Scheduled}) run in every node; a job that must run once across nodes takes a PostgreSQL
 * advisory lock and is idempotent (e.g. the contracts' renewals and endings).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration {
}
