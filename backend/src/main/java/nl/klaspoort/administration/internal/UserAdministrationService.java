package nl.klaspoort.administration.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import nl.klaspoort.access.Role;
import nl.klaspoort.access.Roles;
import nl.klaspoort.access.SchoolAccess;
import nl.klaspoort.administration.internal.LinkRules.LinkInput;
import nl.klaspoort.audit.AuditLog;
import nl.klaspoort.audit.AuditTarget;
import nl.klaspoort.enrollment.Enrollments;
import nl.klaspoort.enrollment.Enrollments.LinkRow;
import nl.klaspoort.membership.Memberships;
import nl.klaspoort.membership.Memberships.Member;
import nl.klaspoort.people.People;
import nl.klaspoort.people.Professional;
import nl.klaspoort.people.People.NewProfessional;
import nl.klaspoort.people.People.NewStudent;
import nl.klaspoort.people.People.Profile;
import nl.klaspoort.people.StudentLogins;
import nl.klaspoort.platform.CommonError;
import nl.klaspoort.platform.PayloadError;
import nl.klaspoort.product.Products;
import nl.klaspoort.security.CurrentUser;
import nl.klaspoort.security.SecurityEvents;
import nl.klaspoort.security.UserSessions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The user mutations of the manual's chapter 4: create (B4, B6), archive (B8), dearchive (B10), gradeYear (B14), edit
 * a profile (B16) and reset a student's login (B17). Every item is validated before anything is written; one refusal
 * means nothing is written. Each mutation is one transaction and one audit batch. Writes go through the owners' APIs:
 * people, membership, access, enrollment.
 */
@Service
class UserAdministrationService {

    /** Login details handed out once. */
    record Credentials(String username, String password) {}

    /** A create or update payload: names the member it returns (GraphQL {@code user}), resolved when asked for. */
    interface MemberPayload {
        long schoolId();

        String userId();
    }

    record ProfessionalCreated(long schoolId, String userId, boolean activationPending, String batchId,
            List<PayloadError> errors) implements MemberPayload {}

    record StudentCreated(long schoolId, String userId, Credentials credentials, String batchId,
            List<PayloadError> errors) implements MemberPayload {}

    record ProfileSaved(long schoolId, String userId, String batchId, List<PayloadError> errors) implements MemberPayload {}

    record CredentialsReset(long schoolId, String userId, Credentials credentials, String batchId,
            List<PayloadError> errors) implements MemberPayload {}

    record ProfessionalInput(String schoolId, String firstName, String namePrefix, String lastName, String email,
            String function, List<String> roles, List<String> productIds) {}

    record StudentInput(String schoolId, String firstName, String namePrefix, String lastName, Integer gradeYear,
            String group, List<String> productIds, List<String> supervisorIds, String username, String password,
            Boolean dryRun) {}

    record ProfileInput(String schoolId, String userId, String firstName, String namePrefix, String lastName,
            String email, String function, String username, Integer gradeYear, String group) {}

    record CredentialsInput(String schoolId, String studentId, String username, String password, Boolean generatePassword) {}

    private final SchoolAccess access;
    private final Memberships memberships;
    private final People people;
    private final Roles roles;
    private final Enrollments enrollments;
    private final Products products;
    private final LinkRules rules;
    private final AuditLog audit;
    private final MemberStateQueries states;
    private final PasswordEncoder passwords;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final UserSessions sessions;
    private final ProfessionalInvitations invitations;

    UserAdministrationService(SchoolAccess access, Memberships memberships, People people, Roles roles,
            Enrollments enrollments, Products products, LinkRules rules, AuditLog audit, MemberStateQueries states,
            PasswordEncoder passwords, JsonMapper json, ApplicationEventPublisher events, UserSessions sessions,
            ProfessionalInvitations invitations) {
        this.access = access;
        this.memberships = memberships;
        this.people = people;
        this.roles = roles;
        this.enrollments = enrollments;
        this.products = products;
        this.rules = rules;
        this.audit = audit;
        this.states = states;
        this.passwords = passwords;
        this.json = json;
        this.events = events;
        this.sessions = sessions;
        this.invitations = invitations;
    }

