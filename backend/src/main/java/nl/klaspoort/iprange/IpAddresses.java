package nl.klaspoort.iprange;

import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Strict parsing of IP address literals (never a DNS lookup): dotted-quad IPv4 and IPv6 without zone, and the bounds
 * of a CIDR block.
 */
public final class IpAddresses {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private IpAddresses() {}

    /** The address, or empty when {@code text} is not a plain IPv4 or IPv6 literal. */
    public static Optional<InetAddress> parse(String text) {
        String s = text == null ? "" : text.strip();
        try {
            if (IPV4.matcher(s).matches()) {
                return Optional.of(InetAddress.ofLiteral(s));
            }
            if (s.contains(":") && IPV6.matcher(s).matches()) {
                return Optional.of(InetAddress.ofLiteral(s));
            }
        } catch (IllegalArgumentException e) {
            // not a literal
        }
        return Optional.empty();
    }

    public static int version(InetAddress address) {
        return address instanceof Inet4Address ? 4 : 6;
    }

    public static BigInteger value(InetAddress address) {
        return new BigInteger(1, address.getAddress());
    }

    /** The first or last address of {@code address/prefix}. */
    public static InetAddress bound(InetAddress address, int prefix, boolean last) {
        byte[] bytes = address.getAddress();
        for (int bit = prefix; bit < bytes.length * 8; bit++) {
            int mask = 0x80 >>> (bit % 8);
            bytes[bit / 8] = (byte) (last ? bytes[bit / 8] | mask : bytes[bit / 8] & ~mask);
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
