package nl.klaspoort.roster.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import nl.klaspoort.basispoort.BasispoortLinks.Link;
import nl.klaspoort.edexml.Jaargroep;
import nl.klaspoort.edexml.RosterGroup;
import nl.klaspoort.edexml.RosterSnapshot;
import nl.klaspoort.edexml.RosterStudent;
import nl.klaspoort.edexml.RosterTeacher;
import nl.klaspoort.groups.Groups.Group;
import nl.klaspoort.roster.internal.Change.Action;
import nl.klaspoort.roster.internal.Change.Decision;
import nl.klaspoort.roster.internal.Change.Field;
import nl.klaspoort.roster.internal.Change.FieldChange;
import nl.klaspoort.roster.internal.Change.Reason;
import nl.klaspoort.roster.internal.Change.Subject;
import nl.klaspoort.roster.internal.SchoolRoster.Member;

/**
 * The difference between a school's roster in Klaspoort and its source (X2), as changes with reasons. Pure: everything
 * it needs from the database comes in. The rules:
 * <ul>
 * <li>Pupils are found by Basispoort id, then ECK iD, then LAS key among the school's links; a pupil the school does
 * not know is looked for at the publisher's other schools by Basispoort id or ECK iD (a move keeps the account and its
 * results, X12); otherwise created. A pupil whose link says they left and who is listed again returns (X12).</li>
 * <li>Teachers are found by their link's Basispoort id, then by e-mail address (their Basispoort login, seed 003) among
 * the school's members, then by LAS key; a professional Klaspoort knows by that address at another school joins this
 * one; otherwise created. Staff whose end date has passed count as gone.</li>
 * <li>Linked members the source no longer lists are archived (their history stays); members made by hand (no link) are
 * never touched. An admin's archive of a member the source still lists stands.</li>
 * <li>A field an admin edited locally since the source last gave it is kept unless the source changed it too; then the
 * change shows it as a local edit, kept unless the admin lets the source override it (X11).</li>
 * <li>Groups are created, renamed and archived by their LAS key; people are put in the groups the source names.</li>
 * </ul>
 */
final class RosterDiff {

    enum Source { BASISPOORT, EDEXML }

    /**
     * What the comparison needs from outside the school.
     *
     * @param elsewhere            links of pupils at other schools with one of the snapshot's Basispoort ids or ECK iDs
     * @param professionalsByEmail every professional Klaspoort knows by one of the snapshot's addresses (lower case)
     * @param schoolNames          the names of the schools in {@code elsewhere}
     * @param onlySupervisors      of the given professionals, those who would be the only supervisor of some active pupil
     *                             (other than the pupils given, who leave at the same time) once they all leave
     * @param usernamesTaken       of the pupils in {@code elsewhere}, those whose username a pupil of this school has, with
     *                             that username (usernames are unique per school: a moving pupil then gets a new one)
     * @param sharedTeachers       the school's professionals who are members of another school too: their login e-mail
     *                             is not this school's source to change (issue 10: a school's power ends at the school)
     */
    record Lookups(List<Link> elsewhere, Map<String, Long> professionalsByEmail, Map<Long, String> schoolNames,
            BiFunction<Set<Long>, Set<Long>, Set<Long>> onlySupervisors, Map<Long, String> usernamesTaken,
            Set<Long> sharedTeachers) {}

    /**
     * What the {@link Lookups} must be asked about: the Basispoort ids and ECK iDs of pupils no member of the school
     * matches (only they can have moved in), the addresses of teachers who are not yet members or whose address
     * changes (only those can be someone else's), and the members whose address changes (only they can be shared with
     * another school). A steady roster needs none of them, so the lookups send no statement.
     */
    record Wanted(Set<Long> basispoortIds, Set<String> eckIds, Set<String> emails, Set<Long> teachersWithNewAddress) {}

