package nl.klaspoort.administration.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.klaspoort.access.Role;
import nl.klaspoort.access.Roles;
import nl.klaspoort.access.SchoolAccess;
import nl.klaspoort.administration.internal.LinkRules.LinkInput;
import nl.klaspoort.audit.AuditLog;
import nl.klaspoort.enrollment.Enrollments;
import nl.klaspoort.enrollment.Enrollments.LinkRow;
import nl.klaspoort.membership.Memberships;
import nl.klaspoort.membership.Memberships.Member;
import nl.klaspoort.platform.CommonError;
import nl.klaspoort.platform.PayloadError;
import nl.klaspoort.product.Products;
import nl.klaspoort.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The koppelingen mutations of the manual (4.6–4.9, 4.12.3): link students (B12), link professionals (B11), remove
 * roles (B13) and roles/products per user (B18). Each validates every item first and writes only when none is refused,
 * in one transaction, through the owners' set-based APIs (enrollment, access, membership), and logs one audit batch.
 * New enrollments need free licences of running contracts (A5): one product short refuses the whole mutation.
 */
@Service
class KoppelingenService {

    private static final Set<String> GRANTABLE = Set.of("ADMIN", "SUPERVISOR");

    private final SchoolAccess access;
    private final Memberships memberships;
    private final Roles roleGrants;
    private final Enrollments enrollments;
    private final Products products;
    private final LinkRules rules;
    private final AuditLog audit;
    private final MemberStateQueries states;

    KoppelingenService(SchoolAccess access, Memberships memberships, Roles roleGrants, Enrollments enrollments,
            Products products, LinkRules rules, AuditLog audit, MemberStateQueries states) {
        this.access = access;
        this.memberships = memberships;
        this.roleGrants = roleGrants;
        this.enrollments = enrollments;
        this.products = products;
        this.rules = rules;
        this.audit = audit;
        this.states = states;
    }

    @Transactional
    AdministrationPayload studentsLink(String schoolIdText, List<String> studentIds, List<LinkInput> linkInput, boolean dryRun) {
        long schoolId = access.require(schoolIdText, Role.ADMIN);
        Bulk bulk = Bulk.of(studentIds, "studentIds");
        List<LinkRow> rows = rules.parse(schoolId, linkInput, false, bulk::inputError);
        if (bulk.hasInputErrors()) {
            return bulk.payload(null, dryRun);
        }
        Map<Long, Member> members = memberships.lock(schoolId, bulk.ids());
        Map<Long, Integer> present = enrollments.presentPairs(schoolId, members.keySet(), rows);
        int pairs = Enrollments.pairCount(rows);
        for (long id : bulk.ids()) {
            Member member = members.get(id);
            if (member == null) {
                bulk.refuse(id, CommonError.NOT_FOUND);
            } else if (!member.student()) {
                bulk.refuse(id, AdministrationError.NOT_A_STUDENT);
            } else if (!member.archived() && present.getOrDefault(id, 0) == pairs) {
                bulk.unchanged(id);
            } else {
                bulk.applied(id);
            }
        }
        if (bulk.writable()) { // A5: every new enrollment needs a free licence of a running contract, all or nothing
            enrollments.licenceProblems(schoolId, bulk.appliedIds(), rows.stream().map(LinkRow::productId).toList())
                    .forEach(bulk::inputError);
        }
        if (dryRun || !bulk.writable()) {
            return bulk.payload(null, dryRun);
        }
        List<Long> applied = bulk.appliedIds();
        Set<Long> affected = union(applied, Enrollments.supervisorsOf(rows));
        Map<Long, String> before = states.snapshot(schoolId, affected);
        enrollments.link(schoolId, applied, rows);
        if (applied.stream().anyMatch(id -> members.get(id).archived())) {
            memberships.setArchived(schoolId, applied, false);
        }
        UUID batch = audit.recordUsers(schoolId, AdministrationAction.STUDENTS_LINK, before, states.snapshot(schoolId, affected));
        return bulk.payload(batch, false);
    }

