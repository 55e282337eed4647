package nl.klaspoort.roster.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import nl.klaspoort.audit.AuditAction;
import nl.klaspoort.audit.AuditLog;
import nl.klaspoort.audit.AuditTarget;
import nl.klaspoort.basispoort.BasispoortLinks;
import nl.klaspoort.basispoort.BasispoortLinks.Kind;
import nl.klaspoort.basispoort.BasispoortLinks.Link;
import nl.klaspoort.groups.Groups;
import nl.klaspoort.groups.Groups.GroupSpec;
import nl.klaspoort.membership.Memberships;
import nl.klaspoort.people.People;
import nl.klaspoort.people.People.ImportedProfessional;
import nl.klaspoort.people.People.ImportedStudent;
import nl.klaspoort.people.People.ImportedStudentUpdate;
import nl.klaspoort.people.People.UsernameChange;
import nl.klaspoort.roster.RosterApplied;
import nl.klaspoort.roster.internal.Change.Action;
import nl.klaspoort.roster.internal.Change.Decision;
import nl.klaspoort.roster.internal.Change.Field;
import nl.klaspoort.roster.internal.Change.FieldChange;
import nl.klaspoort.roster.internal.Change.Subject;
import nl.klaspoort.roster.internal.SchoolRoster.Member;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Carries out a run's accepted changes through the owners' APIs (people, membership, groups, links, audit), inside the
 * caller's transaction: a constant number of statements whatever the number of changes. First it locks the members it
 * changes and checks that what the preview saw is still so; if an admin changed one of them meanwhile, nothing is
 * written ({@link StaleException}).
 */
@Component
class Applier {

    /** The audit actions of a run: one batch per applied run, an event per person plus one for the school. */
    enum RosterAction implements AuditAction { BASISPOORT_SYNC, EDEXML_IMPORT }

    /** What the preview showed no longer holds for these members. */
    static final class StaleException extends RuntimeException {
        StaleException(Collection<Long> userIds) {
            super("roster changed since the preview for users " + userIds, null, false, false);
        }
    }

    /** The steps the progress shows while applying. */
    static final int STEPS = 5;

    private final People people;
    private final Memberships memberships;
    private final Groups groups;
    private final BasispoortLinks links;
    private final AuditLog audit;
    private final RosterStateQueries state;
    private final RunStore store;
    private final JsonMapper json;

    Applier(People people, Memberships memberships, Groups groups, BasispoortLinks links, AuditLog audit,
            RosterStateQueries state, RunStore store, JsonMapper json) {
        this.store = store;
        this.people = people;
        this.memberships = memberships;
        this.groups = groups;
        this.links = links;
        this.audit = audit;
        this.state = state;
        this.json = json;
    }

