package nl.klaspoort.administration.internal;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.klaspoort.access.Role;
import nl.klaspoort.access.Roles;
import nl.klaspoort.access.SchoolAccess;
import nl.klaspoort.audit.AuditLog;
import nl.klaspoort.audit.AuditLog.Recorded;
import nl.klaspoort.audit.AuditTarget;
import nl.klaspoort.enrollment.Enrollments;
import nl.klaspoort.membership.Memberships;
import nl.klaspoort.people.People;
import nl.klaspoort.people.Person;
import nl.klaspoort.people.Professional;
import nl.klaspoort.people.Student;
import nl.klaspoort.platform.PayloadError;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Undo of one audit batch (X5): every user of the batch gets back the state recorded before it (archive state,
 * gradeYear, roles, product assignments, enrollments with supervisors), through the owners' APIs. Refused, as a whole,
 * when a user's current state is no longer the state the batch left (a later change would be overwritten). A constant
 * number of statements.
 */
@Service
class AuditUndoService {

    /** Actions whose events hold complete member states, so restoring {@code before} is exact. */
    static final Set<AdministrationAction> UNDOABLE = EnumSet.of(AdministrationAction.USERS_ARCHIVE,
            AdministrationAction.USERS_DEARCHIVE, AdministrationAction.STUDENTS_GRADE_YEAR_CHANGE,
            AdministrationAction.STUDENTS_LINK, AdministrationAction.PROFESSIONALS_LINK, AdministrationAction.ROLES_REMOVE,
            AdministrationAction.STUDENT_PRODUCTS_SET, AdministrationAction.PROFESSIONAL_ROLES_SET,
            AdministrationAction.AUDIT_BATCH_UNDO);

    private final SchoolAccess access;
    private final Memberships memberships;
    private final People people;
    private final Roles roles;
    private final Enrollments enrollments;
    private final AuditLog audit;
    private final MemberStateQueries states;
    private final JsonMapper json;

    AuditUndoService(SchoolAccess access, Memberships memberships, People people, Roles roles, Enrollments enrollments,
            AuditLog audit, MemberStateQueries states, JsonMapper json) {
        this.access = access;
        this.memberships = memberships;
        this.people = people;
        this.roles = roles;
        this.enrollments = enrollments;
        this.audit = audit;
        this.states = states;
        this.json = json;
    }

    @Transactional
    AdministrationPayload undo(String batchIdText) {
        UUID batchId = uuid(batchIdText);
        List<Recorded> events = batchId == null ? List.of() : audit.batch(batchId);
        if (events.isEmpty() || access.rolesAt(events.getFirst().schoolId()).isEmpty()) {
            return refusedBatch(AdministrationError.BATCH_NOT_FOUND);
        }
        long schoolId = events.getFirst().schoolId();
        access.require(schoolId, Role.ADMIN);
        if (AdministrationAction.USER_UPDATE.name().equals(events.getFirst().action()) && events.size() == 1
                && events.getFirst().targetType() == AuditTarget.Type.USER) {
            return undoProfile(schoolId, batchId, events.getFirst());
        }
        if (UNDOABLE.stream().noneMatch(a -> a.name().equals(events.getFirst().action()))
                || events.stream().anyMatch(e -> e.targetType() != AuditTarget.Type.USER)) {
            return refusedBatch(AdministrationError.NOT_UNDOABLE);
        }
        if (audit.undone(batchId)) {
            return refusedBatch(AdministrationError.ALREADY_UNDONE);
        }
        Bulk bulk = Bulk.of(events.stream().map(e -> Long.toString(e.targetId())).toList(), "batchId");
        memberships.lock(schoolId, bulk.ids()); // against concurrent changes of the same users
        Map<Long, String> current = states.snapshot(schoolId, bulk.ids());
        Map<Long, String> previous = new LinkedHashMap<>();
        for (Recorded event : events) {
            if (event.before() == null) {
                bulk.refuse(event.targetId(), AdministrationError.NOT_UNDOABLE);
            } else if (event.after() == null || !event.after().equals(current.get(event.targetId()))) {
                bulk.refuse(event.targetId(), AdministrationError.UNDO_CONFLICT);
            } else {
                bulk.applied(event.targetId());
                previous.put(event.targetId(), event.before());
            }
        }
        if (bulk.writable()) { // enrollments the undo brings back take licences again (A5)
            enrollments.licenceProblems(schoolId, enrollmentsOf(previous)).forEach(bulk::inputError);
        }
        if (!bulk.writable()) {
            return bulk.payload(null, false);
        }
        restore(schoolId, previous);
        Map<Long, String> restored = states.snapshot(schoolId, previous.keySet());
        UUID batch = audit.recordUsers(schoolId, AdministrationAction.AUDIT_BATCH_UNDO, current, restored, batchId);
        return bulk.payload(batch, false);
    }

