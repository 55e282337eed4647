package nl.klaspoort.roster.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The import pipeline's settings ({@code klaspoort.roster.*}).
 *
 * @param nightlyCron      when the nightly Basispoort sync runs, Europe/Amsterdam ({@code -} switches it off)
 * @param parallelism      how many schools are read from Basispoort at once during a round (4–8 is kind to it)
 * @param attempts         how often a call that may succeed later (outage, 5xx, timeout) is tried before the school's
 *                         run fails; other failures (no consent, refused certificate) are not retried
 * @param retryBackoff     the wait before the second attempt (doubling after each further one)
 * @param holdArchiveShare a nightly run that would archive more than this share of the school's active pupils waits
 *                         for an admin's review (X11)
 * @param holdWhenEmpty    a nightly run that would leave the school without active pupils waits too
 * @param resumeOnStart    a round cut off by a stopped process is resumed when the application starts
 * @param maxUpload        the largest EDEXML file accepted (a 20,000-pupil file is about 10 MB)
 */
@ConfigurationProperties("klaspoort.roster")
record RosterProperties(@DefaultValue("0 30 2 * * *") String nightlyCron, @DefaultValue("6") int parallelism,
        @DefaultValue("3") int attempts, @DefaultValue("2s") Duration retryBackoff,
        @DefaultValue("0.10") double holdArchiveShare, @DefaultValue("true") boolean holdWhenEmpty,
        @DefaultValue("true") boolean resumeOnStart, @DefaultValue("16MB") DataSize maxUpload) {

    RosterProperties {
        parallelism = Math.clamp(parallelism, 1, 16);
        attempts = Math.max(1, attempts);
    }
}
