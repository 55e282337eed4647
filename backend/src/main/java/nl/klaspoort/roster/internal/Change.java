package nl.klaspoort.roster.internal;

import java.util.List;
import java.util.Map;

/**
 * One change a run would make (X2), as the preview shows it and the apply carries it out: who or what, what happens,
 * per field the value before and after, and why. What the source says about the person or group is in {@link #record}
 * (to create, move or link them).
 *
 * @param userId        the existing local user it concerns; null for someone new
 * @param groupId       the existing group it concerns; null for a new group or a person
 * @param sourceKey     how the source names the record: a LAS key, Basispoort id or e-mail address
 * @param label         who or what, for people: "Emma de Vries"
 * @param localEdit     some field was edited locally by an admin since the roster last gave it (X11)
 * @param overrideLocal the admin lets the source overwrite those local edits
 * @param blocked       cannot be applied (the reason says why): shown, never carried out
 */
record Change(int seq, Subject subject, Action action, Long userId, Long groupId, String sourceKey, String label,
        List<FieldChange> fields, SourceRecord record, Reason reason, Map<String, String> reasonParams,
        boolean localEdit, boolean overrideLocal, boolean blocked, Decision decision) {

    Change {
        fields = List.copyOf(fields);
        reasonParams = Map.copyOf(reasonParams);
    }

    enum Subject { STUDENT, TEACHER, GROUP }

    enum Action {
        /** A new person or group. */
        CREATE,
        /** Fields of an existing person or group change. */
        UPDATE,
        /** No longer in the source: archived (people keep their history, groups their members). */
        ARCHIVE,
        /** Back in the source after leaving this school: the archived account returns. */
        RESTORE,
        /** A pupil of another school of the publisher, found by Basispoort id or ECK iD: the account moves (X12). */
        MOVE,
        /** A professional Klaspoort knows (by e-mail address) becomes a member of this school. */
        JOIN,
        /** In the source, but cannot be imported (the reason says why). */
        SKIP
    }

    enum Decision { ACCEPTED, REJECTED }

    /** Why; {@code error.*}-like texts under {@code roster.reason.*} in the bundle, with {@link #reasonParams}. */
    enum Reason {
        NEW_IN_SOURCE, CHANGED_IN_SOURCE, LEFT_SOURCE, LEFT_ON, STAFF_ENDED, RETURNED, MOVED, KNOWN_PROFESSIONAL,
        MISSING_NAME, MISSING_JAARGROEP, INVALID_JAARGROEP, MISSING_EMAIL, INVALID_EMAIL, EMAIL_TAKEN, IDENTITY_SHARED,
        DUPLICATE_IN_SOURCE,
        ONLY_SUPERVISOR, GROUP_BACK, LINK_COMPLETED
    }

    /** The fields a change shows, before → after. */
    enum Field {
        FIRST_NAME("firstName"), NAME_PREFIX("namePrefix"), LAST_NAME("lastName"), EMAIL("email"),
        JAARGROEP("jaargroep"), GROUP("group"), GROUPS("groups"), NAME("name"), COMPOSITE("composite"), LINK("link"),
        /** A moving pupil's username, taken at the new school by another pupil: they get a fresh one (after: once applied). */
        USERNAME("username");

        /** The key of the value in a link's synced values, and in the audit log's states. */
        final String key;

        Field(String key) {
            this.key = key;
        }
    }

    /**
     * One field of a change.
     *
     * @param localEdit the local value is an admin's edit, not what the source gave last time
     */
    record FieldChange(Field field, String before, String after, boolean localEdit) {}

    /** Whether the apply carries this change out (the field-level local edits decided by {@link #overrideLocal}). */
    boolean applies() {
        return decision == Decision.ACCEPTED && !blocked && action != Action.SKIP;
    }

    /** Whether the source's value of this field is written (a local edit only when the admin lets the source override). */
    boolean writes(FieldChange field) {
        return applies() && (!field.localEdit() || overrideLocal);
    }

    /**
     * Whether the apply gives a known teacher a new e-mail address, their login (BP5: the account module then
     * deactivates the old login and mails an activation link to the new address).
     */
    boolean changesLogin() {
        return subject == Subject.TEACHER && action != Action.CREATE && fields.stream()
                .anyMatch(f -> f.field() == Field.EMAIL && f.before() != null && writes(f));
    }

        /** Whether the apply gives a moving pupil a new username (theirs is taken at this school). */
    boolean changesUsername() {
        return subject == Subject.STUDENT && action == Action.MOVE && applies()
                && fields.stream().anyMatch(f -> f.field() == Field.USERNAME);
    }

    Change withDecision(Decision newDecision, boolean newOverride) {
        return new Change(seq, subject, action, userId, groupId, sourceKey, label, fields, record, reason, reasonParams,
                localEdit, localEdit && newOverride, blocked, newDecision);
    }
}