    static Wanted wanted(SchoolRoster roster, RosterSnapshot snapshot) {
        Set<Long> basispoortIds = new HashSet<>();
        Set<String> eckIds = new HashSet<>();
        StudentIndex students = new StudentIndex(roster);
        for (RosterStudent pupil : snapshot.students()) {
            if (students.match(pupil) == null) {
                putIf(basispoortIds, pupil.basispoortId());
                putIf(eckIds, pupil.eckId());
            }
        }
        Set<String> emails = new LinkedHashSet<>();
        Set<Long> changing = new HashSet<>();
        TeacherIndex teachers = new TeacherIndex(roster);
        for (RosterTeacher teacher : snapshot.teachers()) {
            String email = Names.email(teacher.email());
            Member member = teachers.match(teacher, email);
            if (member == null || email != null && !email.equals(Names.email(member.email()))) {
                putIf(emails, email);
                if (member != null) {
                    changing.add(member.id());
                }
            }
        }
        return new Wanted(basispoortIds, eckIds, emails, changing);
    }

    /** The school's pupils by the keys of their links: Basispoort id, then ECK iD, then LAS key. */
    private static final class StudentIndex {
        final Map<Long, Member> byBasispoortId = new HashMap<>();
        final Map<String, Member> byEckId = new HashMap<>();
        final Map<String, Member> byLasKey = new HashMap<>();

        StudentIndex(SchoolRoster roster) {
            for (Member member : roster.students()) {
                Link link = member.link();
                if (link != null) {
                    putIf(byBasispoortId, link.basispoortId(), member);
                    putIf(byEckId, link.eckId(), member);
                    putIf(byLasKey, link.lasKey(), member);
                }
            }
        }

        Member match(RosterStudent pupil) {
            return first(byBasispoortId.get(pupil.basispoortId()), byEckId.get(pupil.eckId()), byLasKey.get(pupil.key()));
        }
    }

    /** The school's teachers by Basispoort id, then address, then LAS key. */
    private static final class TeacherIndex {
        final Map<Long, Member> byBasispoortId = new HashMap<>();
        final Map<String, Member> byEmail = new HashMap<>();
        final Map<String, Member> byLasKey = new HashMap<>();

        TeacherIndex(SchoolRoster roster) {
            for (Member member : roster.teachers()) {
                Link link = member.link();
                if (link != null) {
                    putIf(byBasispoortId, link.basispoortId(), member);
                    putIf(byLasKey, link.lasKey(), member);
                }
                putIf(byEmail, Names.email(member.email()), member);
            }
        }

        Member match(RosterTeacher teacher, String email) {
            return first(byBasispoortId.get(teacher.basispoortId()), byEmail.get(email), byLasKey.get(teacher.key()));
        }
    }

    private static final List<Field> STUDENT_FIELDS = List.of(Field.FIRST_NAME, Field.NAME_PREFIX, Field.LAST_NAME,
            Field.JAARGROEP, Field.GROUP);
    private static final List<Field> TEACHER_FIELDS = List.of(Field.FIRST_NAME, Field.NAME_PREFIX, Field.LAST_NAME,
            Field.EMAIL);

    private final SchoolRoster roster;
    private final RosterSnapshot snapshot;
    private final Source source;
    private final LocalDate today;
    private final Lookups lookups;
    private final List<Change> changes = new ArrayList<>();
    /** Source groups by key; a person's group keys are kept only when the group is in the source. */
    private final Map<String, RosterGroup> sourceGroups = new LinkedHashMap<>();
    private final Map<Long, String> groupKeyById = new HashMap<>();

    private RosterDiff(SchoolRoster roster, RosterSnapshot snapshot, Source source, LocalDate today, Lookups lookups) {
        this.roster = roster;
        this.snapshot = snapshot;
        this.source = source;
        this.today = today;
        this.lookups = lookups;
        snapshot.groups().forEach(g -> sourceGroups.putIfAbsent(g.key(), g));
        roster.groups().values().forEach(g -> groupKeyById.put(g.id(), g.key()));
    }

    /** The changes, groups first, then pupils, then teachers, each in the source's order, archives after the others. */
    static List<Change> compare(SchoolRoster roster, RosterSnapshot snapshot, Source source, LocalDate today,
            Lookups lookups) {
        RosterDiff diff = new RosterDiff(roster, snapshot, source, today, lookups);
        diff.groups();
        diff.students();
        diff.teachers();
        return List.copyOf(diff.changes);
    }

