package nl.klaspoort.account.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import nl.klaspoort.account.internal.LinkToken.Purpose;
import org.junit.jupiter.api.Test;

/** Mailed links: unguessable, stored only as a hash, and valid for exactly their purpose's time on the injected clock. */
class LinkTokenTest {

    static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void secretsAreUrlSafeUnguessableAndStoredOnlyAsTheirHash() {
        Set<String> secrets = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            LinkToken token = LinkToken.issue(Purpose.PASSWORD_RESET, CLOCK);
            assertThat(token.secret()).matches("[A-Za-z0-9_-]{43}");
            assertThat(token.hash()).hasSize(64).isEqualTo(LinkToken.hash(token.secret())).doesNotContain(token.secret());
            assertThat(token.toString()).doesNotContain(token.secret());
            secrets.add(token.secret());
        }
        assertThat(secrets).hasSize(1000);
        assertThat(LinkToken.hash("' or 1=1 --")).hasSize(64);
    }

    @Test
    void activationWorksSevenDaysAResetOneHour() {
        Instant activation = LinkToken.issue(Purpose.ACTIVATION, CLOCK).expiresAt();
        assertThat(activation).isEqualTo(NOW.plus(Duration.ofDays(7)));
        assertThat(LinkToken.valid(activation, Clock.offset(CLOCK, Duration.ofDays(7).minusSeconds(1)))).isTrue();
        assertThat(LinkToken.valid(activation, Clock.offset(CLOCK, Duration.ofDays(7)))).isFalse();
        Instant reset = LinkToken.issue(Purpose.PASSWORD_RESET, CLOCK).expiresAt();
        assertThat(reset).isEqualTo(NOW.plus(Duration.ofHours(1)));
        assertThat(LinkToken.valid(reset, Clock.offset(CLOCK, Duration.ofMinutes(59)))).isTrue();
        assertThat(LinkToken.valid(reset, Clock.offset(CLOCK, Duration.ofMinutes(61)))).isFalse();
    }
}