    @Transactional
    AdministrationPayload archive(String schoolIdText, List<String> userIds, boolean dryRun) {
        long schoolId = access.require(schoolIdText, Role.ADMIN);
        Bulk bulk = Bulk.of(userIds, "userIds");
        if (bulk.hasInputErrors()) {
            return bulk.payload(null, dryRun);
        }
        Map<Long, Member> members = memberships.lock(schoolId, bulk.ids());
        List<Member> archiving = members.values().stream().filter(m -> !m.archived()).toList();
        Set<Long> only = enrollments.onlySupervisors(schoolId,
                archiving.stream().filter(m -> m.roles().contains(Role.SUPERVISOR)).map(Member::id).toList(), null,
                archiving.stream().filter(Member::student).map(Member::id).toList());
        long self = CurrentUser.id();
        for (long id : bulk.ids()) {
            Member member = members.get(id);
            if (member == null) {
                bulk.refuse(id, CommonError.NOT_FOUND);
            } else if (id == self) {
                bulk.refuse(id, AdministrationError.SELF);
            } else if (member.archived()) {
                bulk.unchanged(id);
            } else if (only.contains(id)) {
                bulk.refuse(id, AdministrationError.ONLY_SUPERVISOR);
            } else {
                bulk.applied(id);
            }
        }
        return write(schoolId, bulk, dryRun, AdministrationAction.USERS_ARCHIVE, ids -> {
            memberships.setArchived(schoolId, ids, true);
            // an archived user is signed out at once (signing in again works only where they are still active)
            ids.forEach(sessions::endAll);
        });
    }

    @Transactional
    AdministrationPayload dearchive(String schoolIdText, List<String> userIds, boolean dryRun) {
        long schoolId = access.require(schoolIdText, Role.ADMIN);
        Bulk bulk = Bulk.of(userIds, "userIds");
        if (bulk.hasInputErrors()) {
            return bulk.payload(null, dryRun);
        }
        Map<Long, Member> members = memberships.lock(schoolId, bulk.ids());
        List<Long> archived = members.values().stream().filter(Member::archived).map(Member::id).toList();
        Set<Long> linked = enrollments.linkedStudents(schoolId, archived, archived);
        for (long id : bulk.ids()) {
            Member member = members.get(id);
            if (member == null) {
                bulk.refuse(id, CommonError.NOT_FOUND);
            } else if (!member.archived()) {
                bulk.unchanged(id);
            } else if (member.student() ? !linked.contains(id) : member.roles().isEmpty()) {
                bulk.refuse(id, AdministrationError.NO_PREVIOUS_LINKS);
            } else {
                bulk.applied(id);
            }
        }
        return write(schoolId, bulk, dryRun, AdministrationAction.USERS_DEARCHIVE,
                ids -> memberships.setArchived(schoolId, ids, false));
    }

    @Transactional
    AdministrationPayload changeGradeYear(String schoolIdText, List<String> studentIds, String step, boolean dryRun) {
        long schoolId = access.require(schoolIdText, Role.ADMIN);
        Bulk bulk = Bulk.of(studentIds, "studentIds");
        if (bulk.hasInputErrors()) {
            return bulk.payload(null, dryRun);
        }
        int delta = "DOWN".equals(step) ? -1 : 1;
        Map<Long, Member> members = memberships.lock(schoolId, bulk.ids());
        for (long id : bulk.ids()) {
            Member member = members.get(id);
            if (member == null) {
                bulk.refuse(id, CommonError.NOT_FOUND);
            } else if (!member.student()) {
                bulk.refuse(id, AdministrationError.NOT_A_STUDENT);
            } else if (member.archived()) {
                bulk.refuse(id, AdministrationError.ARCHIVED);
            } else if (member.gradeYear() == null || !ProfileRules.validGradeYear(member.gradeYear() + delta)) {
                bulk.refuse(id, AdministrationError.GRADE_YEAR_OUT_OF_RANGE);
            } else {
                bulk.applied(id);
            }
        }
        return write(schoolId, bulk, dryRun, AdministrationAction.STUDENTS_GRADE_YEAR_CHANGE,
                ids -> people.shiftGradeYears(ids, delta));
    }

