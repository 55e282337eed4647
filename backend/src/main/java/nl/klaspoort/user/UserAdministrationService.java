package nl.klaspoort.user;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.klaspoort.audit.AdministeredUsers;
import nl.klaspoort.audit.AdministeredUsers.Member;
import nl.klaspoort.audit.AdministrationError;
import nl.klaspoort.audit.AdministrationError.Code;
import nl.klaspoort.audit.AdministrationPayload;
import nl.klaspoort.audit.AuditLog;
import nl.klaspoort.audit.Bulk;
import nl.klaspoort.enrollment.StudentLinks;
import nl.klaspoort.enrollment.StudentLinks.LinkInput;
import nl.klaspoort.enrollment.StudentLinks.LinkRow;
import nl.klaspoort.security.CurrentUser;
import nl.klaspoort.security.UserSessions;
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

    record ProfessionalCreated(String userId, boolean activationPending, String batchId, List<AdministrationError> errors) {}

    record StudentCreated(String userId, Credentials credentials, String batchId, List<AdministrationError> errors) {}

    record ProfileSaved(String userId, String batchId, List<AdministrationError> errors) {}

    record CredentialsReset(String userId, Credentials credentials, String batchId, List<AdministrationError> errors) {}

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
    private final AdministeredUsers users;
    private final StudentLinks links;
    private final AuditLog audit;
    private final PasswordEncoder passwords;
    private final UserSessions sessions;

    UserAdministrationService(JdbcClient jdbc, AdministeredUsers users, StudentLinks links, AuditLog audit,
            PasswordEncoder passwords, UserSessions sessions) {
        this.jdbc = jdbc;
        this.users = users;
        this.links = links;
        this.audit = audit;
        this.passwords = passwords;
        this.sessions = sessions;
    }

    @Transactional
    AdministrationPayload archive(String schoolIdText, List<String> userIds, boolean dryRun) {
        long schoolId = users.requireAdmin(schoolIdText);
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
                bulk.refuse(id, Code.NOT_FOUND);
            } else if (id == self) {
                bulk.refuse(id, Code.SELF);
            } else if (member.archived()) {
                bulk.unchanged(id);
            } else if (only.contains(id)) {
                bulk.refuse(id, Code.ONLY_SUPERVISOR);
            } else {
                bulk.applied(id);
            }
        }
        return write(schoolId, bulk, dryRun, "USERS_ARCHIVE", ids -> {
            users.setArchived(schoolId, ids, true);
            // an archived user is signed out at once (signing in again works only where they are still active)
            ids.forEach(sessions::endAll);
        });
    }

    @Transactional
    AdministrationPayload dearchive(String schoolIdText, List<String> userIds, boolean dryRun) {
        long schoolId = users.requireAdmin(schoolIdText);
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
                bulk.refuse(id, Code.NOT_FOUND);
            } else if (!member.archived()) {
                bulk.unchanged(id);
            } else if (member.student() ? !linked.contains(id) : member.roles().isEmpty()) {
                bulk.refuse(id, Code.NO_PREVIOUS_LINKS);
            } else {
                bulk.applied(id);
            }
        }
        return write(schoolId, bulk, dryRun, "USERS_DEARCHIVE", ids -> users.setArchived(schoolId, ids, false));
    }

    @Transactional
    AdministrationPayload changeGradeYear(String schoolIdText, List<String> studentIds, String step, boolean dryRun) {
        long schoolId = users.requireAdmin(schoolIdText);
        Bulk bulk = Bulk.of(studentIds, "studentIds");
        if (bulk.hasInputErrors()) {
            return bulk.payload(null, dryRun);
        }
        int delta = "DOWN".equals(step) ? -1 : 1;
        Map<Long, Member> members = users.load(schoolId, bulk.ids());
        for (long id : bulk.ids()) {
            Member member = members.get(id);
            if (member == null) {
                bulk.refuse(id, Code.NOT_FOUND);
            } else if (!member.student()) {
                bulk.refuse(id, Code.NOT_A_STUDENT);
            } else if (member.archived()) {
                bulk.refuse(id, Code.ARCHIVED);
            } else if (!ProfileRules.validGradeYear(member.gradeYear() + delta)) {
                bulk.refuse(id, Code.GRADE_YEAR_OUT_OF_RANGE);
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
        Map<Long, String> before = audit.snapshot(schoolId, applied);
        change.accept(applied);
        return bulk.payload(audit.record(schoolId, action, before, audit.snapshot(schoolId, applied)), false);
    }

    @Transactional
    ProfessionalCreated createProfessional(ProfessionalInput input) {
        long schoolId = users.requireAdmin(input.schoolId());
        List<AdministrationError> errors = new ArrayList<>();
        String first = ProfileRules.clean(input.firstName());
        String prefix = ProfileRules.clean(input.namePrefix());
        String last = ProfileRules.clean(input.lastName());
        String email = ProfileRules.normalEmail(input.email());
        ProfileRules.checkName(first, prefix, last, errors);
        ProfileRules.checkFunction(ProfileRules.clean(input.function()), errors);
        if (!ProfileRules.validEmail(email)) {
            errors.add(AdministrationError.forField(Code.INVALID_EMAIL, "email"));
        } else if (emailTaken(email, -1)) {
            errors.add(AdministrationError.forField(Code.EMAIL_TAKEN, "email"));
        }
        Set<String> roles = new LinkedHashSet<>(input.roles() == null ? List.of() : input.roles());
        if (roles.isEmpty()) {
            errors.add(AdministrationError.forField(Code.NO_ROLES, "roles"));
        } else if (!Set.of("ADMIN", "SUPERVISOR").containsAll(roles)) {
            errors.add(AdministrationError.forField(Code.INVALID_ROLE, "roles"));
        }
        Set<Long> products = new LinkedHashSet<>();
        for (String raw : input.productIds() == null ? List.<String>of() : input.productIds()) {
            Long id = Bulk.parseId(raw);
            if (id == null) {
                errors.add(AdministrationError.forField(Code.NOT_FOUND, "productIds"));
            } else {
                products.add(id);
            }
        }
        if (!products.isEmpty() && !roles.contains("SUPERVISOR")) {
            errors.add(AdministrationError.forField(Code.NOT_A_SUPERVISOR, "productIds"));
        } else if (!links.existingProducts(products).containsAll(products)) {
            errors.add(AdministrationError.forField(Code.NOT_FOUND, "productIds"));
        }
        if (!errors.isEmpty()) {
            return new ProfessionalCreated(null, false, null, errors);
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
        UUID batch = audit.record(schoolId, "PROFESSIONAL_CREATE", Map.of(), audit.snapshot(schoolId, List.of(id)));
        return new ProfessionalCreated(Long.toString(id), true, batch.toString(), List.of());
    }

    @Transactional
    StudentCreated createStudent(StudentInput input) {
        long schoolId = users.requireAdmin(input.schoolId());
        if (!links.hasActiveSupervisor(schoolId)) {
            return new StudentCreated(null, null, null, List.of(AdministrationError.of(Code.NO_SUPERVISOR_AT_SCHOOL)));
        }
        List<AdministrationError> errors = new ArrayList<>();
        String first = ProfileRules.clean(input.firstName());
        String prefix = ProfileRules.clean(input.namePrefix());
        String last = ProfileRules.clean(input.lastName());
        ProfileRules.checkName(first, prefix, last, errors);
        ProfileRules.checkGroup(ProfileRules.clean(input.group()), errors);
        if (!ProfileRules.validGradeYear(input.gradeYear())) {
            errors.add(AdministrationError.forField(Code.INVALID_GRADE_YEAR, "gradeYear"));
        }
        String username = ProfileRules.normalUsername(ProfileRules.clean(input.username()));
        if (username != null && !ProfileRules.validUsername(username)) {
            errors.add(AdministrationError.forField(Code.INVALID_USERNAME, "username"));
        } else if (username != null && usernameTaken(username, -1)) {
            errors.add(AdministrationError.forField(Code.USERNAME_TAKEN, "username"));
        }
        if (input.password() != null && !ProfileRules.validPassword(input.password())) {
            errors.add(AdministrationError.forField(Code.INVALID_PASSWORD, "password"));
        }
        List<String> productIds = input.productIds() == null ? List.of() : input.productIds();
        List<String> supervisorIds = input.supervisorIds() == null ? List.of() : input.supervisorIds();
        if (productIds.isEmpty()) {
            errors.add(AdministrationError.forField(Code.EMPTY_LIST, "productIds"));
        }
        if (supervisorIds.isEmpty()) {
            errors.add(AdministrationError.forField(Code.EMPTY_LIST, "supervisorIds"));
        }
        List<LinkRow> rows = List.of();
        if (!productIds.isEmpty() && !supervisorIds.isEmpty()) {
            rows = links.parse(schoolId, new LinkedHashSet<>(productIds).stream()
                    .map(p -> new LinkInput(p, supervisorIds)).toList(), false, errors::add);
        }
        if (!errors.isEmpty()) {
            return new StudentCreated(null, null, null, errors);
        }
        if (username == null) {
            String base = ProfileRules.usernameBase(first, prefix, last);
            Set<String> taken = new HashSet<>(jdbc.sql("select lower(username) from app_user where lower(username) like :base || '%'")
                    .param("base", base).query(String.class).list());
            username = ProfileRules.firstFree(base, taken);
        }
        String password = input.password() != null ? input.password() : ProfileRules.generatePassword();
        if (Boolean.TRUE.equals(input.dryRun())) {
            return new StudentCreated(null, new Credentials(username, password), null, List.of());
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
        Map<Long, String> before = audit.snapshot(schoolId, supervisors);
        links.link(schoolId, List.of(id), rows);
        Set<Long> affected = new LinkedHashSet<>(supervisors);
        affected.add(id);
        UUID batch = audit.record(schoolId, "STUDENT_CREATE", before, audit.snapshot(schoolId, affected));
        return new StudentCreated(Long.toString(id), new Credentials(username, password), batch.toString(), List.of());
    }

    @Transactional
    ProfileSaved updateProfile(ProfileInput input) {
        long schoolId = users.requireAdmin(input.schoolId());
        Long id = Bulk.parseId(input.userId());
        Member member = id == null ? null : users.load(schoolId, List.of(id)).get(id);
        if (member == null) {
            return new ProfileSaved(input.userId(), null, List.of(AdministrationError.forUser(Code.NOT_FOUND, input.userId())));
        }
        if (member.archived()) {
            return new ProfileSaved(input.userId(), null, List.of(AdministrationError.forUser(Code.ARCHIVED, id)));
        }
        List<AdministrationError> errors = new ArrayList<>();
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
                errors.add(AdministrationError.forField(Code.INVALID_USERNAME, "username"));
            } else if (usernameTaken(username, id)) {
                errors.add(AdministrationError.forField(Code.USERNAME_TAKEN, "username"));
            }
            if (!ProfileRules.validGradeYear(input.gradeYear())) {
                errors.add(AdministrationError.forField(Code.INVALID_GRADE_YEAR, "gradeYear"));
            }
        } else {
            ProfileRules.checkFunction(ProfileRules.clean(input.function()), errors);
            email = ProfileRules.normalEmail(input.email());
            if (!ProfileRules.validEmail(email)) {
                errors.add(AdministrationError.forField(Code.INVALID_EMAIL, "email"));
            } else if (emailTaken(email, id)) {
                errors.add(AdministrationError.forField(Code.EMAIL_TAKEN, "email"));
            }
        }
        if (!errors.isEmpty()) {
            return new ProfileSaved(input.userId(), null, errors);
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
        return new ProfileSaved(input.userId(), batch == null ? null : batch.toString(), List.of());
    }

    @Transactional
    CredentialsReset resetCredentials(CredentialsInput input) {
        long schoolId = users.requireAdmin(input.schoolId());
        Long id = Bulk.parseId(input.studentId());
        Member member = id == null ? null : users.load(schoolId, List.of(id)).get(id);
        List<AdministrationError> errors = new ArrayList<>();
        if (member == null) {
            errors.add(AdministrationError.forUser(Code.NOT_FOUND, input.studentId()));
        } else if (!member.student()) {
            errors.add(AdministrationError.forUser(Code.NOT_A_STUDENT, id));
        } else if (member.archived()) {
            errors.add(AdministrationError.forUser(Code.ARCHIVED, id));
        }
        String username = ProfileRules.normalUsername(ProfileRules.clean(input.username()));
        if (errors.isEmpty() && username != null) {
            if (!ProfileRules.validUsername(username)) {
                errors.add(AdministrationError.forField(Code.INVALID_USERNAME, "username"));
            } else if (usernameTaken(username, id)) {
                errors.add(AdministrationError.forField(Code.USERNAME_TAKEN, "username"));
            }
        }
        if (input.password() != null && !ProfileRules.validPassword(input.password())) {
            errors.add(AdministrationError.forField(Code.INVALID_PASSWORD, "password"));
        }
        if (!errors.isEmpty()) {
            return new CredentialsReset(input.studentId(), null, null, errors);
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
        if (password != null || !newUsername.equals(oldUsername)) {
            // whoever knew the old login is out at once, on every device
            sessions.endAll(id);
        }
        UUID batch = audit.recordOne(schoolId, "STUDENT_CREDENTIALS_RESET", id,
                "{\"username\": \"%s\"}".formatted(oldUsername),
                "{\"username\": \"%s\", \"passwordChanged\": %s}".formatted(newUsername, password != null));
        return new CredentialsReset(input.studentId(), new Credentials(newUsername, password), batch.toString(), List.of());
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
