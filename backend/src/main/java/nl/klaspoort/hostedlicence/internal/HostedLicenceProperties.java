package nl.klaspoort.hostedlicence.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code klaspoort.hosted-licences.*}.
 *
 * @param pushEvery  how often enrolments are compared with Basispoort and due pushes are sent; 0 = never on its own
 *                   (tests call {@code HostedLicences.pushNow()})
 * @param retryBase  the wait after a first failed push; it doubles with every further failure
 * @param retryMax   the longest wait between two attempts
 * @param methodId   the Hosted Lika method (product family) Klaspoort's products are listed under
 * @param methodName its name in the Basispoort portal
 */
@ConfigurationProperties("klaspoort.hosted-licences")
public record HostedLicenceProperties(@DefaultValue("15s") Duration pushEvery, @DefaultValue("30s") Duration retryBase,
        @DefaultValue("1h") Duration retryMax, @DefaultValue("klaspoort") String methodId,
        @DefaultValue("Klaspoort") String methodName) {

    /** The wait before attempt {@code attempts + 1}, after {@code attempts} failed ones. */
    Duration backoff(int attempts) {
        Duration wait = retryBase.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        return wait.compareTo(retryMax) > 0 ? retryMax : wait;
    }
}
