package nl.klaspoort.iprange;

import java.math.BigInteger;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.klaspoort.security.AccessRefusedException;
import nl.klaspoort.security.CurrentUser;
import nl.klaspoort.security.Role;
import nl.klaspoort.security.SchoolAccess;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A school's IP addresses and ranges (B2), managed by its ADMINs. Every range is kept as its first and last address
 * (same IP version); ranges of one school may not overlap. Activating opens an activity period and deactivating or
 * removing closes it, so that sessions reported later are classified with the ranges active when they started.
 */
@Service
public class IpRangeService {

    enum ConnectionType { FIBER, CABLE, DSL, MOBILE, OTHER }

    enum ErrorCode { MALFORMED, FROM_AFTER_TO, MIXED_IP_VERSIONS, RANGE_TOO_WIDE, OVERLAP, NOT_FOUND }

    /** The widest range a school network may have: an IPv4 /16 (65,536 addresses) or an IPv6 /48. */
    static final BigInteger MAX_IPV4_ADDRESSES = BigInteger.TWO.pow(32 - 16);
    static final BigInteger MAX_IPV6_ADDRESSES = BigInteger.TWO.pow(128 - 48);

    record Error(ErrorCode code, String message, String field, IpRange conflictingRange) {}

    record Payload(IpRange ipRange, List<Error> errors) {
        static Payload of(Error error) {
            return new Payload(null, List.of(error));
        }
    }

    private record Bounds(InetAddress first, InetAddress last, String kind, Integer prefix) {}

    private static final String SELECT = """
            select id, school_id, connection_type, notation, host(first_address) as first, host(last_address) as last,
                   family(first_address) as version, active, created_at
              from school_ip_range
            """;

    private final JdbcClient jdbc;
    private final SchoolAccess access;

