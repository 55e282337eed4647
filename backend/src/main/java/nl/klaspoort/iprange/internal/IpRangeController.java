package nl.klaspoort.iprange.internal;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.klaspoort.school.School;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** {@code School.ipRanges} (batched) and the IP range mutations (B2). */
@Controller
class IpRangeController {

    record AddInput(long schoolId, IpRangeService.ConnectionType connectionType, String from, String to, Boolean active) {}

    record ActivateInput(long ipRangeId, boolean active) {}

    record RemoveInput(long ipRangeId) {}

    record LoginRuleInput(long schoolId, boolean studentsOnlyAtSchool) {}

    private final IpRangeService ranges;
    private final SchoolLoginRuleService loginRule;

    IpRangeController(IpRangeService ranges, SchoolLoginRuleService loginRule) {
        this.ranges = ranges;
        this.loginRule = loginRule;
    }

    @BatchMapping(typeName = "School", field = "studentsOnlyAtSchool")
    Map<School, Boolean> studentsOnlyAtSchool(List<School> schools) {
        Map<Long, Boolean> bySchool = loginRule.ofAdministeredSchools(schools);
        return schools.stream().filter(s -> bySchool.containsKey(s.id()))
                .collect(Collectors.toMap(s -> s, s -> bySchool.get(s.id())));
    }

    @MutationMapping
    SchoolLoginRuleService.Payload schoolLoginRuleSet(@Argument LoginRuleInput input) {
        return loginRule.set(input.schoolId(), input.studentsOnlyAtSchool());
    }

    @BatchMapping(typeName = "School", field = "ipRanges")
    Map<School, List<IpRange>> ipRanges(List<School> schools) {
        Map<Long, List<IpRange>> bySchool = ranges.rangesOfAdministeredSchools(schools.stream().map(School::id).toList());
        return schools.stream().filter(s -> bySchool.containsKey(s.id()))
                .collect(Collectors.toMap(s -> s, s -> bySchool.get(s.id())));
    }

    @MutationMapping
    IpRangeService.Payload schoolIpRangeAdd(@Argument AddInput input) {
        return ranges.add(input.schoolId(), input.connectionType(), input.from(), input.to(), Boolean.TRUE.equals(input.active()));
    }

    @MutationMapping
    IpRangeService.Payload schoolIpRangeActivate(@Argument ActivateInput input) {
        return ranges.activate(input.ipRangeId(), input.active());
    }

    @MutationMapping
    IpRangeService.Payload schoolIpRangeRemove(@Argument RemoveInput input) {
        return ranges.remove(input.ipRangeId());
    }
}