    @Transactional
    AdministrationPayload professionalsLink(String schoolIdText, List<String> userIds, List<String> roleInput,
            List<String> productInput, boolean dryRun) {
        long schoolId = access.require(schoolIdText, Role.ADMIN);
        Bulk bulk = Bulk.of(userIds, "userIds");
        Set<Role> roles = roles(roleInput, bulk);
        Set<Long> productIds = products(productInput, bulk);
        if (roles.isEmpty() && productIds.isEmpty() && !bulk.hasInputErrors()) {
            bulk.inputError(PayloadError.of(CommonError.EMPTY_LIST).field("roles"));
        }
        if (bulk.hasInputErrors()) {
            return bulk.payload(null, dryRun);
        }
        Map<Long, Member> members = memberships.lock(schoolId, bulk.ids());
        Map<Long, Integer> assigned = enrollments.presentAssignments(schoolId, members.keySet(), productIds);
        List<Long> supervisors = new ArrayList<>();
        for (long id : bulk.ids()) {
            Member member = members.get(id);
            boolean supervisor = member != null && (member.roles().contains(Role.SUPERVISOR) || roles.contains(Role.SUPERVISOR));
            if (member == null) {
                bulk.refuse(id, CommonError.NOT_FOUND);
            } else if (member.student()) {
                bulk.refuse(id, AdministrationError.NOT_A_PROFESSIONAL);
            } else if (!productIds.isEmpty() && !supervisor) {
                bulk.refuse(id, AdministrationError.NOT_A_SUPERVISOR);
            } else if (!member.archived() && member.roles().containsAll(roles)
                    && assigned.getOrDefault(id, 0) == productIds.size()) {
                bulk.unchanged(id);
            } else {
                bulk.applied(id);
                if (supervisor) {
                    supervisors.add(id);
                }
            }
        }
        if (dryRun || !bulk.writable()) {
            return bulk.payload(null, dryRun);
        }
        List<Long> applied = bulk.appliedIds();
        Map<Long, String> before = states.snapshot(schoolId, applied);
        roleGrants.grant(schoolId, applied, roles);
        enrollments.assign(schoolId, supervisors, productIds);
        memberships.setArchived(schoolId, applied, false);
        UUID batch = audit.recordUsers(schoolId, AdministrationAction.PROFESSIONALS_LINK, before, states.snapshot(schoolId, applied));
        return bulk.payload(batch, false);
    }

    @Transactional
    AdministrationPayload rolesRemove(String schoolIdText, List<String> userIds, List<String> roleInput, boolean dryRun) {
        long schoolId = access.require(schoolIdText, Role.ADMIN);
        Bulk bulk = Bulk.of(userIds, "userIds");
        Set<Role> roles = roles(roleInput, bulk);
        if (roles.isEmpty() && !bulk.hasInputErrors()) {
            bulk.inputError(PayloadError.of(CommonError.EMPTY_LIST).field("roles"));
        }
        if (bulk.hasInputErrors()) {
            return bulk.payload(null, dryRun);
        }
        Map<Long, Member> members = memberships.lock(schoolId, bulk.ids());
        List<Long> losingSupervisor = members.values().stream()
                .filter(m -> roles.contains(Role.SUPERVISOR) && m.roles().contains(Role.SUPERVISOR)).map(Member::id).toList();
        Set<Long> only = enrollments.onlySupervisors(schoolId, losingSupervisor, null, List.of());
        long self = CurrentUser.id();
        for (long id : bulk.ids()) {
            Member member = members.get(id);
            if (member == null) {
                bulk.refuse(id, CommonError.NOT_FOUND);
            } else if (member.student()) {
                bulk.refuse(id, AdministrationError.NOT_A_PROFESSIONAL);
            } else if (id == self && roles.contains(Role.ADMIN) && member.roles().contains(Role.ADMIN)) {
                bulk.refuse(id, AdministrationError.SELF);
            } else if (only.contains(id)) {
                bulk.refuse(id, AdministrationError.ONLY_SUPERVISOR);
            } else if (member.roles().stream().noneMatch(roles::contains)) {
                bulk.unchanged(id);
            } else {
                bulk.applied(id);
            }
        }
        if (dryRun || !bulk.writable()) {
            return bulk.payload(null, dryRun);
        }
        List<Long> applied = bulk.appliedIds();
        List<Long> unlinked = losingSupervisor.stream().filter(applied::contains).toList();
        Set<Long> affected = union(applied, unlinked.isEmpty() ? Set.of() : enrollments.supervisedStudents(schoolId, unlinked, null));
        Map<Long, String> before = states.snapshot(schoolId, affected);
        if (!unlinked.isEmpty()) {
            enrollments.unlinkSupervisors(schoolId, unlinked, null);
        }
        roleGrants.revoke(schoolId, applied, roles);
        // a professional left without a role at the school is archived there
        memberships.setArchived(schoolId, applied.stream().filter(id -> !members.get(id).archived()
                && roles.containsAll(members.get(id).roles())).toList(), true);
        UUID batch = audit.recordUsers(schoolId, AdministrationAction.ROLES_REMOVE, before, states.snapshot(schoolId, affected));
        return bulk.payload(batch, false);
    }

    @Transactional
    AdministrationPayload studentProductsSet(String schoolIdText, String studentIdText, List<LinkInput> linkInput) {
        long schoolId = access.require(schoolIdText, Role.ADMIN);
        Bulk bulk = Bulk.one(studentIdText);
        List<LinkRow> rows = rules.parse(schoolId, linkInput, true, bulk::inputError);
        if (bulk.hasInputErrors() || bulk.ids().isEmpty()) {
            return bulk.payload(null, false);
        }
        long id = bulk.ids().getFirst();
        Member member = memberships.lock(schoolId, List.of(id)).get(id);
        if (member == null) {
            bulk.refuse(id, CommonError.NOT_FOUND);
        } else if (!member.student()) {
            bulk.refuse(id, AdministrationError.NOT_A_STUDENT);
        } else {
            bulk.applied(id);
            enrollments.licenceProblems(schoolId, List.of(id), rows.stream().map(LinkRow::productId).toList())
                    .forEach(bulk::inputError);
        }
        if (!bulk.writable()) {
            return bulk.payload(null, false);
        }
        Set<Long> affected = union(List.of(id), Enrollments.supervisorsOf(rows));
        Map<Long, String> before = states.snapshot(schoolId, affected);
        enrollments.setExactly(schoolId, id, rows);
        memberships.setArchived(schoolId, List.of(id), rows.isEmpty());
        UUID batch = audit.recordUsers(schoolId, AdministrationAction.STUDENT_PRODUCTS_SET, before, states.snapshot(schoolId, affected));
        if (batch == null) {
            bulk.unchanged(id);
        }
        return bulk.payload(batch, false);
    }