    IpRangeService(JdbcClient jdbc, SchoolAccess access) {
        this.jdbc = jdbc;
        this.access = access;
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
            jdbc.sql(SELECT + " where school_id in (:schools) and removed_at is null order by created_at, id")
                    .param("schools", List.copyOf(result.keySet()))
                    .query(IpRangeService::range).list()
                    .forEach(range -> result.get(range.schoolId()).add(range));
        }
        return result;
    }

    @Transactional
    Payload add(long schoolId, ConnectionType type, String from, String to, boolean active) {
        access.require(schoolId, Role.ADMIN);
        Object parsed = parse(from, to);
        if (parsed instanceof Error error) {
            return Payload.of(error);
        }
        Bounds bounds = (Bounds) parsed;
        // one writer per school at a time, so two overlapping ranges cannot slip in side by side
        jdbc.sql("select id from school where id = :school for update").param("school", schoolId).query(Long.class).single();
        IpRange conflict = jdbc.sql(SELECT + """
                         where school_id = :school and removed_at is null and family(first_address) = family(cast(:first as inet))
                           and first_address <= cast(:last as inet) and last_address >= cast(:first as inet)
                         order by first_address limit 1
                        """)
                .param("school", schoolId).param("first", bounds.first().getHostAddress()).param("last", bounds.last().getHostAddress())
                .query(IpRangeService::range).optional().orElse(null);
        if (conflict != null) {
            return Payload.of(new Error(ErrorCode.OVERLAP,
                    "Dit bereik overlapt met " + conflict.notation() + ", dat al bij deze school hoort.", "from", conflict));
        }
        long id = jdbc.sql("""
                        insert into school_ip_range (id, school_id, connection_type, notation, first_address, last_address)
                        values (nextval('school_ip_range_seq'), :school, :type,
                                case :kind when 'CIDR' then host(cast(:first as inet)) || '/' || :prefix
                                           when 'RANGE' then host(cast(:first as inet)) || ' - ' || host(cast(:last as inet))
                                           else host(cast(:first as inet)) end,
                                cast(:first as inet), cast(:last as inet))
                        returning id
                        """)
                .param("school", schoolId).param("type", type.name()).param("kind", bounds.kind())
                .param("prefix", bounds.prefix() == null ? "" : bounds.prefix().toString())
                .param("first", bounds.first().getHostAddress()).param("last", bounds.last().getHostAddress())
                .query(Long.class).single();
        audit(schoolId, "IP_RANGE_ADDED", id);
        if (active) {
            setActive(id, true);
        }
        return new Payload(find(id), List.of());
    }

    @Transactional
    Payload activate(long rangeId, boolean active) {
        Long school = administeredSchoolOf(rangeId);
        if (school == null) {
            return Payload.of(notFound());
        }
        if (setActive(rangeId, active)) {
            audit(school, active ? "IP_RANGE_ACTIVATED" : "IP_RANGE_DEACTIVATED", rangeId);
        }
        return new Payload(find(rangeId), List.of());
    }

    @Transactional
    Payload remove(long rangeId) {
        Long school = administeredSchoolOf(rangeId);
        if (school == null) {
            return Payload.of(notFound());
        }
        setActive(rangeId, false);
        jdbc.sql("update school_ip_range set removed_at = now() where id = :id").param("id", rangeId).update();
        audit(school, "IP_RANGE_REMOVED", rangeId);
        return new Payload(null, List.of());
    }

    /** Opens or closes the activity period; false when it already was in that state. */
    private boolean setActive(long rangeId, boolean active) {
        int changed = jdbc.sql("update school_ip_range set active = :active where id = :id and active <> :active")
                .param("id", rangeId).param("active", active).update();
        if (changed == 0) {
            return false;
        }
        if (active) {
            jdbc.sql("""
                    insert into school_ip_range_activity (range_id, school_id, first_address, last_address, active_from)
                    select id, school_id, first_address, last_address, clock_timestamp() from school_ip_range where id = :id
                    """).param("id", rangeId).update();
        } else {
            jdbc.sql("update school_ip_range_activity set active_until = clock_timestamp() where range_id = :id and active_until is null")
                    .param("id", rangeId).update();
        }
        return true;
    }

    /**
     * The school of a (not removed) range when the signed-in user is ADMIN there; null when the range does not exist
     * or the user holds no role at its school (no hint that it exists). Another role there is FORBIDDEN.
     */
    private Long administeredSchoolOf(long rangeId) {
        Long school = jdbc.sql("select school_id from school_ip_range where id = :id and removed_at is null")
                .param("id", rangeId).query(Long.class).optional().orElse(null);
        if (school == null) {
            return null;
        }
        Set<Role> roles = access.rolesAt(school);
        if (roles.isEmpty()) {
            return null;
        }
        if (!roles.contains(Role.ADMIN)) {
            throw new AccessRefusedException(AccessRefusedException.Reason.FORBIDDEN, "school " + school);
        }
        return school;
    }

    private IpRange find(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(IpRangeService::range).single();
    }

    /** An audit event of the school; the range goes in after_state, as target_id means a user in the audit log. */
    private void audit(long schoolId, String action, long rangeId) {
        jdbc.sql("""
                insert into audit_event (id, school_id, actor_id, action, after_state)
                values (nextval('audit_event_seq'), :school, :actor, :action, jsonb_build_object('ipRangeId', :target))
                """)
                .param("school", schoolId).param("actor", CurrentUser.id()).param("action", action).param("target", rangeId)
                .update();
    }

    private static Error notFound() {
        return new Error(ErrorCode.NOT_FOUND, "Dit IP-bereik bestaat niet (meer).", "ipRangeId", null);
    }

    /** {@link Bounds} of a single address, CIDR block or from–to range, or the {@link Error} that says what is wrong. */
    private static Object parse(String fromText, String toText) {
        String from = fromText == null ? "" : fromText.strip();
        String to = toText == null ? "" : toText.strip();
        if (from.contains("/")) {
            if (!to.isEmpty()) {
                return new Error(ErrorCode.MALFORMED, "Vul bij een CIDR-blok (zoals 192.0.2.0/24) geen tot-adres in.", "to", null);
            }
            String[] parts = from.split("/", 2);
            InetAddress address = IpAddresses.parse(parts[0]).orElse(null);
            Integer prefix = parts[1].matches("\\d{1,3}") ? Integer.valueOf(parts[1]) : null;
            if (address == null || prefix == null || prefix > address.getAddress().length * 8) {
                return new Error(ErrorCode.MALFORMED, "'" + from + "' is geen geldig CIDR-blok, zoals 192.0.2.0/24 of 2001:db8::/48.", "from", null);
            }
            return notTooWide(new Bounds(IpAddresses.bound(address, prefix, false), IpAddresses.bound(address, prefix, true), "CIDR", prefix));
        }
        InetAddress first = IpAddresses.parse(from).orElse(null);
        if (first == null) {
            return new Error(ErrorCode.MALFORMED, "'" + from + "' is geen geldig IPv4- of IPv6-adres.", "from", null);
        }
        if (to.isEmpty()) {
            return new Bounds(first, first, "SINGLE", null);
        }
        InetAddress last = IpAddresses.parse(to).orElse(null);
        if (last == null) {
            return new Error(ErrorCode.MALFORMED, "'" + to + "' is geen geldig IPv4- of IPv6-adres.", "to", null);
        }
        if (IpAddresses.version(first) != IpAddresses.version(last)) {
            return new Error(ErrorCode.MIXED_IP_VERSIONS, "Een bereik loopt van IPv4 naar IPv4 of van IPv6 naar IPv6, niet gemengd.", "to", null);
        }
        if (IpAddresses.value(first).compareTo(IpAddresses.value(last)) > 0) {
            return new Error(ErrorCode.FROM_AFTER_TO, "Het eerste adres (" + from + ") ligt na het laatste (" + to + ").", "to", null);
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
            return new Error(ErrorCode.RANGE_TOO_WIDE, v4
                    ? "Dit bereik is te groot voor een schoolnetwerk: hoogstens 65.536 IPv4-adressen (een /16)."
                    : "Dit bereik is te groot voor een schoolnetwerk: hoogstens een IPv6-blok van /48.", "from", null);
        }
        return bounds;
    }

    private static IpRange range(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new IpRange(rs.getLong("id"), rs.getLong("school_id"), rs.getString("connection_type"), rs.getString("notation"),
                rs.getString("first"), rs.getString("last"), rs.getInt("version"), rs.getBoolean("active"),
                rs.getObject("created_at", java.time.OffsetDateTime.class));
    }
}
