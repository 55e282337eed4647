package nl.klaspoort.hostedlicence.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Runs a round of hosted licences every {@code klaspoort.hosted-licences.push-every} (not at all when 0), from the
 * start: pushes a stopped process left behind go out at once.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HostedLicenceProperties.class)
@EnableScheduling
class HostedLicenceConfiguration implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(HostedLicenceConfiguration.class);

    private final HostedLicenceProperties properties;
    private final LicencePusher pusher;

    HostedLicenceConfiguration(HostedLicenceProperties properties, LicencePusher pusher) {
        this.properties = properties;
        this.pusher = pusher;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (properties.pushEvery().isZero()) {
            return;
        }
        registrar.addFixedDelayTask(() -> {
            try {
                pusher.round();
            } catch (RuntimeException e) {
                log.error("Hosted licence round failed; tried again in {}", properties.pushEvery(), e);
            }
        }, properties.pushEvery());
    }
}
