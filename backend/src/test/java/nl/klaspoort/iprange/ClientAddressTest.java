package nl.klaspoort.iprange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** BP7 behind a proxy: the client's address comes from X-Forwarded-For only when a trusted proxy put it there. */
class ClientAddressTest {

    private static final ClientAddress BEHIND_PROXIES = ClientAddress.trusting(List.of("10.0.0.0/8", "2001:db8:ffff::/48", "127.0.0.1"));

    private static Optional<InetAddress> ip(String text) {
        return IpAddresses.parse(text);
    }

    @Test
    @DisplayName("BP7 a pupil at home cannot pretend to be at school by sending X-Forwarded-For themselves")
    void headersFromUntrustedPeersAreIgnored() {
        assertThat(BEHIND_PROXIES.resolve("203.0.113.5", List.of("192.0.2.10"))).isEqualTo(ip("203.0.113.5"));
        assertThat(ClientAddress.trusting(List.of()).resolve("10.1.2.3", List.of("192.0.2.10"))).isEqualTo(ip("10.1.2.3"));
    }

    @Test
    @DisplayName("BP7 behind trusted proxies the client is the first address from the right that is not a proxy")
    void trustedChainIsWalkedFromTheRight() {
        assertThat(BEHIND_PROXIES.resolve("10.0.0.2", List.of("192.0.2.10"))).isEqualTo(ip("192.0.2.10"));
        // the pupil's own "192.0.2.10" is on the left, what the proxy saw (203.0.113.5) on the right
        assertThat(BEHIND_PROXIES.resolve("10.0.0.2", List.of("192.0.2.10, 203.0.113.5"))).isEqualTo(ip("203.0.113.5"));
        assertThat(BEHIND_PROXIES.resolve("10.0.0.2", List.of("192.0.2.10", "203.0.113.5, 10.9.9.9"))).isEqualTo(ip("203.0.113.5"));
        assertThat(BEHIND_PROXIES.resolve("127.0.0.1", List.of("[2001:db8:1::7]:443, 10.0.0.3:8080"))).isEqualTo(ip("2001:db8:1::7"));
        assertThat(BEHIND_PROXIES.resolve("2001:db8:ffff::1", List.of("::ffff:192.0.2.10"))).isEqualTo(ip("192.0.2.10"));
        assertThat(BEHIND_PROXIES.resolve("10.0.0.2", List.of())).isEqualTo(ip("10.0.0.2"));
        assertThat(BEHIND_PROXIES.resolve("10.0.0.2", List.of("10.0.0.9, 10.0.0.8"))).isEqualTo(ip("10.0.0.9"));
    }

    @Test
    @DisplayName("BP7 what cannot be read gives no address, so the pupil is refused rather than let in")
    void unreadableGivesNothing() {
        assertThat(BEHIND_PROXIES.resolve("10.0.0.2", List.of("unknown"))).isEmpty();
        assertThat(BEHIND_PROXIES.resolve("10.0.0.2", List.of("192.0.2.10, school.example"))).isEmpty();
        assertThat(BEHIND_PROXIES.resolve("localhost", List.of())).isEmpty();
        assertThat(BEHIND_PROXIES.resolve(null, List.of())).isEmpty();
    }

    @Test
    void proxiesAreAddressesOrBlocks() {
        assertThatThrownBy(() -> ClientAddress.trusting(List.of("proxy.internal"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClientAddress.trusting(List.of("10.0.0.0/33"))).isInstanceOf(IllegalArgumentException.class);
    }
}