    @Transactional
    AdministrationPayload professionalRolesSet(String schoolIdText, String userIdText, List<String> roleInput,
            List<String> productInput) {
        long schoolId = access.require(schoolIdText, Role.ADMIN);
        Bulk bulk = Bulk.one(userIdText);
        Set<Role> roles = roles(roleInput, bulk);
        Set<Long> productIds = productInput == null ? null : products(productInput, bulk);
        if (bulk.hasInputErrors() || bulk.ids().isEmpty()) {
            return bulk.payload(null, false);
        }
        long id = bulk.ids().getFirst();
        Member member = memberships.lock(schoolId, List.of(id)).get(id);
        boolean supervisorAfter = roles.contains(Role.SUPERVISOR);
        boolean losingSupervisor = member != null && member.roles().contains(Role.SUPERVISOR) && !supervisorAfter;
        Set<Long> current = member == null ? Set.of() : enrollments.assignedProducts(schoolId, id);
        // products that stop: all of them when SUPERVISOR goes, else those left out of productIds
        Set<Long> ending = losingSupervisor ? null : new HashSet<>(current);
        if (ending != null) {
            ending.removeAll(productIds == null ? current : productIds);
        }
        if (member == null) {
            bulk.refuse(id, CommonError.NOT_FOUND);
        } else if (member.student()) {
            bulk.refuse(id, AdministrationError.NOT_A_PROFESSIONAL);
        } else if (productIds != null && !productIds.isEmpty() && !supervisorAfter) {
            bulk.refuse(id, AdministrationError.NOT_A_SUPERVISOR);
        } else if (id == CurrentUser.id() && member.roles().contains(Role.ADMIN) && !roles.contains(Role.ADMIN)) {
            bulk.refuse(id, AdministrationError.SELF);
        } else if ((losingSupervisor || !ending.isEmpty())
                && !enrollments.onlySupervisors(schoolId, List.of(id), ending, List.of()).isEmpty()) {
            bulk.refuse(id, AdministrationError.ONLY_SUPERVISOR);
        } else {
            bulk.applied(id);
        }
        if (!bulk.writable()) {
            return bulk.payload(null, false);
        }
        boolean unlinking = losingSupervisor || !ending.isEmpty();
        Set<Long> affected = union(List.of(id), unlinking ? enrollments.supervisedStudents(schoolId, List.of(id), ending) : Set.of());
        Map<Long, String> before = states.snapshot(schoolId, affected);
        roleGrants.setExactly(schoolId, Map.of(id, roles));
        if (unlinking) {
            enrollments.unlinkSupervisors(schoolId, List.of(id), ending);
        }
        if (supervisorAfter && productIds != null) {
            enrollments.assign(schoolId, List.of(id), productIds);
        }
        memberships.setArchived(schoolId, List.of(id), roles.isEmpty());
        UUID batch = audit.recordUsers(schoolId, AdministrationAction.PROFESSIONAL_ROLES_SET, before, states.snapshot(schoolId, affected));
        if (batch == null) {
            bulk.unchanged(id);
        }
        return bulk.payload(batch, false);
    }

    /** The roles of the input; STUDENT (or anything else) is an INVALID_ROLE input error. */
    private static Set<Role> roles(List<String> input, Bulk bulk) {
        Set<String> names = new LinkedHashSet<>(input == null ? List.of() : input);
        if (!GRANTABLE.containsAll(names)) {
            bulk.inputError(PayloadError.of(AdministrationError.INVALID_ROLE).field("roles"));
            return EnumSet.noneOf(Role.class);
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        names.forEach(name -> roles.add(Role.valueOf(name)));
        return roles;
    }

    /** The product ids of the input, each known (else NOT_FOUND input errors); one statement. */
    private Set<Long> products(List<String> input, Bulk bulk) {
        Set<Long> ids = new LinkedHashSet<>();
        for (String raw : input == null ? List.<String>of() : input) {
            Long id = Bulk.parseId(raw);
            if (id == null) {
                bulk.inputError(PayloadError.of(CommonError.NOT_FOUND).field("productIds"));
            } else {
                ids.add(id);
            }
        }
        if (!products.existing(ids).containsAll(ids)) {
            bulk.inputError(PayloadError.of(CommonError.NOT_FOUND).field("productIds"));
        }
        return ids;
    }

    private static Set<Long> union(Collection<Long> a, Collection<Long> b) {
        Set<Long> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }
}
