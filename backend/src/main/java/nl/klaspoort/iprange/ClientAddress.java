package nl.klaspoort.iprange;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The address a request came from, taking {@code X-Forwarded-For} only from proxies this installation trusts: when
 * the connection's peer is not a trusted proxy, the header is ignored (anyone can send it); when it is, the header is
 * read from the right, skipping trusted proxies, and the first address that is not one is the client's. An entry that
 * is not an address ({@code unknown}, garbage) ends the search with no answer: the caller must then assume the worst
 * (for BP7: not at school). Pure: the caller passes the peer address and the header's values.
 */
public final class ClientAddress {

    private final List<SchoolOnlyLogin.Range> trusted;

    private ClientAddress(List<SchoolOnlyLogin.Range> trusted) {
        this.trusted = trusted;
    }

    /**
     * @param proxies addresses or CIDR blocks of the proxies in front of Klaspoort ("10.0.0.0/8", "2001:db8::/32",
     *                "127.0.0.1"); none: every header is ignored
     * @throws IllegalArgumentException for an entry that is not an address or block
     */
    public static ClientAddress trusting(Collection<String> proxies) {
        List<SchoolOnlyLogin.Range> ranges = new ArrayList<>();
        for (String proxy : proxies) {
            String text = proxy.strip();
            int slash = text.indexOf('/');
            InetAddress address = IpAddresses.parse(slash < 0 ? text : text.substring(0, slash))
                    .orElseThrow(() -> new IllegalArgumentException("not an address or CIDR block: " + proxy));
            int bits = address.getAddress().length * 8;
            int prefix = slash < 0 ? bits : parsePrefix(text.substring(slash + 1), bits, proxy);
            ranges.add(new SchoolOnlyLogin.Range(IpAddresses.bound(address, prefix, false),
                    IpAddresses.bound(address, prefix, true)));
        }
        return new ClientAddress(List.copyOf(ranges));
    }

    private static int parsePrefix(String text, int bits, String proxy) {
        if (!text.matches("\\d{1,3}") || Integer.parseInt(text) > bits) {
            throw new IllegalArgumentException("not an address or CIDR block: " + proxy);
        }
        return Integer.parseInt(text);
    }

    /**
     * @param peer         the connection's remote address ({@code request.getRemoteAddr()})
     * @param forwardedFor the values of the {@code X-Forwarded-For} headers, in the order received
     * @return the client's address, or empty when it cannot be told
     */
    public Optional<InetAddress> resolve(String peer, List<String> forwardedFor) {
        Optional<InetAddress> connection = IpAddresses.parse(peer);
        if (connection.isEmpty() || !isTrusted(connection.get())) {
            return connection;
        }
        List<String> hops = new ArrayList<>();
        for (String value : forwardedFor) {
            for (String hop : value.split(",")) {
                hops.add(hop.strip());
            }
        }
        InetAddress client = connection.get();
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = IpAddresses.parse(withoutPort(hops.get(i)));
            if (hop.isEmpty()) {
                return Optional.empty();
            }
            client = hop.get();
            if (!isTrusted(client)) {
                return hop;
            }
        }
        return Optional.of(client);
    }

    private boolean isTrusted(InetAddress address) {
        return trusted.stream().anyMatch(range -> range.contains(address));
    }

    /** "192.0.2.7:51234" → "192.0.2.7"; "[2001:db8::7]:443" → "2001:db8::7"; anything else as it is. */
    private static String withoutPort(String hop) {
        if (hop.startsWith("[") && hop.indexOf(']') > 0) {
            return hop.substring(1, hop.indexOf(']'));
        }
        int colon = hop.indexOf(':');
        return colon > 0 && colon == hop.lastIndexOf(':') ? hop.substring(0, colon) : hop;
    }
}
