package nl.klaspoort.iprange;

import nl.klaspoort.support.Fixtures;

import nl.klaspoort.access.Role;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.klaspoort.productclient.ProductTokens;
import nl.klaspoort.support.KlaspoortTest;
import nl.klaspoort.support.Sessions;
import nl.klaspoort.support.SqlStatementCounter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** School IP addresses and ranges (B2): add, validate, activate, remove, ADMIN only, and their effect on SCHOOL/HOME. */
@KlaspoortTest
class SchoolIpRangeTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Autowired

    Fixtures fx;
    long school;
    HttpGraphQlTester admin;

    @BeforeEach
    void setUp() {
        school = fx.school().named("IP-school").create().id();
        String email = fx.professionalLogin("Ivo");
        fx.grant(school, email, Role.ADMIN);
        admin = Sessions.tester(port, Sessions.login(port, email, Sessions.PROFESSIONAL_PASSWORD));
    }

    private GraphQlTester.Response add(HttpGraphQlTester tester, String from, String to, boolean active) {
        Map<String, Object> input = new HashMap<>(Map.of("schoolId", school, "connectionType", "FIBER", "from", from, "active", active));
        if (to != null) {
            input.put("to", to);
        }
        return tester.documentName("results-ip-range-add").variable("input", input).execute();
    }

    private String addOk(String from, String to, boolean active) {
        return add(admin, from, to, active).path("schoolIpRangeAdd.errors").entityList(Object.class).hasSize(0)
                .path("schoolIpRangeAdd.ipRange.id").entity(String.class).get();
    }

    private int ranges() {
        return jdbc.sql("select count(*) from school_ip_range where school_id = :s and removed_at is null").param("s", school)
                .query(Integer.class).single();
    }

    @Test
    void singleAddressesCidrBlocksAndFromToRangesOfBothIpVersionsAreListedInOrder() {
        add(admin, "192.0.2.7", null, false)
                .path("schoolIpRangeAdd.ipRange.notation").entity(String.class).isEqualTo("192.0.2.7")
                .path("schoolIpRangeAdd.ipRange.from").entity(String.class).isEqualTo("192.0.2.7")
                .path("schoolIpRangeAdd.ipRange.to").entity(String.class).isEqualTo("192.0.2.7")
                .path("schoolIpRangeAdd.ipRange.ipVersion").entity(Integer.class).isEqualTo(4)
                .path("schoolIpRangeAdd.ipRange.active").entity(Boolean.class).isEqualTo(false);
        add(admin, "2001:DB8:ABCD::/48", null, true)
                .path("schoolIpRangeAdd.ipRange.notation").entity(String.class).isEqualTo("2001:db8:abcd::/48")
                .path("schoolIpRangeAdd.ipRange.to").entity(String.class).isEqualTo("2001:db8:abcd:ffff:ffff:ffff:ffff:ffff")
                .path("schoolIpRangeAdd.ipRange.ipVersion").entity(Integer.class).isEqualTo(6)
                .path("schoolIpRangeAdd.ipRange.active").entity(Boolean.class).isEqualTo(true);
        add(admin, " 198.51.100.10 ", "198.51.100.20", true)
                .path("schoolIpRangeAdd.ipRange.notation").entity(String.class).isEqualTo("198.51.100.10 - 198.51.100.20");
        add(admin, "10.1.2.3/16", null, false)
                .path("schoolIpRangeAdd.ipRange.notation").entity(String.class).isEqualTo("10.1.0.0/16")
                .path("schoolIpRangeAdd.ipRange.to").entity(String.class).isEqualTo("10.1.255.255");

        SqlStatementCounter.reset();
        admin.documentName("results-ip-ranges").variable("id", school).execute()
                .path("school.ipRanges[*].notation").entityList(String.class)
                .containsExactly("192.0.2.7", "2001:db8:abcd::/48", "198.51.100.10 - 198.51.100.20", "10.1.0.0/16")
                .path("school.ipRanges[*].connectionType").entityList(String.class).containsExactly("FIBER", "FIBER", "FIBER", "FIBER");
        // school(id): roles + school; ipRanges: roles + ranges
        assertThat(SqlStatementCounter.count()).isEqualTo(4);
    }

    @Test
    void invalidInputGetsAClearDutchErrorAndStoresNothing() {
        addOk("192.0.2.0/28", null, true);
        Map<String, String[]> cases = Map.of(
                "192.168.1", new String[] {"MALFORMED", "from", "'192.168.1' is geen geldig IPv4- of IPv6-adres."},
                "1.2.3.4/33", new String[] {"MALFORMED", "from", "'1.2.3.4/33' is geen geldig CIDR-blok, zoals 192.0.2.0/24 of 2001:db8::/48."},
                "school.example", new String[] {"MALFORMED", "from", "'school.example' is geen geldig IPv4- of IPv6-adres."});
        cases.forEach((from, expected) -> add(admin, from, null, false)
                .path("schoolIpRangeAdd.ipRange").valueIsNull()
                .path("schoolIpRangeAdd.errors[0].code").entity(String.class).isEqualTo(expected[0])
                .path("schoolIpRangeAdd.errors[0].field").entity(String.class).isEqualTo(expected[1])
                .path("schoolIpRangeAdd.errors[0].message").entity(String.class).isEqualTo(expected[2]));
        add(admin, "203.0.113.20", "203.0.113.10", false)
                .path("schoolIpRangeAdd.errors[0].code").entity(String.class).isEqualTo("FROM_AFTER_TO")
                .path("schoolIpRangeAdd.errors[0].message").entity(String.class)
                .isEqualTo("Het eerste adres (203.0.113.20) ligt na het laatste (203.0.113.10).");
        add(admin, "203.0.113.10", "2001:db8::1", false)
                .path("schoolIpRangeAdd.errors[0].code").entity(String.class).isEqualTo("MIXED_IP_VERSIONS");
        add(admin, "192.0.2.10", "192.0.2.40", false)
                .path("schoolIpRangeAdd.errors[0].code").entity(String.class).isEqualTo("OVERLAP")
                .path("schoolIpRangeAdd.errors[0].message").entity(String.class)
                .isEqualTo("Dit bereik overlapt met 192.0.2.0/28, dat al bij deze school hoort.")
                .path("schoolIpRangeAdd.conflictingRange.notation").entity(String.class).isEqualTo("192.0.2.0/28");
        add(admin, "192.0.2.15", null, false)
                .path("schoolIpRangeAdd.errors[0].code").entity(String.class).isEqualTo("OVERLAP");
        assertThat(ranges()).isEqualTo(1);
        // right next to it is fine, and so is the same range at another school
        addOk("192.0.2.16", "192.0.2.31", false);
        long other = fx.school().named("Buurschool").create().id();
        String otherAdmin = fx.professionalLogin("Olga");
        fx.grant(other, otherAdmin, Role.ADMIN);
        Sessions.tester(port, Sessions.login(port, otherAdmin, Sessions.PROFESSIONAL_PASSWORD)).documentName("results-ip-range-add")
                .variable("input", Map.of("schoolId", other, "connectionType", "DSL", "from", "192.0.2.0/28"))
                .execute().path("schoolIpRangeAdd.errors").entityList(Object.class).hasSize(0);
    }

    @Test
    void activatingDeactivatingAndRemovingDecideWhetherSessionsCountAsSchool() {
        long leeslab = fx.productId("LEESLAB");
        fx.contract(school, leeslab);
        long student = fx.student(school, "Pim", null, "Proef", 4, "4A");
        fx.enroll(school, student, leeslab);
        HttpGraphQlTester product = ProductTokens.tester(port, ProductTokens.LEESLAB, ProductTokens.BOTH_SCOPES);

        String range = addOk("2001:db8:99::", "2001:db8:99::ff", false);
        assertThat(location(product, student, "2001:db8:99::10")).isEqualTo("HOME");
        admin.documentName("results-ip-range-activate").variable("input", Map.of("ipRangeId", range, "active", true)).execute()
                .path("schoolIpRangeActivate.ipRange.active").entity(Boolean.class).isEqualTo(true);
        assertThat(location(product, student, "2001:db8:99::10")).isEqualTo("SCHOOL");
        admin.documentName("results-ip-range-activate").variable("input", Map.of("ipRangeId", range, "active", false)).execute()
                .path("schoolIpRangeActivate.ipRange.active").entity(Boolean.class).isEqualTo(false);
        assertThat(location(product, student, "2001:db8:99::10")).isEqualTo("HOME");

        admin.documentName("results-ip-range-activate").variable("input", Map.of("ipRangeId", range, "active", true)).execute();
        admin.documentName("results-ip-range-remove").variable("input", Map.of("ipRangeId", range)).execute()
                .path("schoolIpRangeRemove.errors").entityList(Object.class).hasSize(0);
        assertThat(ranges()).isZero();
        assertThat(location(product, student, "2001:db8:99::10")).isEqualTo("HOME");
        admin.documentName("results-ip-range-remove").variable("input", Map.of("ipRangeId", range)).execute()
                .path("schoolIpRangeRemove.errors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
        // removed, so it may be added again
        addOk("2001:db8:99::", "2001:db8:99::ff", true);
        // the school's audit log shows every change of the range, read through the API (newest first)
        List<Map<String, Object>> events = admin.documentName("admin-audit-events").variable("schoolId", school)
                .variable("first", 100).execute()
                .path("school.auditEvents.edges[*].node").entity(new ParameterizedTypeReference<List<Map<String, Object>>>() {}).get();
        assertThat(events).filteredOn(e -> "IP_RANGE".equals(e.get("targetType")) && range.equals(e.get("targetId")))
                .extracting(e -> e.get("action"))
                .containsExactly("IP_RANGE_REMOVED", "IP_RANGE_ACTIVATED", "IP_RANGE_DEACTIVATED", "IP_RANGE_ACTIVATED", "IP_RANGE_ADDED");
    }

    /** Records one session started now from {@code ip} and returns where it was counted. */
    private String location(HttpGraphQlTester product, long student, String ip) {
        String id = "ip-" + UUID.randomUUID();
        Map<String, Object> session = new HashMap<>();
        session.put("sessionId", id);
        session.put("studentId", String.valueOf(student));
        session.put("startedAt", Instant.now().toString());
        session.put("endedAt", Instant.now().plus(1, ChronoUnit.MINUTES).toString());
        session.put("clientIp", ip);
        session.put("lessonPosition", 1);
        session.put("completed", false);
        product.documentName("results-record").variable("input", Map.of("sessions", List.of(session))).execute()
                .path("practiceSessionsRecord.created").entity(Integer.class).isEqualTo(1);
        return jdbc.sql("select location from practice_session where external_id = :id").param("id", id).query(String.class).single();
    }

    @Test
    void onlyAdminsOfTheSchoolManageItsRanges() {
        String range = addOk("203.0.113.0/24", null, false);
        String supervisor = fx.professionalLogin("Sjaak");
        fx.grant(school, supervisor, Role.SUPERVISOR);
        HttpGraphQlTester sup = Sessions.tester(port, Sessions.login(port, supervisor, Sessions.PROFESSIONAL_PASSWORD));
        add(sup, "198.51.100.1", null, false).errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
        sup.documentName("results-ip-ranges").variable("id", school).execute().path("school.ipRanges").valueIsNull();
        sup.documentName("results-ip-range-remove").variable("input", Map.of("ipRangeId", range)).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));

        // an admin of another school: the school and its ranges do not exist for them
        HttpGraphQlTester stranger = Sessions.tester(port, Sessions.ADMIN_REGENBOOG);
        add(stranger, "198.51.100.1", null, false).errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("NOT_FOUND")));
        stranger.documentName("results-ip-range-activate").variable("input", Map.of("ipRangeId", range, "active", true)).execute()
                .path("schoolIpRangeActivate.errors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
        stranger.documentName("results-ip-range-remove").variable("input", Map.of("ipRangeId", range)).execute()
                .path("schoolIpRangeRemove.errors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
        assertThat(ranges()).isEqualTo(1);
        assertThat(jdbc.sql("select active from school_ip_range where id = :id").param("id", Long.parseLong(range))
                .query(Boolean.class).single()).isFalse();
    }
}
