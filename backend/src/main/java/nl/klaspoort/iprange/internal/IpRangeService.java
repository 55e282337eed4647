package nl.klaspoort.iprange.internal;

import java.math.BigInteger;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.klaspoort.access.Role;
import nl.klaspoort.access.SchoolAccess;
import nl.klaspoort.audit.AuditAction;
import nl.klaspoort.audit.AuditLog;
import nl.klaspoort.audit.AuditTarget;
import nl.klaspoort.iprange.IpAddresses;
import nl.klaspoort.platform.AccessRefusedException;
import nl.klaspoort.platform.CommonError;
import nl.klaspoort.platform.ErrorCode;
import nl.klaspoort.platform.PayloadError;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * A school's IP addresses and ranges (B2), managed by its ADMINs. Every range is kept as its first and last address
 * (same IP version); ranges of one school may not overlap. Activating opens an activity period and deactivating or
 * removing closes it, so that sessions reported later are classified with the ranges active when they started. Every
 * change is an audit event about the range.
 */
@Service
class IpRangeService {

    enum ConnectionType { FIBER, CABLE, DSL, MOBILE, OTHER }

    /** The error codes of IP ranges ({@code extend enum ErrorCode} in {@code ipranges.graphqls}). */
    enum IpRangeError implements ErrorCode { MALFORMED, FROM_AFTER_TO, MIXED_IP_VERSIONS, RANGE_TOO_WIDE, OVERLAP }

    /** The widest range a school network may have: an IPv4 /16 (65,536 addresses) or an IPv6 /48. */
    static final BigInteger MAX_IPV4_ADDRESSES = BigInteger.TWO.pow(32 - 16);
    static final BigInteger MAX_IPV6_ADDRESSES = BigInteger.TWO.pow(128 - 48);

    /** The audit actions of IP ranges ({@code extend enum AuditAction} in {@code ipranges.graphqls}). */
    enum IpRangeAction implements AuditAction { IP_RANGE_ADDED, IP_RANGE_ACTIVATED, IP_RANGE_DEACTIVATED, IP_RANGE_REMOVED }

    /** GraphQL {@code SchoolIpRangePayload}. */
    record Payload(IpRange ipRange, IpRange conflictingRange, List<PayloadError> errors) {
        static Payload of(PayloadError error) {
            return new Payload(null, null, List.of(error));
        }
    }

    /** The bounds of a range as entered: {@code kind} SINGLE, CIDR (with its prefix) or RANGE. */
    record Bounds(InetAddress first, InetAddress last, String kind, Integer prefix) {}

    private final IpRangeStore store;
    private final IpRangeQueries queries;
    private final SchoolAccess access;
    private final AuditLog audit;
    private final JsonMapper json;

    IpRangeService(IpRangeStore store, IpRangeQueries queries, SchoolAccess access, AuditLog audit, JsonMapper json) {
        this.store = store;
        this.queries = queries;
        this.access = access;
        this.audit = audit;
        this.json = json;
    }

    /** The ranges of each school where the signed-in user is ADMIN (other schools are left out), oldest first. */
    Map<Long, List<IpRange>> rangesOfAdministeredSchools(Collection<Long> schoolIds) {
        Map<Long, List<IpRange>> result = new LinkedHashMap<>();
        access.rolesAt(schoolIds).forEach((school, roles) -> {
            if (roles.contains(Role.ADMIN)) {
                result.put(school, new ArrayList<>());
            }
        });
        if (!result.isEmpty()) {
            queries.current(result.keySet()).forEach(range -> result.get(range.schoolId()).add(range));
        }
        return result;
    }

    @Transactional
    Payload add(long schoolId, ConnectionType type, String from, String to, boolean active) {
        access.require(schoolId, Role.ADMIN);
        Object parsed = parse(from, to);
        if (parsed instanceof PayloadError error) {
            return Payload.of(error);
        }
        Bounds bounds = (Bounds) parsed;
        store.lockSchool(schoolId); // one writer per school at a time, so two overlapping ranges cannot slip in side by side
        IpRange conflict = queries.overlapping(schoolId, bounds).orElse(null);
        if (conflict != null) {
            return new Payload(null, conflict, List.of(PayloadError.of(IpRangeError.OVERLAP).field("from")
                    .param("notation", conflict.notation())));
        }
        long id = store.add(schoolId, type.name(), bounds);
        if (active) {
            store.setActive(id, true);
        }
        IpRange range = queries.find(id);
        record(range, IpRangeAction.IP_RANGE_ADDED, null, range);
        return new Payload(range, null, List.of());
    }