    /** Writes the applied items unless this is a dry run or something was refused; one audit batch. */
    private AdministrationPayload write(long schoolId, Bulk bulk, boolean dryRun, AdministrationAction action,
            Consumer<List<Long>> change) {
        if (dryRun || !bulk.writable()) {
            return bulk.payload(null, dryRun);
        }
        List<Long> applied = bulk.appliedIds();
        Map<Long, String> before = states.snapshot(schoolId, applied);
        change.accept(applied);
        return bulk.payload(audit.recordUsers(schoolId, action, before, states.snapshot(schoolId, applied)), false);
    }

    @Transactional
    ProfessionalCreated createProfessional(ProfessionalInput input) {
        long schoolId = access.require(input.schoolId(), Role.ADMIN);
        List<PayloadError> errors = new ArrayList<>();
        String first = ProfileRules.clean(input.firstName());
        String prefix = ProfileRules.clean(input.namePrefix());
        String last = ProfileRules.clean(input.lastName());
        String email = ProfileRules.normalEmail(input.email());
        ProfileRules.checkName(first, prefix, last, errors);
        ProfileRules.checkFunction(ProfileRules.clean(input.function()), errors);
        Professional invitee = null; // issue 10, item 9: someone of another school is invited, with the same answer
        if (!ProfileRules.validEmail(email)) {
            errors.add(PayloadError.of(AdministrationError.INVALID_EMAIL).field("email"));
        } else if (people.emailTaken(email, -1)) {
            invitee = invitations.invitable(schoolId, email).orElse(null);
            if (invitee == null) {
                errors.add(PayloadError.of(AdministrationError.EMAIL_TAKEN).field("email"));
            }
        }
        Set<String> roleNames = new LinkedHashSet<>(input.roles() == null ? List.of() : input.roles());
        if (roleNames.isEmpty()) {
            errors.add(PayloadError.of(AdministrationError.NO_ROLES).field("roles"));
        } else if (!Set.of("ADMIN", "SUPERVISOR").containsAll(roleNames)) {
            errors.add(PayloadError.of(AdministrationError.INVALID_ROLE).field("roles"));
        }
        Set<Long> productIds = new LinkedHashSet<>();
        for (String raw : input.productIds() == null ? List.<String>of() : input.productIds()) {
            Long id = Bulk.parseId(raw);
            if (id == null) {
                errors.add(PayloadError.of(CommonError.NOT_FOUND).field("productIds"));
            } else {
                productIds.add(id);
            }
        }
        if (!productIds.isEmpty() && !roleNames.contains("SUPERVISOR")) {
            errors.add(PayloadError.of(AdministrationError.NOT_A_SUPERVISOR).field("productIds"));
        } else if (!products.existing(productIds).containsAll(productIds)) {
            errors.add(PayloadError.of(CommonError.NOT_FOUND).field("productIds"));
        }
        if (!errors.isEmpty()) {
            return new ProfessionalCreated(schoolId, null, false, null, errors);
        }
        if (invitee != null) {
            var invited = invitations.invite(schoolId, List.of(new nl.klaspoort.membership.Invitations.NewInvitation(
                    invitee.id(), first, prefix, last, email, ProfileRules.clean(input.function()),
                    List.copyOf(roleNames), List.copyOf(productIds), false)));
            UUID batch = audit.record(schoolId, AdministrationAction.PROFESSIONAL_CREATE, invited.entries());
            return new ProfessionalCreated(schoolId, Long.toString(invited.ids().getFirst()), true, batch.toString(), List.of());
        }
        long id = people.createProfessional(new NewProfessional(first, prefix, last, email,
                ProfileRules.clean(input.function()), null));
        memberships.join(schoolId, List.of(id));
        roles.grant(schoolId, List.of(id), roleNames.stream().map(Role::valueOf).toList());
        enrollments.assign(schoolId, List.of(id), productIds);
        UUID batch = audit.recordUsers(schoolId, AdministrationAction.PROFESSIONAL_CREATE, Map.of(),
                states.snapshot(schoolId, List.of(id)));
        events.publishEvent(new nl.klaspoort.administration.ProfessionalCreated(schoolId, id));
        return new ProfessionalCreated(schoolId, Long.toString(id), true, batch.toString(), List.of());
    }

