package nl.klaspoort.iprange;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Collection;

/**
 * BP7, "leerlingen mogen alleen op school inloggen": whether a login may go on, given the school's setting, its
 * active IP ranges and the address the request came from (see {@link ClientAddress} for where that address may come
 * from behind a proxy). Professionals are never held back. A pupil of a school with the setting on gets in only from
 * one of the school's active ranges; when the address is unknown or the school has no active range, the answer is
 * no (closed, not open). The same rule serves the password login and single sign-on. Pure: no database, no request.
 */
public final class SchoolOnlyLogin {

    /** Why a login is refused (or that it is not); the screen shows {@link Decision#message()}. */
    public enum Outcome { ALLOWED, OUTSIDE_SCHOOL, NO_SCHOOL_NETWORK, ADDRESS_UNKNOWN }

    /** The answer; a refusal carries a Dutch message for the pupil. */
    public record Decision(Outcome outcome, String message) {

        public boolean allowed() {
            return outcome == Outcome.ALLOWED;
        }
    }

    /** An active range of the school, from its first to its last address (both IPv4 or both IPv6). */
    public record Range(InetAddress first, InetAddress last) {

        public Range {
            if (first.getAddress().length != last.getAddress().length) {
                throw new IllegalArgumentException("a range is IPv4 or IPv6, not both");
            }
        }

        /** A range as {@code school_ip_range} keeps it: first and last address as text. */
        public static Range of(String first, String last) {
            return new Range(IpAddresses.parse(first).orElseThrow(() -> new IllegalArgumentException("not an address")),
                    IpAddresses.parse(last).orElseThrow(() -> new IllegalArgumentException("not an address")));
        }

        public boolean contains(InetAddress address) {
            byte[] value = address.getAddress();
            byte[] from = first.getAddress();
            return value.length == from.length && Arrays.compareUnsigned(from, value) <= 0
                    && Arrays.compareUnsigned(value, last.getAddress()) <= 0;
        }
    }

    private static final Decision ALLOWED = new Decision(Outcome.ALLOWED, null);
    private static final Decision OUTSIDE_SCHOOL = new Decision(Outcome.OUTSIDE_SCHOOL,
            "Je kunt alleen op school inloggen. Je school laat leerlingen niet van buiten school inloggen.");
    private static final Decision NO_SCHOOL_NETWORK = new Decision(Outcome.NO_SCHOOL_NETWORK,
            "Je kunt alleen op school inloggen, maar je school heeft nog geen schoolnetwerk ingesteld. Vraag je "
                    + "leerkracht om hulp.");
    private static final Decision ADDRESS_UNKNOWN = new Decision(Outcome.ADDRESS_UNKNOWN,
            "We kunnen niet zien of je op school bent, dus inloggen lukt nu niet. Vraag je leerkracht om hulp.");

    private SchoolOnlyLogin() {
    }

    /**
     * @param pupil        the person logging in is a pupil (professionals are never held back)
     * @param schoolOnly   the pupil's school has "leerlingen mogen alleen op school inloggen" on
     * @param activeRanges the school's IP ranges that are active now
     * @param client       the address the login came from, or null when it cannot be told
     */
    public static Decision decide(boolean pupil, boolean schoolOnly, Collection<Range> activeRanges, InetAddress client) {
        if (!pupil || !schoolOnly) {
            return ALLOWED;
        }
        if (client == null) {
            return ADDRESS_UNKNOWN;
        }
        if (activeRanges.isEmpty()) {
            return NO_SCHOOL_NETWORK;
        }
        for (Range range : activeRanges) {
            if (range.contains(client)) {
                return ALLOWED;
            }
        }
        return OUTSIDE_SCHOOL;
    }
}
