package nl.klaspoort.iprange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import nl.klaspoort.iprange.SchoolOnlyLogin.Decision;
import nl.klaspoort.iprange.SchoolOnlyLogin.Outcome;
import nl.klaspoort.iprange.SchoolOnlyLogin.Range;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** BP7: pupils of a school with "alleen op school inloggen" get in only from its active ranges; nobody else is held back. */
class SchoolOnlyLoginTest {

    private static final List<Range> SCHOOL = List.of(Range.of("192.0.2.0", "192.0.2.255"), Range.of("198.51.100.7", "198.51.100.7"),
            Range.of("2001:db8:10::", "2001:db8:10:ffff:ffff:ffff:ffff:ffff"));

    private static InetAddress ip(String text) {
        return IpAddresses.parse(text).orElseThrow();
    }

    @Test
    @DisplayName("BP7 a pupil from the school's network gets in; from home they are refused with a Dutch message")
    void pupilsOnlyFromTheSchoolsRanges() {
        for (String inside : List.of("192.0.2.0", "192.0.2.137", "192.0.2.255", "198.51.100.7", "2001:db8:10::1",
                "2001:db8:10:ffff:ffff:ffff:ffff:ffff", "::ffff:192.0.2.9")) {
            assertThat(SchoolOnlyLogin.decide(true, true, SCHOOL, ip(inside)).allowed()).as(inside).isTrue();
        }
        for (String outside : List.of("192.0.1.255", "192.0.3.0", "198.51.100.8", "2001:db8:11::1", "10.0.0.1",
                "::ffff:203.0.113.5")) {
            Decision decision = SchoolOnlyLogin.decide(true, true, SCHOOL, ip(outside));
            assertThat(decision.outcome()).as(outside).isEqualTo(Outcome.OUTSIDE_SCHOOL);
            assertThat(decision.message()).isEqualTo(
                    "Je kunt alleen op school inloggen. Je school laat leerlingen niet van buiten school inloggen.");
        }
    }

    @Test
    @DisplayName("BP7 professionals, and pupils of schools without the setting, log in from anywhere")
    void othersAreNotHeldBack() {
        assertThat(SchoolOnlyLogin.decide(false, true, SCHOOL, ip("203.0.113.5"))).isEqualTo(new Decision(Outcome.ALLOWED, null));
        assertThat(SchoolOnlyLogin.decide(false, true, List.of(), null).allowed()).isTrue();
        assertThat(SchoolOnlyLogin.decide(true, false, SCHOOL, ip("203.0.113.5")).allowed()).isTrue();
        assertThat(SchoolOnlyLogin.decide(true, false, List.of(), null).allowed()).isTrue();
    }

    @Test
    @DisplayName("BP7 closed, not open: no known address, or no active range at the school, refuses the pupil")
    void failsClosed() {
        Decision unknown = SchoolOnlyLogin.decide(true, true, SCHOOL, null);
        Decision noNetwork = SchoolOnlyLogin.decide(true, true, List.of(), ip("192.0.2.1"));

        assertThat(unknown.outcome()).isEqualTo(Outcome.ADDRESS_UNKNOWN);
        assertThat(unknown.message()).contains("op school", "leerkracht");
        assertThat(noNetwork.outcome()).isEqualTo(Outcome.NO_SCHOOL_NETWORK);
        assertThat(noNetwork.message()).contains("nog geen schoolnetwerk");
    }

    @Test
    void aRangeIsOneIpVersion() {
        assertThatThrownBy(() -> Range.of("192.0.2.1", "2001:db8::1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Range.of("school", "192.0.2.1")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Range.of("2001:db8::", "2001:db8::ff").contains(ip("192.0.2.1"))).isFalse();
    }
}
