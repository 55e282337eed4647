package nl.klaspoort.administration.internal;

import nl.klaspoort.platform.CommonError;

import nl.klaspoort.platform.PayloadError;

import nl.klaspoort.access.Role;

import nl.klaspoort.access.SchoolAccess;

import nl.klaspoort.enrollment.StudentLinks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.klaspoort.membership.Memberships;
import nl.klaspoort.membership.Memberships.Member;
import nl.klaspoort.audit.AuditLog;
import nl.klaspoort.administration.internal.LinkRules.LinkInput;
import nl.klaspoort.enrollment.StudentLinks.LinkRow;
import nl.klaspoort.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The koppelingen mutations of the manual (4.6–4.9, 4.12.3): link students (B12), link professionals (B11), remove
 * roles (B13) and roles/products per user (B18). Each validates every item first and writes only when none is refused,
 * in one transaction, with set-based statements, and logs one audit batch.
 */
@Service
class KoppelingenService {

    private static final Set<String> GRANTABLE = Set.of("ADMIN", "SUPERVISOR");

    private final JdbcClient jdbc;
    private final SchoolAccess access;
    private final Memberships users;
    private final StudentLinks links;
    private final LinkRules rules;
    private final AuditLog audit;
    private final MemberStates states;

    KoppelingenService(JdbcClient jdbc, SchoolAccess access, Memberships users, StudentLinks links, LinkRules rules, AuditLog audit, MemberStates states) {
        this.jdbc = jdbc;
        this.access = access;
        this.users = users;
        this.links = links;
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
        Map<Long, Member> members = users.load(schoolId, bulk.ids());
        Map<Long, Integer> present = links.presentPairs(schoolId, members.keySet(), rows);
        int pairs = StudentLinks.pairCount(rows);
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
        if (dryRun || !bulk.writable()) {
            return bulk.payload(null, dryRun);
        }
        List<Long> applied = bulk.appliedIds();
        Set<Long> affected = union(applied, StudentLinks.supervisors(rows));
        Map<Long, String> before = states.snapshot(schoolId, affected);
        links.link(schoolId, applied, rows);
        if (applied.stream().anyMatch(id -> members.get(id).archived())) {
            users.setArchived(schoolId, applied, false);
        }
        UUID batch = audit.record(schoolId, "STUDENTS_LINK", before, states.snapshot(schoolId, affected));
        return bulk.payload(batch, false);
    }

