package nl.klaspoort.userimport.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Expired imports are deleted on a schedule ({@link UserImports#deleteExpired()}). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ImportConfiguration {
}
