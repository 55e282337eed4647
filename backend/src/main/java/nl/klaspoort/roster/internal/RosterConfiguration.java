package nl.klaspoort.roster.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The pipeline's settings and the nightly sync's scheduler. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RosterProperties.class)
@EnableScheduling
class RosterConfiguration {
}
