package nl.klaspoort.administration.internal;

import nl.klaspoort.platform.CommonError;

import nl.klaspoort.platform.PayloadError;

import nl.klaspoort.access.Role;

import nl.klaspoort.access.SchoolAccess;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.klaspoort.membership.Memberships;
import nl.klaspoort.membership.Memberships.Member;
import nl.klaspoort.audit.AuditLog;
import nl.klaspoort.enrollment.StudentLinks;
import nl.klaspoort.administration.internal.LinkRules.LinkInput;
import nl.klaspoort.enrollment.StudentLinks.LinkRow;
import nl.klaspoort.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The user mutations of the manual's chapter 4: create (B4, B6), archive (B8), dearchive (B10), gradeYear (B14), edit
 * a profile (B16) and reset a student's login (B17). Every item is validated before anything is written; one refusal
 * means nothing is written. Each mutation is one transaction and one audit batch.
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

    private static final String PROFILE_SQL = """
            select jsonb_build_object('firstName', first_name, 'namePrefix', name_prefix, 'lastName', last_name,
                                      'email', email, 'function', function_title, 'username', username,
                                      'gradeYear', grade_year, 'group', group_name)::text
              from app_user where id = :id
            """;

    private final JdbcClient jdbc;
    private final SchoolAccess access;
    private final Memberships users;
    private final StudentLinks links;
    private final LinkRules rules;
    private final AuditLog audit;
    private final MemberStates states;
    private final PasswordEncoder passwords;

    UserAdministrationService(JdbcClient jdbc, SchoolAccess access, Memberships users, StudentLinks links, LinkRules rules, AuditLog audit, MemberStates states,
            PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.access = access;
        this.users = users;
        this.links = links;
        this.rules = rules;
        this.audit = audit;
        this.states = states;
        this.passwords = passwords;
    }

    @Transactional
    AdministrationPayload archive(String schoolIdText, List<String> userIds, boolean dryRun) {
        long schoolId = access.require(schoolIdText, Role.ADMIN);
        Bulk bulk = Bulk.of(userIds, "userIds");
        if (bulk.hasInputErrors()) {
            return bulk.payload(null, dryRun);
        }
        Map<Long, Member> members = users.load(schoolId, bulk.ids());
        List<Member> archiving = members.values().stream().filter(m -> !m.archived()).toList();
        Set<Long> only = links.onlySupervisors(schoolId,
                archiving.stream().filter(m -> m.roles().contains("SUPERVISOR")).map(Member::id).toList(), null,
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
        return write(schoolId, bulk, dryRun, "USERS_ARCHIVE", ids -> users.setArchived(schoolId, ids, true));
    }

    @Transactional
    AdministrationPayload dearchive(String schoolIdText, List<String> userIds, boolean dryRun) {
        long schoolId = access.require(schoolIdText, Role.ADMIN);
        Bulk bulk = Bulk.of(userIds, "userIds");
        if (bulk.hasInputErrors()) {
            return bulk.payload(null, dryRun);
        }
        Map<Long, Member> members = users.load(schoolId, bulk.ids());
        List<Long> archived = members.values().stream().filter(Member::archived).map(Member::id).toList();
        Set<Long> linked = links.linkedStudents(schoolId, archived, archived);
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
        return write(schoolId, bulk, dryRun, "USERS_DEARCHIVE", ids -> users.setArchived(schoolId, ids, false));
    }

    @Transactional
    AdministrationPayload changeGradeYear(String schoolIdText, List<String> studentIds, String step, boolean dryRun) {
        long schoolId = access.require(schoolIdText, Role.ADMIN);
        Bulk bulk = Bulk.of(studentIds, "studentIds");
        if (bulk.hasInputErrors()) {
            return bulk.payload(null, dryRun);
        }
        int delta = "DOWN".equals(step) ? -1 : 1;
        Map<Long, Member> members = users.load(schoolId, bulk.ids());
        for (long id : bulk.ids()) {
            Member member = members.get(id);
            if (member == null) {
                bulk.refuse(id, CommonError.NOT_FOUND);
            } else if (!member.student()) {
                bulk.refuse(id, AdministrationError.NOT_A_STUDENT);
            } else if (member.archived()) {
                bulk.refuse(id, AdministrationError.ARCHIVED);
            } else if (!ProfileRules.validGradeYear(member.gradeYear() + delta)) {
                bulk.refuse(id, AdministrationError.GRADE_YEAR_OUT_OF_RANGE);
            } else {
                bulk.applied(id);
            }
        }
        return write(schoolId, bulk, dryRun, "STUDENTS_GRADE_YEAR_CHANGE", ids -> jdbc.sql("""
                        update app_user set grade_year = grade_year + :delta, version = version + 1 where id = any(:ids)
                        """)
                .param("delta", delta).param("ids", ids.toArray(Long[]::new)).update());
    }

    /** Writes the applied items unless this is a dry run or something was refused; one audit batch. */
    private AdministrationPayload write(long schoolId, Bulk bulk, boolean dryRun, String action,
            java.util.function.Consumer<List<Long>> change) {
        if (dryRun || !bulk.writable()) {
            return bulk.payload(null, dryRun);
        }
        List<Long> applied = bulk.appliedIds();
        Map<Long, String> before = states.snapshot(schoolId, applied);
        change.accept(applied);
        return bulk.payload(audit.record(schoolId, action, before, states.snapshot(schoolId, applied)), false);
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
        if (!ProfileRules.validEmail(email)) {
            errors.add(PayloadError.of(AdministrationError.INVALID_EMAIL).field("email"));
        } else if (emailTaken(email, -1)) {
            errors.add(PayloadError.of(AdministrationError.EMAIL_TAKEN).field("email"));
        }
        Set<String> roles = new LinkedHashSet<>(input.roles() == null ? List.of() : input.roles());
        if (roles.isEmpty()) {
            errors.add(PayloadError.of(AdministrationError.NO_ROLES).field("roles"));
        } else if (!Set.of("ADMIN", "SUPERVISOR").containsAll(roles)) {
            errors.add(PayloadError.of(AdministrationError.INVALID_ROLE).field("roles"));
        }
        Set<Long> products = new LinkedHashSet<>();
        for (String raw : input.productIds() == null ? List.<String>of() : input.productIds()) {
            Long id = Bulk.parseId(raw);
            if (id == null) {
                errors.add(PayloadError.of(CommonError.NOT_FOUND).field("productIds"));
            } else {
                products.add(id);
            }
        }
        if (!products.isEmpty() && !roles.contains("SUPERVISOR")) {
            errors.add(PayloadError.of(AdministrationError.NOT_A_SUPERVISOR).field("productIds"));
        } else if (!links.existingProducts(products).containsAll(products)) {
            errors.add(PayloadError.of(CommonError.NOT_FOUND).field("productIds"));
        }
        if (!errors.isEmpty()) {
            return new ProfessionalCreated(schoolId, null, false, null, errors);
        }
        long id = jdbc.sql("""
                        insert into app_user (id, kind, first_name, name_prefix, last_name, email, function_title,
                                              activation_token, activation_requested_at)
                        values (nextval('app_user_seq'), 'PROFESSIONAL', :first, nullif(:prefix, ''), :last, :email,
                                nullif(:function, ''), :token, now())
                        returning id
                        """)
                .param("first", first).param("prefix", prefix == null ? "" : prefix).param("last", last)
                .param("email", email).param("function", nullToEmpty(ProfileRules.clean(input.function())))
                .param("token", UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", ""))
                .query(Long.class).single();
        jdbc.sql("""
                        with m as (insert into school_member (school_id, user_id) values (:school, :user))
                        insert into role_grant (school_id, user_id, role) select :school, :user, r from unnest(:roles::text[]) as r
                        """)
                .param("school", schoolId).param("user", id).param("roles", roles.toArray(String[]::new)).update();
        if (!products.isEmpty()) {
            links.assign(schoolId, List.of(id), products);
        }
        UUID batch = audit.record(schoolId, "PROFESSIONAL_CREATE", Map.of(), states.snapshot(schoolId, List.of(id)));
        return new ProfessionalCreated(schoolId, Long.toString(id), true, batch.toString(), List.of());
    }

    @Transactional
    StudentCreated createStudent(StudentInput input) {
        long schoolId = access.require(input.schoolId(), Role.ADMIN);
        if (!links.hasActiveSupervisor(schoolId)) {
            return new StudentCreated(schoolId, null, null, null, List.of(PayloadError.of(AdministrationError.NO_SUPERVISOR_AT_SCHOOL)));
        }
        List<PayloadError> errors = new ArrayList<>();
        String first = ProfileRules.clean(input.firstName());
        String prefix = ProfileRules.clean(input.namePrefix());
        String last = ProfileRules.clean(input.lastName());
        ProfileRules.checkName(first, prefix, last, errors);
        if (!ProfileRules.validGradeYear(input.gradeYear())) {
            errors.add(PayloadError.of(AdministrationError.INVALID_GRADE_YEAR).field("gradeYear"));
        }
        String username = ProfileRules.normalUsername(ProfileRules.clean(input.username()));
        if (username != null && !ProfileRules.validUsername(username)) {
            errors.add(PayloadError.of(AdministrationError.INVALID_USERNAME).field("username"));
        } else if (username != null && usernameTaken(username, -1)) {
            errors.add(PayloadError.of(AdministrationError.USERNAME_TAKEN).field("username"));
        }
        if (input.password() != null && !ProfileRules.validPassword(input.password())) {
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
        if (!errors.isEmpty()) {
            return new StudentCreated(schoolId, null, null, null, errors);
        }
        if (username == null) {
            String base = ProfileRules.usernameBase(first, prefix, last);
            Set<String> taken = new HashSet<>(jdbc.sql("select lower(username) from app_user where lower(username) like :base || '%'")
                    .param("base", base).query(String.class).list());
            username = ProfileRules.firstFree(base, taken);
        }
        String password = input.password() != null ? input.password() : ProfileRules.generatePassword();
        if (Boolean.TRUE.equals(input.dryRun())) {
            return new StudentCreated(schoolId, null, new Credentials(username, password), null, List.of());
        }
        long id = jdbc.sql("""
                        with u as (
                          insert into app_user (id, kind, first_name, name_prefix, last_name, username, school_id, grade_year,
                                                group_name, password_hash)
                          values (nextval('app_user_seq'), 'STUDENT', :first, nullif(:prefix, ''), :last, :username, :school,
                                  :gradeYear, nullif(:group, ''), :hash)
                          returning id)
                        insert into school_member (school_id, user_id) select :school, id from u returning user_id
                        """)
                .param("first", first).param("prefix", nullToEmpty(prefix)).param("last", last)
                .param("username", username).param("school", schoolId).param("gradeYear", input.gradeYear())
                .param("group", nullToEmpty(ProfileRules.clean(input.group()))).param("hash", passwords.encode(password))
                .query(Long.class).single();
        Set<Long> supervisors = StudentLinks.supervisors(rows);
        Map<Long, String> before = states.snapshot(schoolId, supervisors);
        links.link(schoolId, List.of(id), rows);
        Set<Long> affected = new LinkedHashSet<>(supervisors);
        affected.add(id);
        UUID batch = audit.record(schoolId, "STUDENT_CREATE", before, states.snapshot(schoolId, affected));
        return new StudentCreated(schoolId, Long.toString(id), new Credentials(username, password), batch.toString(), List.of());
    }

    @Transactional
    ProfileSaved updateProfile(ProfileInput input) {
        long schoolId = access.require(input.schoolId(), Role.ADMIN);
        Long id = Bulk.parseId(input.userId());
        Member member = id == null ? null : users.load(schoolId, List.of(id)).get(id);
        if (member == null) {
            return new ProfileSaved(schoolId, input.userId(), null, List.of(PayloadError.of(CommonError.NOT_FOUND).item(input.userId())));
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
            username = ProfileRules.normalUsername(input.username());
            if (!ProfileRules.validUsername(username)) {
                errors.add(PayloadError.of(AdministrationError.INVALID_USERNAME).field("username"));
            } else if (usernameTaken(username, id)) {
                errors.add(PayloadError.of(AdministrationError.USERNAME_TAKEN).field("username"));
            }
            if (!ProfileRules.validGradeYear(input.gradeYear())) {
                errors.add(PayloadError.of(AdministrationError.INVALID_GRADE_YEAR).field("gradeYear"));
            }
        } else {
            email = ProfileRules.normalEmail(input.email());
            if (!ProfileRules.validEmail(email)) {
                errors.add(PayloadError.of(AdministrationError.INVALID_EMAIL).field("email"));
            } else if (emailTaken(email, id)) {
                errors.add(PayloadError.of(AdministrationError.EMAIL_TAKEN).field("email"));
            }
        }
        if (!errors.isEmpty()) {
            return new ProfileSaved(schoolId, input.userId(), null, errors);
        }
        String before = jdbc.sql(PROFILE_SQL).param("id", id).query(String.class).single();
        jdbc.sql(member.student() ? """
                        update app_user set first_name = :first, name_prefix = nullif(:prefix, ''), last_name = :last,
                               username = :username, grade_year = :gradeYear, group_name = nullif(:group, ''), version = version + 1
                         where id = :id
                        """ : """
                        update app_user set first_name = :first, name_prefix = nullif(:prefix, ''), last_name = :last,
                               email = :email, function_title = nullif(:function, ''), version = version + 1
                         where id = :id
                        """)
                .param("first", first).param("prefix", nullToEmpty(prefix)).param("last", last).param("id", id)
                .param("username", nullToEmpty(username)).param("gradeYear", member.student() ? input.gradeYear() : 0)
                .param("group", nullToEmpty(ProfileRules.clean(input.group())))
                .param("email", nullToEmpty(email)).param("function", nullToEmpty(ProfileRules.clean(input.function())))
                .update();
        String after = jdbc.sql(PROFILE_SQL).param("id", id).query(String.class).single();
        UUID batch = before.equals(after) ? null : audit.recordOne(schoolId, "USER_UPDATE", id, before, after);
        return new ProfileSaved(schoolId, input.userId(), batch == null ? null : batch.toString(), List.of());
    }

    @Transactional
    CredentialsReset resetCredentials(CredentialsInput input) {
        long schoolId = access.require(input.schoolId(), Role.ADMIN);
        Long id = Bulk.parseId(input.studentId());
        Member member = id == null ? null : users.load(schoolId, List.of(id)).get(id);
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
            } else if (usernameTaken(username, id)) {
                errors.add(PayloadError.of(AdministrationError.USERNAME_TAKEN).field("username"));
            }
        }
        if (input.password() != null && !ProfileRules.validPassword(input.password())) {
            errors.add(PayloadError.of(AdministrationError.INVALID_PASSWORD).field("password"));
        }
        if (!errors.isEmpty()) {
            return new CredentialsReset(schoolId, input.studentId(), null, null, errors);
        }
        String password = input.password() != null ? input.password()
                : Boolean.TRUE.equals(input.generatePassword()) || username == null ? ProfileRules.generatePassword() : null;
        String oldUsername = jdbc.sql("select username from app_user where id = :id").param("id", id).query(String.class).single();
        String newUsername = username == null ? oldUsername : username;
        jdbc.sql("""
                        update app_user set username = :username, password_hash = coalesce(nullif(:hash, ''), password_hash),
                               version = version + 1
                         where id = :id
                        """)
                .param("username", newUsername).param("hash", password == null ? "" : passwords.encode(password))
                .param("id", id).update();
        UUID batch = audit.recordOne(schoolId, "STUDENT_CREDENTIALS_RESET", id,
                "{\"username\": \"%s\"}".formatted(oldUsername),
                "{\"username\": \"%s\", \"passwordChanged\": %s}".formatted(newUsername, password != null));
        return new CredentialsReset(schoolId, input.studentId(), new Credentials(newUsername, password), batch.toString(), List.of());
    }

    private boolean emailTaken(String email, long exceptId) {
        return jdbc.sql("select exists (select 1 from app_user where lower(email) = :email and id <> :id)")
                .param("email", email).param("id", exceptId).query(Boolean.class).single();
    }

    private boolean usernameTaken(String username, long exceptId) {
        return jdbc.sql("select exists (select 1 from app_user where lower(username) = :username and id <> :id)")
                .param("username", username).param("id", exceptId).query(Boolean.class).single();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
