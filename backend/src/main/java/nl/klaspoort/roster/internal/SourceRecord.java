package nl.klaspoort.roster.internal;

import java.util.List;

/**
 * What the source says about a person or group, as a change carries it to the apply (stored with the preview until the
 * run ends). Personal data: never logged ({@link #toString()} names the kind only).
 *
 * @param groupKeys a person's groups (a pupil's main group first); a group's own key for a group
 * @param group     a pupil's main group's name (shown as "groep" in the user administration)
 */
record SourceRecord(String kind, String firstName, String namePrefix, String lastName, String jaargroep, String group,
        List<String> groupKeys, String email, Long basispoortId, String eckId, String lasKey, String groupName,
        boolean composite) {

    SourceRecord {
        groupKeys = groupKeys == null ? List.of() : List.copyOf(groupKeys);
    }

    static SourceRecord student(String firstName, String namePrefix, String lastName, String jaargroep, String group,
            List<String> groupKeys, Long basispoortId, String eckId, String lasKey) {
        return new SourceRecord("STUDENT", firstName, namePrefix, lastName, jaargroep, group, groupKeys, null,
                basispoortId, eckId, lasKey, null, false);
    }

    static SourceRecord teacher(String firstName, String namePrefix, String lastName, String email,
            List<String> groupKeys, Long basispoortId, String eckId, String lasKey) {
        return new SourceRecord("TEACHER", firstName, namePrefix, lastName, null, null, groupKeys, email, basispoortId,
                eckId, lasKey, null, false);
    }

    static SourceRecord group(String key, String name, String jaargroep, boolean composite) {
        return new SourceRecord("GROUP", null, null, null, jaargroep, null, List.of(key), null, null, null, key, name,
                composite);
    }

    @Override
    public String toString() {
        return "SourceRecord[" + kind + "]";
    }
}