    // ---- groups

    private void groups() {
        for (RosterGroup group : sourceGroups.values()) {
            String name = Names.cut(Names.clean(group.name() == null ? group.key() : group.name()), 100);
            String jaargroep = group.composite() ? null : Names.clean(group.jaargroep());
            SourceRecord record = SourceRecord.group(group.key(), name, jaargroep, group.composite());
            Group existing = roster.groups().get(group.key());
            if (existing == null) {
                add(Subject.GROUP, Action.CREATE, null, null, group.key(), name,
                        List.of(new FieldChange(Field.NAME, null, name, false),
                                new FieldChange(Field.JAARGROEP, null, jaargroep, false)),
                        record, Reason.NEW_IN_SOURCE, Map.of(), false);
                continue;
            }
            List<FieldChange> fields = new ArrayList<>();
            field(fields, Field.NAME, existing.name(), name);
            field(fields, Field.JAARGROEP, existing.jaargroep(), jaargroep);
            if (existing.composite() != group.composite()) {
                fields.add(new FieldChange(Field.COMPOSITE, Boolean.toString(existing.composite()),
                        Boolean.toString(group.composite()), false));
            }
            if (existing.archived() || !fields.isEmpty()) {
                add(Subject.GROUP, Action.UPDATE, null, existing.id(), group.key(), name, fields, record,
                        existing.archived() ? Reason.GROUP_BACK : Reason.CHANGED_IN_SOURCE, Map.of(), false);
            }
        }
        for (Group existing : roster.groups().values()) {
            if (!existing.archived() && !sourceGroups.containsKey(existing.key())) {
                add(Subject.GROUP, Action.ARCHIVE, null, existing.id(), existing.key(), existing.name(), List.of(), null,
                        Reason.LEFT_SOURCE, Map.of(), false);
            }
        }
    }

    // ---- students

    private void students() {
        StudentIndex index = new StudentIndex(roster);
        Map<Long, Link> elsewhereByBasispoortId = new HashMap<>();
        Map<String, Link> elsewhereByEckId = new HashMap<>();
        for (Link link : lookups.elsewhere()) { // most recent first: the first one found wins
            if (link.basispoortId() != null) {
                elsewhereByBasispoortId.putIfAbsent(link.basispoortId(), link);
            }
            if (link.eckId() != null) {
                elsewhereByEckId.putIfAbsent(link.eckId(), link);
            }
        }
        Set<Long> matched = new HashSet<>();
        Set<Long> movedIn = new HashSet<>();
        Map<Long, RosterStudent> leftOn = new HashMap<>();
        Set<String> seenKeys = new HashSet<>();
        for (RosterStudent pupil : snapshot.students()) {
            Member member = index.match(pupil);
            String sourceKey = pupil.basispoortId() != null ? pupil.basispoortId().toString() : pupil.key();
            if (pupil.leftOn(today)) { // EDEXML keeps pupils who left, with their uitstroomdatum
                if (member != null) {
                    leftOn.put(member.id(), pupil);
                }
                continue;
            }
            SourceRecord record = studentRecord(pupil);
            String label = Names.display(record.firstName(), record.namePrefix(), record.lastName());
            if (!seenKeys.add(sourceKey == null ? "" : sourceKey) || member != null && !matched.add(member.id())) {
                skip(Subject.STUDENT, sourceKey, label, record, Reason.DUPLICATE_IN_SOURCE);
                continue;
            }
            Reason problem = record.firstName() == null || record.lastName() == null ? Reason.MISSING_NAME
                    : record.jaargroep() == null ? Reason.MISSING_JAARGROEP
                    : !Jaargroep.isValid(record.jaargroep()) ? Reason.INVALID_JAARGROEP : null;
            if (problem != null) { // still listed, so not archived either
                add(Subject.STUDENT, Action.SKIP, null, null, sourceKey, label.isEmpty() ? sourceKey : label, List.of(),
                        record, problem, problem == Reason.INVALID_JAARGROEP ? Map.of("value", record.jaargroep())
                                : Map.of(), false);
                continue;
            }
            if (member != null) {
                existing(Subject.STUDENT, member, record, sourceKey, STUDENT_FIELDS);
                continue;
            }
            Link moved = first(elsewhereByBasispoortId.get(pupil.basispoortId()), elsewhereByEckId.get(pupil.eckId()));
            if (moved != null && movedIn.add(moved.userId())) {
                List<FieldChange> fields = new ArrayList<>(created(record, STUDENT_FIELDS));
                String taken = lookups.usernamesTaken().get(moved.userId());
                if (taken != null) {
                    fields.add(new FieldChange(Field.USERNAME, taken, null, false));
                }
                add(Subject.STUDENT, Action.MOVE, moved.userId(), null, sourceKey, label, fields,
                        record, Reason.MOVED, Map.of("school", lookups.schoolNames().getOrDefault(moved.schoolId(), ""),
                                "fromSchoolId", Long.toString(moved.schoolId())), false);
                continue;
            }
            add(Subject.STUDENT, Action.CREATE, null, null, sourceKey, label, created(record, STUDENT_FIELDS), record,
                    Reason.NEW_IN_SOURCE, Map.of(), false);
        }
        for (Member member : roster.students()) {
            if (gone(member, matched)) {
                RosterStudent left = leftOn.get(member.id());
                add(Subject.STUDENT, Action.ARCHIVE, member.id(), null, sourceKey(member), member.displayName(),
                        List.of(), null, left != null ? Reason.LEFT_ON : Reason.LEFT_SOURCE,
                        left != null ? Map.of("date", left.uitstroomdatum().toString()) : Map.of(), false);
            }
        }
    }

