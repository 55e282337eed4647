package nl.klaspoort.basispoort.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code klaspoort.basispoort.*}: where Basispoort is (per environment: test, acceptance, staging, production differ
 * by host only) and how to reach it.
 *
 * @param baseUrl        e.g. {@code https://localhost:9443} (the simulator); empty = not configured
 * @param sslBundle      the SSL bundle with the publisher's client certificate and the trust store
 * @param publisherCode  the publisher's identity code in Hosted Lika paths
 * @param connectTimeout TCP + TLS connect timeout
 * @param readTimeout    the longest wait for an answer (a school's overview of 1,500 pupils is large)
 */
@ConfigurationProperties("klaspoort.basispoort")
public record BasispoortProperties(String baseUrl, @DefaultValue("basispoort") String sslBundle,
        @DefaultValue("klaspoort") String publisherCode, @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("30s") Duration readTimeout) {
}