    /** Applies the run's changes; returns the event to publish. {@code step} hears each step done (1..{@link #STEPS}). */
    RosterApplied apply(Run run, List<Change> changes, IntConsumer step) {
        long school = run.schoolId();
        List<Change> applied = changes.stream().filter(Change::applies).toList();
        Map<Long, Member> members = lockAndCheck(school, changes);

        // groups, then everyone's group ids by key
        List<GroupSpec> specs = new ArrayList<>();
        List<Long> archivedGroups = new ArrayList<>();
        for (Change change : of(applied, Subject.GROUP)) {
            SourceRecord r = change.record();
            if (change.action() == Action.ARCHIVE) {
                archivedGroups.add(change.groupId());
            } else {
                specs.add(new GroupSpec(r.lasKey(), r.groupName(), r.jaargroep(), r.composite()));
            }
        }
        groups.put(school, specs);
        groups.archive(school, archivedGroups);
        Map<String, Long> groupIds = new HashMap<>();
        groups.byKey(school).forEach((key, group) -> groupIds.put(key, group.id()));
        step.accept(1);

        // pupils
        Map<Change, Long> ids = new LinkedHashMap<>();
        List<Change> newStudents = of(applied, Subject.STUDENT, Action.CREATE);
        List<Long> created = people.importStudents(newStudents.stream().map(c -> new ImportedStudent(school,
                c.record().firstName(), c.record().namePrefix(), c.record().lastName(), c.record().jaargroep(),
                c.record().group())).toList());
        for (int i = 0; i < created.size(); i++) {
            ids.put(newStudents.get(i), created.get(i));
        }
        memberships.join(school, created);
        List<Change> moves = of(applied, Subject.STUDENT, Action.MOVE);
        Map<Long, Long> moving = new LinkedHashMap<>();
        Map<Long, List<Long>> leavingBySchool = new LinkedHashMap<>();
        for (Change move : moves) {
            moving.put(move.userId(), school);
            leavingBySchool.computeIfAbsent(Long.parseLong(move.reasonParams().get("fromSchoolId")), k -> new ArrayList<>())
                    .add(move.userId());
        }
        Map<Long, UsernameChange> renamed = people.moveStudents(moving);
        store.recordNewUsernames(run.id(), moves, renamed);
        memberships.join(school, moving.keySet());
        leavingBySchool.forEach((from, users) -> {
            memberships.setArchived(from, users, true);
            links.markLeft(from, users);
        });
        memberships.setArchived(school, userIds(of(applied, Subject.STUDENT, Action.RESTORE)), false);
        List<Change> studentUpdates = applied.stream().filter(c -> c.subject() == Subject.STUDENT)
                .filter(c -> c.action() == Action.UPDATE || c.action() == Action.RESTORE || c.action() == Action.MOVE).toList();
        people.updateImportedStudents(studentUpdates.stream().map(c -> {
            Member m = members.get(c.userId());
            return new ImportedStudentUpdate(c.userId(), value(c, m, Field.FIRST_NAME), value(c, m, Field.NAME_PREFIX),
                    value(c, m, Field.LAST_NAME), value(c, m, Field.JAARGROEP), value(c, m, Field.GROUP));
        }).toList());
        step.accept(2);

        // teachers
        List<Change> newTeachers = of(applied, Subject.TEACHER, Action.CREATE);
        List<Long> createdTeachers = people.importProfessionals(newTeachers.stream().map(c -> new ImportedProfessional(
                c.record().firstName(), c.record().namePrefix(), c.record().lastName(), c.record().email())).toList());
        for (int i = 0; i < createdTeachers.size(); i++) {
            ids.put(newTeachers.get(i), createdTeachers.get(i));
        }
        memberships.join(school, createdTeachers);
        memberships.join(school, userIds(of(applied, Subject.TEACHER, Action.JOIN)));
        memberships.setArchived(school, userIds(of(applied, Subject.TEACHER, Action.RESTORE)), false);
        List<Change> teacherUpdates = applied.stream().filter(c -> c.subject() == Subject.TEACHER)
                .filter(c -> c.action() == Action.UPDATE || c.action() == Action.RESTORE).toList();
        people.updateImportedProfessionals(userIds(teacherUpdates), teacherUpdates.stream().map(c -> {
            Member m = members.get(c.userId());
            return new ImportedProfessional(value(c, m, Field.FIRST_NAME), value(c, m, Field.NAME_PREFIX),
                    value(c, m, Field.LAST_NAME), value(c, m, Field.EMAIL));
        }).toList());
        List<Long> archived = userIds(applied.stream().filter(c -> c.action() == Action.ARCHIVE && c.subject() != Subject.GROUP).toList());
        memberships.setArchived(school, archived, true);
        links.markLeft(school, archived);
        step.accept(3);

        // links and groups of everyone the source described
        List<Link> newLinks = new ArrayList<>();
        Map<Long, Set<Long>> groupsByUser = new LinkedHashMap<>();
        for (Change change : applied) {
            if (change.subject() == Subject.GROUP || change.action() == Action.ARCHIVE) {
                continue;
            }
            long user = change.userId() != null ? change.userId() : ids.get(change);
            SourceRecord r = change.record();
            newLinks.add(new Link(school, user, change.subject() == Subject.STUDENT ? Kind.STUDENT : Kind.PROFESSIONAL,
                    r.basispoortId(), r.eckId(), r.lasKey(), RosterDiff.synced(r), null, null));
            groupsByUser.put(user, r.groupKeys().stream().map(groupIds::get).filter(Objects::nonNull)
                    .collect(Collectors.toCollection(LinkedHashSet::new)));
        }
        links.put(school, newLinks);
        Map<Long, Map<String, String>> acknowledged = new LinkedHashMap<>();
        changes.stream().filter(c -> c.action() == Action.UPDATE && c.decision() == Decision.REJECTED && !c.blocked())
                .forEach(c -> acknowledged.put(c.userId(), RosterDiff.synced(c.record())));
        links.putSynced(school, acknowledged); // a change the admin turned down is not asked about again
        groups.setMembers(school, groupsByUser);
        step.accept(4);

        audit(run, applied, ids, members, renamed);
        step.accept(5);
        return event(run, applied, ids);
    }

    /** Locks the existing members the changes concern and checks each field's value is still what the preview saw. */
    private Map<Long, Member> lockAndCheck(long school, List<Change> changes) {
        Set<Long> userIds = changes.stream().filter(c -> c.subject() != Subject.GROUP && c.userId() != null
                && c.action() != Action.MOVE && c.action() != Action.JOIN).map(Change::userId)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        memberships.lock(school, userIds);
        Map<Long, Member> members = new HashMap<>();
        state.members(school, userIds).forEach(m -> members.put(m.id(), m));
        List<Long> stale = new ArrayList<>();
        for (Change change : changes) {
            if (!change.applies() || change.subject() == Subject.GROUP || change.userId() == null
                    || change.action() == Action.MOVE || change.action() == Action.JOIN) {
                continue;
            }
            Member member = members.get(change.userId());
            if (member == null) {
                stale.add(change.userId());
                continue;
            }
            for (FieldChange field : change.fields()) {
                if (field.field() != Field.GROUPS && !Objects.equals(member.value(field.field()), field.before())) {
                    stale.add(change.userId());
                    break;
                }
            }
        }
        if (!stale.isEmpty()) {
            throw new StaleException(stale);
        }
        return members;
    }