    @Transactional
    StudentCreated createStudent(StudentInput input) {
        long schoolId = access.require(input.schoolId(), Role.ADMIN);
        if (!roles.hasActiveSupervisor(schoolId)) {
            return new StudentCreated(schoolId, null, null, null,
                    List.of(PayloadError.of(AdministrationError.NO_SUPERVISOR_AT_SCHOOL)));
        }
        List<PayloadError> errors = new ArrayList<>();
        String first = ProfileRules.clean(input.firstName());
        String prefix = ProfileRules.clean(input.namePrefix());
        String last = ProfileRules.clean(input.lastName());
        ProfileRules.checkName(first, prefix, last, errors);
        ProfileRules.checkGroup(ProfileRules.clean(input.group()), errors);
        if (!ProfileRules.validGradeYear(input.gradeYear())) {
            errors.add(PayloadError.of(AdministrationError.INVALID_GRADE_YEAR).field("gradeYear"));
        }
        String username = ProfileRules.normalUsername(ProfileRules.clean(input.username()));
        if (username != null && !ProfileRules.validUsername(username)) {
            errors.add(PayloadError.of(AdministrationError.INVALID_USERNAME).field("username"));
        } else if (username != null && people.usernameTaken(schoolId, username, -1)) {
            errors.add(PayloadError.of(AdministrationError.USERNAME_TAKEN).field("username"));
        }
        if (input.password() != null && !ProfileRules.validPassword(input.password(), username)) {
            errors.add(PayloadError.of(AdministrationError.INVALID_PASSWORD).field("password"));
        }
        List<String> productIds = input.productIds() == null ? List.of() : input.productIds();
        List<String> supervisorIds = input.supervisorIds() == null ? List.of() : input.supervisorIds();
        if (productIds.isEmpty()) {
            errors.add(PayloadError.of(CommonError.EMPTY_LIST).field("productIds"));
        }
        if (supervisorIds.isEmpty()) {
            errors.add(PayloadError.of(CommonError.EMPTY_LIST).field("supervisorIds"));
        }
        List<LinkRow> rows = List.of();
        if (!productIds.isEmpty() && !supervisorIds.isEmpty()) {
            rows = rules.parse(schoolId, new LinkedHashSet<>(productIds).stream()
                    .map(p -> new LinkInput(p, supervisorIds)).toList(), false, errors::add);
        }
        if (errors.isEmpty()) { // A5: the new student takes a licence of each product
            errors.addAll(enrollments.licenceProblemsOfNewStudents(schoolId, rows.stream().map(LinkRow::productId).toList(), 1));
        }
        if (!errors.isEmpty()) {
            return new StudentCreated(schoolId, null, null, null, errors);
        }
        if (username == null) {
            String base = StudentLogins.usernameBase(first, prefix, last);
            username = StudentLogins.firstFree(base, people.usernamesStartingWith(schoolId, List.of(base)));
        }
        String password = input.password() != null ? input.password() : StudentLogins.generatePassword();
        if (Boolean.TRUE.equals(input.dryRun())) {
            return new StudentCreated(schoolId, null, new Credentials(username, password), null, List.of());
        }
        long id = people.createStudent(new NewStudent(schoolId, first, prefix, last, username, input.gradeYear(),
                ProfileRules.clean(input.group()), passwords.encode(password)));
        memberships.join(schoolId, List.of(id));
        Set<Long> supervisors = Enrollments.supervisorsOf(rows);
        Map<Long, String> before = states.snapshot(schoolId, supervisors);
        enrollments.link(schoolId, List.of(id), rows);
        Set<Long> affected = new LinkedHashSet<>(supervisors);
        affected.add(id);
        UUID batch = audit.recordUsers(schoolId, AdministrationAction.STUDENT_CREATE, before, states.snapshot(schoolId, affected));
        return new StudentCreated(schoolId, Long.toString(id), new Credentials(username, password), batch.toString(), List.of());
    }