    @Transactional
    AdministrationPayload professionalsLink(String schoolIdText, List<String> userIds, List<String> roleInput,
            List<String> productInput, boolean dryRun) {
        long schoolId = access.require(schoolIdText, Role.ADMIN);
        Bulk bulk = Bulk.of(userIds, "userIds");
        Set<String> roles = roles(roleInput, bulk);
        Set<Long> products = products(productInput, bulk);
        if (roles.isEmpty() && products.isEmpty() && !bulk.hasInputErrors()) {
            bulk.inputError(PayloadError.of(CommonError.EMPTY_LIST).field("roles"));
        }
        if (bulk.hasInputErrors()) {
            return bulk.payload(null, dryRun);
        }
        Map<Long, Member> members = users.load(schoolId, bulk.ids());
        Map<Long, Integer> assigned = links.presentAssignments(schoolId, members.keySet(), products);
        List<Long> supervisors = new ArrayList<>();
        for (long id : bulk.ids()) {
            Member member = members.get(id);
            boolean supervisor = member != null && (member.roles().contains("SUPERVISOR") || roles.contains("SUPERVISOR"));
            if (member == null) {
                bulk.refuse(id, CommonError.NOT_FOUND);
            } else if (member.student()) {
                bulk.refuse(id, AdministrationError.NOT_A_PROFESSIONAL);
            } else if (!products.isEmpty() && !supervisor) {
                bulk.refuse(id, AdministrationError.NOT_A_SUPERVISOR);
            } else if (!member.archived() && member.roles().containsAll(roles)
                    && assigned.getOrDefault(id, 0) == products.size()) {
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
        if (!roles.isEmpty()) {
            jdbc.sql("""
                            insert into role_grant (school_id, user_id, role)
                            select :school, u, r from unnest(:users::bigint[]) as u cross join unnest(:roles::text[]) as r
                            on conflict do nothing
                            """)
                    .param("school", schoolId).param("users", applied.toArray(Long[]::new))
                    .param("roles", roles.toArray(String[]::new))
                    .update();
        }
        if (!products.isEmpty()) {
            links.assign(schoolId, supervisors, products);
        }
        users.setArchived(schoolId, applied, false);
        UUID batch = audit.record(schoolId, "PROFESSIONALS_LINK", before, states.snapshot(schoolId, applied));
        return bulk.payload(batch, false);
    }

    @Transactional
    AdministrationPayload rolesRemove(String schoolIdText, List<String> userIds, List<String> roleInput, boolean dryRun) {
        long schoolId = access.require(schoolIdText, Role.ADMIN);
        Bulk bulk = Bulk.of(userIds, "userIds");
        Set<String> roles = roles(roleInput, bulk);
        if (roles.isEmpty() && !bulk.hasInputErrors()) {
            bulk.inputError(PayloadError.of(CommonError.EMPTY_LIST).field("roles"));
        }
        if (bulk.hasInputErrors()) {
            return bulk.payload(null, dryRun);
        }
        Map<Long, Member> members = users.load(schoolId, bulk.ids());
        List<Long> losingSupervisor = members.values().stream()
                .filter(m -> roles.contains("SUPERVISOR") && m.roles().contains("SUPERVISOR")).map(Member::id).toList();
        Set<Long> only = links.onlySupervisors(schoolId, losingSupervisor, null, List.of());
        long self = CurrentUser.id();
        for (long id : bulk.ids()) {
            Member member = members.get(id);
            if (member == null) {
                bulk.refuse(id, CommonError.NOT_FOUND);
            } else if (member.student()) {
                bulk.refuse(id, AdministrationError.NOT_A_PROFESSIONAL);
            } else if (id == self && roles.contains("ADMIN") && member.roles().contains("ADMIN")) {
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
        Set<Long> affected = union(applied, unlinked.isEmpty() ? Set.of() : links.supervisedStudents(schoolId, unlinked, null));
        Map<Long, String> before = states.snapshot(schoolId, affected);
        if (!unlinked.isEmpty()) {
            links.unlinkSupervisors(schoolId, unlinked, null);
        }
        jdbc.sql("delete from role_grant where school_id = :school and user_id = any(:users) and role = any(:roles)")
                .param("school", schoolId).param("users", applied.toArray(Long[]::new))
                .param("roles", roles.toArray(String[]::new))
                .update();
        archiveWithoutRoles(schoolId, applied);
        UUID batch = audit.record(schoolId, "ROLES_REMOVE", before, states.snapshot(schoolId, affected));
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
        Member member = users.load(schoolId, List.of(id)).get(id);
        if (member == null) {
            bulk.refuse(id, CommonError.NOT_FOUND);
        } else if (!member.student()) {
            bulk.refuse(id, AdministrationError.NOT_A_STUDENT);
        } else {
            bulk.applied(id);
        }
        if (!bulk.writable()) {
            return bulk.payload(null, false);
        }
        Set<Long> affected = union(List.of(id), StudentLinks.supervisors(rows));
        Map<Long, String> before = states.snapshot(schoolId, affected);
        links.setExactly(schoolId, id, rows);
        users.setArchived(schoolId, List.of(id), rows.isEmpty());
        UUID batch = audit.record(schoolId, "STUDENT_PRODUCTS_SET", before, states.snapshot(schoolId, affected));
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
        Set<String> roles = roles(roleInput, bulk);
        Set<Long> products = productInput == null ? null : products(productInput, bulk);
        if (bulk.hasInputErrors() || bulk.ids().isEmpty()) {
            return bulk.payload(null, false);
        }
        long id = bulk.ids().getFirst();
        Member member = users.load(schoolId, List.of(id)).get(id);
        boolean supervisorAfter = roles.contains("SUPERVISOR");
        boolean losingSupervisor = member != null && member.roles().contains("SUPERVISOR") && !supervisorAfter;
        Set<Long> current = member == null ? Set.of() : links.assignedProducts(schoolId, id);
        // products that stop: all of them when SUPERVISOR goes, else those left out of productIds
        Set<Long> ending = losingSupervisor ? null : new HashSet<>(current);
        if (ending != null) {
            ending.removeAll(products == null ? current : products);
        }
        if (member == null) {
            bulk.refuse(id, CommonError.NOT_FOUND);
        } else if (member.student()) {
            bulk.refuse(id, AdministrationError.NOT_A_PROFESSIONAL);
        } else if (products != null && !products.isEmpty() && !supervisorAfter) {
            bulk.refuse(id, AdministrationError.NOT_A_SUPERVISOR);
        } else if (id == CurrentUser.id() && member.roles().contains("ADMIN") && !roles.contains("ADMIN")) {
            bulk.refuse(id, AdministrationError.SELF);
        } else if ((losingSupervisor || !ending.isEmpty())
                && !links.onlySupervisors(schoolId, List.of(id), ending, List.of()).isEmpty()) {
            bulk.refuse(id, AdministrationError.ONLY_SUPERVISOR);
        } else {
            bulk.applied(id);
        }
        if (!bulk.writable()) {
            return bulk.payload(null, false);
        }
        boolean unlinking = losingSupervisor || !ending.isEmpty();
        Set<Long> affected = union(List.of(id), unlinking ? links.supervisedStudents(schoolId, List.of(id), ending) : Set.of());
        Map<Long, String> before = states.snapshot(schoolId, affected);
        jdbc.sql("delete from role_grant where school_id = :school and user_id = :user and role <> all(:roles)")
                .param("school", schoolId).param("user", id).param("roles", roles.toArray(String[]::new)).update();
        if (!roles.isEmpty()) {
            jdbc.sql("""
                            insert into role_grant (school_id, user_id, role) select :school, :user, r from unnest(:roles::text[]) as r
                            on conflict do nothing
                            """)
                    .param("school", schoolId).param("user", id).param("roles", roles.toArray(String[]::new)).update();
        }
        if (unlinking) {
            links.unlinkSupervisors(schoolId, List.of(id), ending);
        }
        if (supervisorAfter && products != null && !products.isEmpty()) {
            links.assign(schoolId, List.of(id), products);
        }
        users.setArchived(schoolId, List.of(id), roles.isEmpty());
        UUID batch = audit.record(schoolId, "PROFESSIONAL_ROLES_SET", before, states.snapshot(schoolId, affected));
        if (batch == null) {
            bulk.unchanged(id);
        }
        return bulk.payload(batch, false);
    }

    /** Archives those of the professionals who hold no role at the school any more; one statement. */
    private void archiveWithoutRoles(long schoolId, List<Long> ids) {
        jdbc.sql("""
                        update school_member m set archived_at = now()
                         where m.school_id = :school and m.user_id = any(:users) and m.archived_at is null
                           and not exists (select 1 from role_grant r where r.school_id = m.school_id and r.user_id = m.user_id)
                        """)
                .param("school", schoolId).param("users", ids.toArray(Long[]::new))
                .update();
    }

    /** The roles of the input; STUDENT (or anything else) is an INVALID_ROLE input error. */
    private static Set<String> roles(List<String> input, Bulk bulk) {
        Set<String> roles = new LinkedHashSet<>(input == null ? List.of() : input);
        if (!GRANTABLE.containsAll(roles)) {
            bulk.inputError(PayloadError.of(AdministrationError.INVALID_ROLE).field("roles"));
        }
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
        Set<Long> known = links.existingProducts(ids);
        if (!known.containsAll(ids)) {
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
