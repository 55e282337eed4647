package nl.klaspoort.iprange.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.klaspoort.access.Role;
import nl.klaspoort.access.SchoolAccess;
import nl.klaspoort.audit.AuditAction;
import nl.klaspoort.audit.AuditLog;
import nl.klaspoort.audit.AuditTarget;
import nl.klaspoort.platform.PayloadError;
import nl.klaspoort.school.School;
import nl.klaspoort.school.Schools;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * BP7's setting per school, "leerlingen mogen alleen op school inloggen", kept on the school (module {@code school})
 * and set by its ADMINs on the IP ranges screen; every change is an audit event about the school. The rule itself is
 * {@link SchoolOnlyLoginRule}.
 */
@Service
class SchoolLoginRuleService {

    /** The audit action of the setting ({@code extend enum AuditAction} in {@code ipranges.graphqls}). */
    enum LoginRuleAction implements AuditAction { STUDENT_LOGIN_SCHOOL_ONLY_SET }

    /** GraphQL {@code SchoolLoginRulePayload}. */
    record Payload(Boolean studentsOnlyAtSchool, List<PayloadError> errors) {}

    private final Schools schools;
    private final SchoolAccess access;
    private final AuditLog audit;

    SchoolLoginRuleService(Schools schools, SchoolAccess access, AuditLog audit) {
        this.schools = schools;
        this.access = access;
        this.audit = audit;
    }

    /** The setting of each of these schools where the signed-in user is ADMIN (others are left out). */
    Map<Long, Boolean> ofAdministeredSchools(Collection<School> of) {
        Set<Long> administered = access.rolesAt(of.stream().map(School::id).toList()).entrySet().stream()
                .filter(e -> e.getValue().contains(Role.ADMIN)).map(Map.Entry::getKey).collect(Collectors.toSet());
        return of.stream().filter(s -> administered.contains(s.id()))
                .collect(Collectors.toMap(School::id, School::studentLoginSchoolIpOnly, (a, b) -> a));
    }

    @Transactional
    Payload set(long schoolId, boolean on) {
        access.require(schoolId, Role.ADMIN);
        if (schools.setStudentLoginSchoolIpOnly(schoolId, on)) {
            audit.record(schoolId, LoginRuleAction.STUDENT_LOGIN_SCHOOL_ONLY_SET, List.of(new AuditLog.Entry(
                    AuditTarget.school(schoolId), state(!on), state(on))));
        }
        return new Payload(on, List.of());
    }

    private static String state(boolean on) {
        return "{\"studentsOnlyAtSchool\":" + on + "}";
    }
}