    @Transactional
    Payload activate(long rangeId, boolean active) {
        IpRange before = administered(rangeId);
        if (before == null) {
            return Payload.of(notFound());
        }
        if (!store.setActive(rangeId, active)) {
            return new Payload(before, null, List.of());
        }
        IpRange after = queries.find(rangeId);
        record(after, active ? IpRangeAction.IP_RANGE_ACTIVATED : IpRangeAction.IP_RANGE_DEACTIVATED, before, after);
        return new Payload(after, null, List.of());
    }

    @Transactional
    Payload remove(long rangeId) {
        IpRange before = administered(rangeId);
        if (before == null) {
            return Payload.of(notFound());
        }
        store.setActive(rangeId, false);
        store.remove(rangeId);
        record(before, IpRangeAction.IP_RANGE_REMOVED, before, null);
        return new Payload(null, null, List.of());
    }

    /**
     * The (not removed) range when the signed-in user is ADMIN at its school; null when the range does not exist or the
     * user holds no role at its school (no hint that it exists). Another role there is FORBIDDEN.
     */
    private IpRange administered(long rangeId) {
        IpRange range = queries.findCurrent(rangeId).orElse(null);
        if (range == null) {
            return null;
        }
        Set<Role> roles = access.rolesAt(range.schoolId());
        if (roles.isEmpty()) {
            return null;
        }
        if (!roles.contains(Role.ADMIN)) {
            throw new AccessRefusedException(AccessRefusedException.Reason.FORBIDDEN, "school " + range.schoolId());
        }
        return range;
    }

    /** One audit event about the range, with its state before and after (null: none). */
    private void record(IpRange range, IpRangeAction action, IpRange before, IpRange after) {
        audit.record(range.schoolId(), action, List.of(new AuditLog.Entry(AuditTarget.ipRange(range.id(), range.notation()),
                state(before), state(after))));
    }

    private String state(IpRange range) {
        return range == null ? null : json.writeValueAsString(Map.of("notation", range.notation(),
                "connectionType", range.connectionType(), "active", range.active()));
    }

    private static PayloadError notFound() {
        return PayloadError.of(CommonError.NOT_FOUND).field("ipRangeId");
    }

    /** A malformed address ({@code kind}: address, cidr, cidrWithTo) in the field. */
    private static PayloadError malformed(String kind, String field, String value) {
        return PayloadError.of(IpRangeError.MALFORMED).field(field).param("kind", kind).param("value", value);
    }

    /** {@link Bounds} of a single address, CIDR block or from–to range, or the {@link PayloadError} that says what is wrong. */
    private static Object parse(String fromText, String toText) {
        String from = fromText == null ? "" : fromText.strip();
        String to = toText == null ? "" : toText.strip();
        if (from.contains("/")) {
            if (!to.isEmpty()) {
                return malformed("cidrWithTo", "to", to);
            }
            String[] parts = from.split("/", 2);
            InetAddress address = IpAddresses.parse(parts[0]).orElse(null);
            Integer prefix = parts[1].matches("\\d{1,3}") ? Integer.valueOf(parts[1]) : null;
            if (address == null || prefix == null || prefix > address.getAddress().length * 8) {
                return malformed("cidr", "from", from);
            }
            return notTooWide(new Bounds(IpAddresses.bound(address, prefix, false), IpAddresses.bound(address, prefix, true), "CIDR", prefix));
        }
        InetAddress first = IpAddresses.parse(from).orElse(null);
        if (first == null) {
            return malformed("address", "from", from);
        }
        if (to.isEmpty()) {
            return new Bounds(first, first, "SINGLE", null);
        }
        InetAddress last = IpAddresses.parse(to).orElse(null);
        if (last == null) {
            return malformed("address", "to", to);
        }
        if (IpAddresses.version(first) != IpAddresses.version(last)) {
            return PayloadError.of(IpRangeError.MIXED_IP_VERSIONS).field("to");
        }
        if (IpAddresses.value(first).compareTo(IpAddresses.value(last)) > 0) {
            return PayloadError.of(IpRangeError.FROM_AFTER_TO).field("to").param("from", from).param("to", to);
        }
        return notTooWide(new Bounds(first, last, first.equals(last) ? "SINGLE" : "RANGE", null));
    }

    /**
     * A school's own network is at most an IPv4 /16 or an IPv6 /48; anything wider (up to {@code ::/0}, every address
     * there is) would count practice at home as practice at school.
     */
    private static Object notTooWide(Bounds bounds) {
        BigInteger size = IpAddresses.value(bounds.last()).subtract(IpAddresses.value(bounds.first())).add(BigInteger.ONE);
        boolean v4 = IpAddresses.version(bounds.first()) == 4;
        if (size.compareTo(v4 ? MAX_IPV4_ADDRESSES : MAX_IPV6_ADDRESSES) > 0) {
            return PayloadError.of(IpRangeError.RANGE_TOO_WIDE).field("from").param("version", v4 ? "v4" : "v6");
        }
        return bounds;
    }
}
