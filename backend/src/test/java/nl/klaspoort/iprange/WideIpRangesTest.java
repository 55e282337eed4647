package nl.klaspoort.iprange;

import nl.klaspoort.support.ApplicationTest;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.klaspoort.support.Sessions;
import nl.klaspoort.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * A school's IP range is its own network (issue 10, item 9): {@code ::/0} made every address on earth "at school".
 * At most an IPv4 /16 or an IPv6 /48, as a CIDR block or a from–to range.
 */
class WideIpRangesTest extends ApplicationTest {

    @Test
    void rangesWiderThanASchoolNetworkAreRefusedInDutch() {
        Fixtures.TestSchool school = fixture.school().withAdmin().create();
        HttpGraphQlTester admin = Sessions.tester(port, school.adminEmail());
        for (List<String> range : List.of(List.of("::/0", ""), List.of("0.0.0.0/0", ""), List.of("10.0.0.0/8", ""),
                List.of("10.0.0.0/15", ""), List.of("2001:db8::/32", ""), List.of("10.0.0.0", "10.1.0.0"),
                List.of("2001:db8::", "2001:db8:1::"))) {
            Map<String, Object> input = new HashMap<>(Map.of("schoolId", school.schoolId(), "connectionType", "FIBER", "from", range.get(0)));
            if (!range.get(1).isEmpty()) {
                input.put("to", range.get(1));
            }
            admin.documentName("results-ip-range-add").variable("input", input).execute()
                    .path("schoolIpRangeAdd.ipRange").valueIsNull()
                    .path("schoolIpRangeAdd.errors[0].code").entity(String.class).isEqualTo("RANGE_TOO_WIDE")
                    .path("schoolIpRangeAdd.errors[0].message").entity(String.class).satisfies(m -> assertThat(m).startsWith("Dit bereik is te groot"));
        }
        assertThat(jdbc.sql("select count(*) from school_ip_range where school_id = :s").param("s", school.id()).query(Integer.class).single()).isZero();

        for (String widest : List.of("10.7.0.0/16", "2001:db8:7::/48")) {
            admin.documentName("results-ip-range-add")
                    .variable("input", Map.of("schoolId", school.schoolId(), "connectionType", "FIBER", "from", widest)).execute()
                    .path("schoolIpRangeAdd.errors").entityList(Object.class).hasSize(0);
        }
    }
}