    private SourceRecord studentRecord(RosterStudent pupil) {
        List<String> keys = new ArrayList<>();
        if (pupil.groupKey() != null && sourceGroups.containsKey(pupil.groupKey())) {
            keys.add(pupil.groupKey());
        }
        pupil.compositeGroupKeys().stream().filter(sourceGroups::containsKey).filter(k -> !keys.contains(k)).forEach(keys::add);
        RosterGroup main = pupil.groupKey() == null ? null : sourceGroups.get(pupil.groupKey());
        String group = main == null ? null : Names.cut(Names.clean(main.name() == null ? main.key() : main.name()), 60);
        return SourceRecord.student(Names.cut(Names.clean(pupil.name().firstName()), 100),
                Names.cut(Names.clean(pupil.name().voorvoegsel()), 30), Names.cut(Names.clean(pupil.name().achternaam()), 100),
                Names.clean(pupil.jaargroep()), group, keys, pupil.basispoortId(), pupil.eckId(), pupil.key());
    }

    // ---- teachers

    private void teachers() {
        TeacherIndex index = new TeacherIndex(roster);
        Set<Long> matched = new HashSet<>();
        Set<String> seenEmails = new HashSet<>();
        for (RosterTeacher teacher : snapshot.teachers()) {
            String email = Names.email(teacher.email());
            SourceRecord record = SourceRecord.teacher(Names.cut(Names.clean(teacher.name().firstName()), 100),
                    Names.cut(Names.clean(teacher.name().voorvoegsel()), 30),
                    Names.cut(Names.clean(teacher.name().achternaam()), 100), email,
                    teacher.groupKeys().stream().filter(sourceGroups::containsKey).distinct().toList(),
                    teacher.basispoortId(), teacher.eckId(), teacher.key());
            String label = Names.display(record.firstName(), record.namePrefix(), record.lastName());
            String sourceKey = email != null ? email : teacher.key();
            Member member = index.match(teacher, email);
            if (email != null && !seenEmails.add(email) || member != null && !matched.add(member.id())) {
                skip(Subject.TEACHER, sourceKey, label, record, Reason.DUPLICATE_IN_SOURCE);
                continue;
            }
            Reason problem = record.firstName() == null || record.lastName() == null ? Reason.MISSING_NAME
                    : email == null ? Reason.MISSING_EMAIL : !Names.validEmail(email) ? Reason.INVALID_EMAIL : null;
            if (problem != null) { // still listed, so not archived either
                skip(Subject.TEACHER, sourceKey, label.isEmpty() ? String.valueOf(sourceKey) : label, record, problem);
                continue;
            }
            if (member != null) {
                Long owner = lookups.professionalsByEmail().get(email);
                if (owner != null && owner != member.id()) {
                    add(Subject.TEACHER, Action.UPDATE, member.id(), null, sourceKey, member.displayName(),
                            List.of(new FieldChange(Field.EMAIL, member.email(), email, false)), record,
                            Reason.EMAIL_TAKEN, Map.of(), true);
                    continue;
                }
                if (lookups.sharedTeachers().contains(member.id()) && member.email() != null
                        && !member.email().equalsIgnoreCase(email)) {
                    // a new address would move the login of someone who works at another school too (BP5 would mail
                    // the new address a link to set the password): shown, never applied
                    add(Subject.TEACHER, Action.UPDATE, member.id(), null, sourceKey, member.displayName(),
                            List.of(new FieldChange(Field.EMAIL, member.email(), email, false)), record,
                            Reason.IDENTITY_SHARED, Map.of(), true);
                    continue;
                }
                existing(Subject.TEACHER, member, record, sourceKey, TEACHER_FIELDS);
                continue;
            }
            Long known = lookups.professionalsByEmail().get(email);
            if (known != null) {
                add(Subject.TEACHER, Action.JOIN, known, null, sourceKey, label, created(record, TEACHER_FIELDS), record,
                        Reason.KNOWN_PROFESSIONAL, Map.of(), false);
                continue;
            }
            add(Subject.TEACHER, Action.CREATE, null, null, sourceKey, label, created(record, TEACHER_FIELDS), record,
                    Reason.NEW_IN_SOURCE, Map.of(), false);
        }
        Set<Long> leaving = roster.teachers().stream().filter(m -> gone(m, matched))
                .map(Member::id).collect(Collectors.toCollection(LinkedHashSet::new));
        Set<Long> leavingStudents = changes.stream().filter(c -> c.subject() == Subject.STUDENT && c.action() == Action.ARCHIVE)
                .map(Change::userId).collect(Collectors.toSet());
        Set<Long> only = leaving.isEmpty() ? Set.of() : lookups.onlySupervisors().apply(leaving, leavingStudents);
        for (Member member : roster.teachers()) {
            if (leaving.contains(member.id())) {
                boolean blocked = only.contains(member.id());
                add(Subject.TEACHER, Action.ARCHIVE, member.id(), null, sourceKey(member), member.displayName(), List.of(),
                        null, blocked ? Reason.ONLY_SUPERVISOR : Reason.LEFT_SOURCE, Map.of(), blocked);
            }
        }
    }