    @Transactional
    ProfileSaved updateProfile(ProfileInput input) {
        long schoolId = access.require(input.schoolId(), Role.ADMIN);
        Long id = Bulk.parseId(input.userId());
        Member member = id == null ? null : memberships.lock(schoolId, List.of(id)).get(id);
        if (member == null) {
            return new ProfileSaved(schoolId, input.userId(), null,
                    List.of(PayloadError.of(CommonError.NOT_FOUND).item(input.userId())));
        }
        if (member.archived()) {
            return new ProfileSaved(schoolId, input.userId(), null, List.of(PayloadError.of(AdministrationError.ARCHIVED).item(id)));
        }
        List<PayloadError> errors = new ArrayList<>();
        String first = ProfileRules.clean(input.firstName());
        String prefix = ProfileRules.clean(input.namePrefix());
        String last = ProfileRules.clean(input.lastName());
        ProfileRules.checkName(first, prefix, last, errors);
        String email = null;
        String username = null;
        if (member.student()) {
            ProfileRules.checkGroup(ProfileRules.clean(input.group()), errors);
            username = ProfileRules.normalUsername(input.username());
            if (!ProfileRules.validUsername(username)) {
                errors.add(PayloadError.of(AdministrationError.INVALID_USERNAME).field("username"));
            } else if (people.usernameTaken(schoolId, username, id)) {
                errors.add(PayloadError.of(AdministrationError.USERNAME_TAKEN).field("username"));
            }
            if (!ProfileRules.validGradeYear(input.gradeYear())) {
                errors.add(PayloadError.of(AdministrationError.INVALID_GRADE_YEAR).field("gradeYear"));
            }
        } else {
            ProfileRules.checkFunction(ProfileRules.clean(input.function()), errors);
            email = ProfileRules.normalEmail(input.email());
            if (!ProfileRules.validEmail(email)) {
                errors.add(PayloadError.of(AdministrationError.INVALID_EMAIL).field("email"));
            } else if (people.emailTaken(email, id)) {
                errors.add(PayloadError.of(AdministrationError.EMAIL_TAKEN).field("email"));
            }
        }
        if (errors.isEmpty() && !member.student()) {
            identityGuard(schoolId, id, first, prefix, last, email, errors);
        }
        if (!errors.isEmpty()) {
            return new ProfileSaved(schoolId, input.userId(), null, errors);
        }
        String before = people.profileJson(id);
        people.updateProfile(id, member.student(), new Profile(first, prefix, last, email, ProfileRules.clean(input.function()),
                username, member.student() ? input.gradeYear() : null, ProfileRules.clean(input.group())));
        String after = people.profileJson(id);
        UUID batch = audit.recordUsers(schoolId, AdministrationAction.USER_UPDATE, Map.of(id, before), Map.of(id, after));
        return new ProfileSaved(schoolId, input.userId(), batch == null ? null : batch.toString(), List.of());
    }