    /**
     * Undo of a profile edit (identity changes are undoable too): the profile recorded before comes back, unless it has
     * changed since (UNDO_CONFLICT), its e-mail address or (a pupil's) username is someone else's by now (UNDO_CONFLICT;
     * usernames per school), or it would change the
     * name or e-mail of a professional who also works at another school (IDENTITY_SHARED: not this school's to change).
     * The undo is itself a profile edit in the log, so it can be undone in turn.
     */
    private AdministrationPayload undoProfile(long schoolId, UUID batchId, Recorded event) {
        long id = event.targetId();
        Bulk bulk = Bulk.of(List.of(Long.toString(id)), "batchId");
        if (audit.undone(batchId)) {
            return refusedBatch(AdministrationError.ALREADY_UNDONE);
        }
        memberships.lock(schoolId, List.of(id));
        Person person = people.byId(id).orElse(null);
        String current = person == null ? null : people.profileJson(id);
        JsonNode before = event.before() == null ? null : json.readTree(event.before());
        JsonNode now = current == null ? null : json.readTree(current);
        if (before == null || now == null) {
            bulk.refuse(id, AdministrationError.NOT_UNDOABLE);
        } else if (!json.readTree(event.after()).equals(now)
                || (person instanceof Professional && !before.path("email").equals(now.path("email"))
                        && people.emailTaken(before.path("email").asString(), id))
                || (person instanceof Student && !before.path("username").equals(now.path("username"))
                        && people.usernameTaken(schoolId, before.path("username").asString(), id))) {
            bulk.refuse(id, AdministrationError.UNDO_CONFLICT);
        } else if (person instanceof Professional && identityChanges(before, now) && memberships.memberElsewhere(id, schoolId)) {
            bulk.refuse(id, AdministrationError.IDENTITY_SHARED);
        } else {
            bulk.applied(id);
        }
        if (!bulk.writable()) {
            return bulk.payload(null, false);
        }
        people.updateProfile(id, person instanceof Student, new People.Profile(text(before, "firstName"), text(before, "namePrefix"),
                text(before, "lastName"), text(before, "email"), text(before, "function"), text(before, "username"),
                before.path("gradeYear").isNumber() ? before.path("gradeYear").asInt() : null, text(before, "group")));
        UUID batch = audit.recordUsers(schoolId, AdministrationAction.USER_UPDATE, Map.of(id, current),
                Map.of(id, people.profileJson(id)), batchId);
        return bulk.payload(batch, false);
    }

    private static boolean identityChanges(JsonNode before, JsonNode now) {
        return List.of("firstName", "namePrefix", "lastName", "email").stream()
                .anyMatch(field -> !before.path(field).equals(now.path(field)));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asString();
    }

    /** Gives every user the state of {@link MemberStateQueries}' JSON, owner by owner; ten statements in all. */
    private void restore(long schoolId, Map<Long, String> statesById) {
        Map<Long, Boolean> archived = new LinkedHashMap<>();
        Map<Long, Integer> gradeYears = new LinkedHashMap<>();
        Map<Long, Set<Role>> roleSets = new LinkedHashMap<>();
        Map<Long, Set<Long>> assignments = new LinkedHashMap<>();
        Map<Long, Map<Long, List<Long>>> enrolled = new LinkedHashMap<>();
        statesById.forEach((id, text) -> {
            JsonNode state = json.readTree(text);
            archived.put(id, state.path("archived").asBoolean());
            if (!state.path("gradeYear").isNull() && !state.path("gradeYear").isMissingNode()) {
                gradeYears.put(id, state.path("gradeYear").asInt());
            }
            Set<Role> held = EnumSet.noneOf(Role.class);
            state.path("roles").forEach(r -> held.add(Role.valueOf(r.asString())));
            roleSets.put(id, held);
            Set<Long> products = new LinkedHashSet<>();
            state.path("products").forEach(p -> products.add(p.asLong()));
            assignments.put(id, products);
            Map<Long, List<Long>> byProduct = new LinkedHashMap<>();
            state.path("enrollments").forEach(e -> byProduct.put(e.path("productId").asLong(),
                    e.path("supervisorIds").valueStream().map(JsonNode::asLong).collect(Collectors.toList())));
            enrolled.put(id, byProduct);
        });
        memberships.setArchiveStates(schoolId, archived);
        people.setGradeYears(gradeYears);
        roles.setExactly(schoolId, roleSets);
        enrollments.setAssignments(schoolId, assignments);
        enrollments.setEnrollments(schoolId, enrolled);
    }

    /** Per student: the products of the enrollments in the recorded states. */
    private Map<Long, Set<Long>> enrollmentsOf(Map<Long, String> statesById) {
        Map<Long, Set<Long>> products = new LinkedHashMap<>();
        statesById.forEach((id, text) -> json.readTree(text).path("enrollments")
                .forEach(e -> products.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(e.path("productId").asLong())));
        return products;
    }

    private static UUID uuid(String text) {
        try {
            return text == null ? null : UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static AdministrationPayload refusedBatch(AdministrationError code) {
        return new AdministrationPayload(null, false, List.of(), List.of(PayloadError.of(code).field("batchId")));
    }
}
