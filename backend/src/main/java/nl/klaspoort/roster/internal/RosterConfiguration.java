package nl.klaspoort.roster.internal;

import nl.klaspoort.platform.OwnBodyLimit;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The pipeline's settings, the nightly sync's scheduler, and how uploads are received. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RosterProperties.class)
@EnableScheduling
class RosterConfiguration {

    /**
     * A client that asks before sending a body ({@code Expect: 100-continue}) hears "go on" only when the application
     * reads the body: an upload refused up front (too large) is then answered without being sent at all, instead of
     * the connection being cut while the client still writes it.
     */
    /** The EDEXML upload bounds its body itself ({@code klaspoort.roster.max-upload}), above the general 1 MB. */
    @Bean
    OwnBodyLimit edexmlUploadLimit() {
        return new OwnBodyLimit("/api/schools/*/edexml");
    }

    @Bean
    TomcatConnectorCustomizer continueWhenTheBodyIsRead() {
        return connector -> connector.setProperty("continueResponseTiming", "onRead");
    }
}