    /**
     * A school admin's power ends at their school: the identity of a professional who is also a member of another
     * school (name, login e-mail) is not theirs to change, and nobody changes their own login e-mail here (that takes
     * the current password and a confirmed new address). Authority follows no such attribute, but the person's login
     * and name are theirs. Each refused field is an error; nothing is written.
     */
    private void identityGuard(long schoolId, long id, String first, String prefix, String last, String email,
            List<PayloadError> errors) {
        Professional current = (Professional) people.byId(id).orElseThrow();
        Map<String, Boolean> changed = new LinkedHashMap<>();
        changed.put("firstName", !java.util.Objects.equals(first, current.firstName()));
        changed.put("namePrefix", !java.util.Objects.equals(prefix, current.namePrefix()));
        changed.put("lastName", !java.util.Objects.equals(last, current.lastName()));
        changed.put("email", !java.util.Objects.equals(email, current.email()));
        if (!changed.containsValue(true)) {
            return;
        }
        if (id == CurrentUser.id() && changed.get("email")) {
            errors.add(PayloadError.of(AdministrationError.OWN_EMAIL_NEEDS_VERIFICATION).field("email"));
        }
        if (id != CurrentUser.id() && memberships.memberElsewhere(id, schoolId)) {
            changed.forEach((field, isChanged) -> {
                if (isChanged) {
                    errors.add(PayloadError.of(AdministrationError.IDENTITY_SHARED).field(field).item(id));
                }
            });
            SecurityEvents.record(SecurityEvents.Event.IDENTITY_CHANGE_REFUSED, "user", id, "by", CurrentUser.id(),
                    "school", schoolId);
        }
    }

    @Transactional
    CredentialsReset resetCredentials(CredentialsInput input) {
        long schoolId = access.require(input.schoolId(), Role.ADMIN);
        Long id = Bulk.parseId(input.studentId());
        Member member = id == null ? null : memberships.lock(schoolId, List.of(id)).get(id);
        List<PayloadError> errors = new ArrayList<>();
        if (member == null) {
            errors.add(PayloadError.of(CommonError.NOT_FOUND).item(input.studentId()));
        } else if (!member.student()) {
            errors.add(PayloadError.of(AdministrationError.NOT_A_STUDENT).item(id));
        } else if (member.archived()) {
            errors.add(PayloadError.of(AdministrationError.ARCHIVED).item(id));
        }
        String username = ProfileRules.normalUsername(ProfileRules.clean(input.username()));
        if (errors.isEmpty() && username != null) {
            if (!ProfileRules.validUsername(username)) {
                errors.add(PayloadError.of(AdministrationError.INVALID_USERNAME).field("username"));
            } else if (people.usernameTaken(schoolId, username, id)) {
                errors.add(PayloadError.of(AdministrationError.USERNAME_TAKEN).field("username"));
            }
        }
        if (input.password() != null && !ProfileRules.validPassword(input.password(), username)) {
            errors.add(PayloadError.of(AdministrationError.INVALID_PASSWORD).field("password"));
        }
        if (!errors.isEmpty()) {
            return new CredentialsReset(schoolId, input.studentId(), null, null, errors);
        }
        String password = input.password() != null ? input.password()
                : Boolean.TRUE.equals(input.generatePassword()) || username == null ? StudentLogins.generatePassword() : null;
        String oldUsername = people.byId(id).orElseThrow().username();
        String newUsername = username == null ? oldUsername : username;
        people.setCredentials(id, newUsername, password == null ? null : passwords.encode(password));
        if (password != null || !newUsername.equals(oldUsername)) {
            // whoever knew the old login is out at once, on every device
            sessions.endAll(id);
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("username", newUsername);
        after.put("passwordChanged", password != null);
        UUID batch = audit.record(schoolId, AdministrationAction.STUDENT_CREDENTIALS_RESET, List.of(new AuditLog.Entry(
                AuditTarget.user(id), json.writeValueAsString(Map.of("username", oldUsername)), json.writeValueAsString(after))));
        return new CredentialsReset(schoolId, input.studentId(), new Credentials(newUsername, password), batch.toString(), List.of());
    }
}
