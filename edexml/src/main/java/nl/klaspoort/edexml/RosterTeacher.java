package nl.klaspoort.edexml;

import java.util.List;

/**
 * A teacher (leerkracht / medewerker). Teachers are matched by e-mail address (their Basispoort login).
 *
 * @param key          the LAS key
 * @param basispoortId Basispoort's stable user id; null for an EDEXML file
 * @param eckId        ECK iD, or null; personal data: never in logs or URLs
 * @param name         the teacher's name
 * @param email        e-mail address, or null
 * @param groupKeys    keys of the groups (plain and composite) the teacher sees
 * @param line         line of the teacher's element in the source file (0 when the source is not a file)
 */
public record RosterTeacher(String key, Long basispoortId, String eckId, PersonName name, String email,
        List<String> groupKeys, int line) {

    public RosterTeacher {
        groupKeys = List.copyOf(groupKeys);
    }
}