    // ---- shared

    /** A matched member: restored when the source had them leave, and the fields that differ. */
    private void existing(Subject subject, Member member, SourceRecord record, String sourceKey, List<Field> compared) {
        List<FieldChange> fields = new ArrayList<>();
        for (Field field : compared) {
            String now = member.value(field);
            String incoming = value(record, field);
            if (Objects.equals(now, incoming)) {
                continue;
            }
            Map<String, String> synced = member.link() == null ? Map.of() : member.link().synced();
            boolean edited = synced.containsKey(field.key) && !Objects.equals(synced.get(field.key), now);
            if (edited && Objects.equals(synced.get(field.key), incoming)) {
                continue; // the admin's value stands: the source did not change it
            }
            fields.add(new FieldChange(field, now, incoming, edited));
        }
        Set<String> groupsNow = member.groupIds().stream().map(groupKeyById::get).filter(Objects::nonNull)
                .collect(Collectors.toCollection(TreeSet::new));
        if (!groupsNow.equals(new TreeSet<>(record.groupKeys()))) {
            fields.add(new FieldChange(Field.GROUPS, groupNames(groupsNow), groupNames(record.groupKeys()), false));
        }
        boolean returns = member.archived() && member.link() != null && !member.link().active();
        boolean relink = member.link() == null || member.link().leftAt() != null
                || !Objects.equals(member.link().basispoortId(), record.basispoortId()) && record.basispoortId() != null
                || !Objects.equals(member.link().eckId(), record.eckId()) && record.eckId() != null
                || !Objects.equals(member.link().lasKey(), record.lasKey()) && record.lasKey() != null;
        if (returns) {
            add(subject, Action.RESTORE, member.id(), null, sourceKey, member.displayName(), fields, record,
                    Reason.RETURNED, Map.of(), false);
        } else if (!fields.isEmpty() || relink) {
            add(subject, Action.UPDATE, member.id(), null, sourceKey, member.displayName(), fields, record,
                    fields.isEmpty() ? Reason.LINK_COMPLETED : Reason.CHANGED_IN_SOURCE, Map.of(), false);
        }
    }