    /** The value to write: the source's when the change writes that field, else the member's own (kept). */
    private static String value(Change change, Member member, Field field) {
        for (FieldChange f : change.fields()) {
            if (f.field() == field) {
                return change.writes(f) ? f.after() : member == null ? f.before() : member.value(field);
            }
        }
        return member == null ? RosterDiff.value(change.record(), field) : member.value(field);
    }

    private void audit(Run run, List<Change> applied, Map<Change, Long> ids, Map<Long, Member> members,
            Map<Long, UsernameChange> renamed) {
        List<AuditLog.Entry> entries = new ArrayList<>();
        for (Change change : applied) {
            if (change.subject() == Subject.GROUP) {
                continue;
            }
            long user = change.userId() != null ? change.userId() : ids.get(change);
            Member member = members.get(user);
            Map<String, Object> before = member == null ? null : state(member, change.subject(), member.archived());
            Map<String, Object> after;
            if (change.action() == Action.ARCHIVE) {
                after = member == null ? Map.of("archived", true) : state(member, change.subject(), true);
            } else {
                after = new LinkedHashMap<>();
                after.put("firstName", value(change, member, Field.FIRST_NAME));
                after.put("namePrefix", value(change, member, Field.NAME_PREFIX));
                after.put("lastName", value(change, member, Field.LAST_NAME));
                if (change.subject() == Subject.STUDENT) {
                    after.put("gradeYear", value(change, member, Field.JAARGROEP));
                    after.put("group", value(change, member, Field.GROUP));
                    if (renamed.containsKey(user)) { // a moving pupil whose username the new school had
                        after.put("username", renamed.get(user).after());
                    }
                } else {
                    after.put("email", value(change, member, Field.EMAIL));
                }
                after.put("archived", false);
            }
            entries.add(new AuditLog.Entry(AuditTarget.user(user), before == null ? null : json.writeValueAsString(before),
                    json.writeValueAsString(after)));
        }
        RunReport.Counts counts = RunReport.counts(applied);
        entries.add(new AuditLog.Entry(AuditTarget.school(run.schoolId()), null, json.writeValueAsString(Map.of(
                "source", run.source().name(), "run", Long.toString(run.id()), "changes", Integer.toString(counts.total())))));
        audit.record(run.schoolId(), run.source() == Run.Source.BASISPOORT ? RosterAction.BASISPOORT_SYNC
                : RosterAction.EDEXML_IMPORT, entries);
    }

    private static Map<String, Object> state(Member member, Subject subject, boolean archived) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("firstName", member.firstName());
        state.put("namePrefix", member.namePrefix());
        state.put("lastName", member.lastName());
        if (subject == Subject.STUDENT) {
            state.put("gradeYear", member.jaargroep());
            state.put("group", member.group());
        } else {
            state.put("email", member.email());
        }
        state.put("archived", archived);
        return state;
    }

    private static RosterApplied event(Run run, List<Change> applied, Map<Change, Long> ids) {
        java.util.function.BiFunction<Subject, Action, List<Long>> users = (subject, action) -> applied.stream()
                .filter(c -> c.subject() == subject && c.action() == action)
                .map(c -> c.userId() != null ? c.userId() : ids.get(c)).toList();
        List<RosterApplied.Moved> moved = applied.stream()
                .filter(c -> c.subject() == Subject.STUDENT && c.action() == Action.MOVE)
                .map(c -> new RosterApplied.Moved(c.userId(), Long.parseLong(c.reasonParams().get("fromSchoolId")))).toList();
        List<Long> emailChanged = applied.stream().filter(Change::changesLogin).map(Change::userId).toList();
        return new RosterApplied(run.schoolId(), run.id(), run.source().name(), users.apply(Subject.STUDENT, Action.CREATE),
                users.apply(Subject.STUDENT, Action.ARCHIVE), users.apply(Subject.STUDENT, Action.RESTORE), moved,
                users.apply(Subject.STUDENT, Action.UPDATE), users.apply(Subject.TEACHER, Action.CREATE),
                users.apply(Subject.TEACHER, Action.JOIN), users.apply(Subject.TEACHER, Action.ARCHIVE),
                users.apply(Subject.TEACHER, Action.UPDATE), emailChanged);
    }

    private static List<Change> of(List<Change> changes, Subject subject) {
        return changes.stream().filter(c -> c.subject() == subject).toList();
    }

    private static List<Change> of(List<Change> changes, Subject subject, Action action) {
        return changes.stream().filter(c -> c.subject() == subject && c.action() == action).toList();
    }

    private static List<Long> userIds(List<Change> changes) {
        return changes.stream().map(Change::userId).toList();
    }
}