    /** A linked, active member the source does not list (any more). */
    private static boolean gone(Member member, Set<Long> matched) {
        return !matched.contains(member.id()) && !member.archived() && member.link() != null && member.link().active();
    }

    private List<FieldChange> created(SourceRecord record, List<Field> fields) {
        List<FieldChange> changes = new ArrayList<>();
        for (Field field : fields) {
            String value = value(record, field);
            if (value != null) {
                changes.add(new FieldChange(field, null, value, false));
            }
        }
        if (!record.groupKeys().isEmpty()) {
            changes.add(new FieldChange(Field.GROUPS, null, groupNames(record.groupKeys()), false));
        }
        return changes;
    }

    private String groupNames(Collection<String> keys) {
        if (keys.isEmpty()) {
            return null;
        }
        return keys.stream().map(k -> {
            RosterGroup group = sourceGroups.get(k);
            Group known = roster.groups().get(k);
            return group != null && group.name() != null ? Names.clean(group.name()) : known != null ? known.name() : k;
        }).sorted().collect(Collectors.joining(", "));
    }

    static String value(SourceRecord record, Field field) {
        return switch (field) {
            case FIRST_NAME -> record.firstName();
            case NAME_PREFIX -> record.namePrefix();
            case LAST_NAME -> record.lastName();
            case EMAIL -> record.email();
            case JAARGROEP -> record.jaargroep();
            case GROUP -> record.group();
            default -> throw new IllegalArgumentException(field.name());
        };
    }

    /** The values a link keeps as "what the source gave" for the fields an admin may edit. */
    static Map<String, String> synced(SourceRecord record) {
        Map<String, String> synced = new LinkedHashMap<>();
        for (Field field : "TEACHER".equals(record.kind()) ? TEACHER_FIELDS : STUDENT_FIELDS) {
            synced.put(field.key, value(record, field));
        }
        return synced;
    }

    private static String sourceKey(Member member) {
        Link link = member.link();
        return link.basispoortId() != null ? link.basispoortId().toString()
                : link.lasKey() != null ? link.lasKey() : member.email();
    }

    private void field(List<FieldChange> fields, Field field, String before, String after) {
        if (!Objects.equals(before, after)) {
            fields.add(new FieldChange(field, before, after, false));
        }
    }

    private void skip(Subject subject, String sourceKey, String label, SourceRecord record, Reason reason) {
        add(subject, Action.SKIP, null, null, sourceKey, label == null || label.isEmpty() ? "?" : label, List.of(), record,
                reason, Map.of(), false);
    }

    private void add(Subject subject, Action action, Long userId, Long groupId, String sourceKey, String label,
            List<FieldChange> fields, SourceRecord record, Reason reason, Map<String, String> params, boolean blocked) {
        boolean localEdit = fields.stream().anyMatch(FieldChange::localEdit);
        changes.add(new Change(changes.size() + 1, subject, action, userId, groupId, sourceKey, Names.cut(label, 300),
                fields, record, reason, params, localEdit, false, blocked, Decision.ACCEPTED));
    }

    private static <K> void putIf(Set<K> keys, K key) {
        if (key != null) {
            keys.add(key);
        }
    }

    private static <K> void putIf(Map<K, Member> index, K key, Member member) {
        if (key != null) {
            index.putIfAbsent(key, member);
        }
    }

    @SafeVarargs
    private static <T> T first(T... candidates) {
        for (T candidate : candidates) {
            if (candidate != null) {
                return candidate;
            }
        }
        return null;
    }
}
