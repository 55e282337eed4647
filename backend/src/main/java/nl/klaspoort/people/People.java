package nl.klaspoort.people;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.klaspoort.people.internal.PeopleQueries;
import nl.klaspoort.people.internal.PeopleStore;
import org.springframework.stereotype.Service;

/**
 * The people who sign in ({@code app_user}): professionals (one person across schools) and students (one school).
 * Reads and writes for the modules that administer them; the caller has checked access.
 */
@Service
public class People {

    /** A new professional; without a password hash an activation (choose a password via e-mail) is recorded. */
    public record NewProfessional(String firstName, String namePrefix, String lastName, String email, String function,
            String passwordHash) {}

    /** A new student of a school. */
    public record NewStudent(long schoolId, String firstName, String namePrefix, String lastName, String username,
            int gradeYear, String group, String passwordHash) {}

    /** A profile as an admin edits it; fields that do not apply to the person's kind are ignored. */
    public record Profile(String firstName, String namePrefix, String lastName, String email, String function,
            String username, Integer gradeYear, String group) {}

    private final PeopleQueries queries;
    private final PeopleStore store;

    People(PeopleQueries queries, PeopleStore store) {
        this.queries = queries;
        this.store = store;
    }

    /** The people with these ids, by id; one statement. */
    public Map<Long, Person> byIds(Collection<Long> ids) {
        return ids.isEmpty() ? Map.of() : queries.byIds(ids);
    }

    public Optional<Person> byId(long id) {
        return Optional.ofNullable(byIds(List.of(id)).get(id));
    }

    /** Whether someone other than {@code exceptId} signs in with this e-mail address (case-insensitive). */
    public boolean emailTaken(String email, long exceptId) {
        return queries.emailTaken(email, exceptId);
    }

    /** Whether someone other than {@code exceptId} signs in with this username (case-insensitive). */
    public boolean usernameTaken(String username, long exceptId) {
        return queries.usernameTaken(username, exceptId);
    }

    /** The usernames (lower case) that start with {@code base}, to find the first free one. */
    public Set<String> usernamesStartingWith(String base) {
        return queries.usernamesStartingWith(base);
    }

    /** The profile fields of a person as JSON text, for the audit log. */
    public String profileJson(long id) {
        return queries.profileJson(id);
    }

    public long createProfessional(NewProfessional professional) {
        return store.createProfessional(professional);
    }

    public long createStudent(NewStudent student) {
        return store.createStudents(List.of(student)).getFirst();
    }

    /** Many students in one statement (imports, demo data); their ids in the order given. */
    public List<Long> createStudents(List<NewStudent> students) {
        return students.isEmpty() ? List.of() : store.createStudents(students);
    }

    public void updateProfile(long id, boolean student, Profile profile) {
        store.updateProfile(id, student, profile);
    }

    /** The professional who signs in with this e-mail address (any case), if any. */
    public Optional<Professional> professionalByEmail(String email) {
        return queries.professionalByEmail(email).map(Professional.class::cast);
    }

    /** The stored password hash, to check a password typed again (B17); empty when none is set. */
    public Optional<String> passwordHash(long id) {
        return queries.passwordHash(id);
    }

    /** A new password (already hashed) for the person; a pending activation is done with it. */
    public void setPassword(long id, String passwordHash) {
        store.setPassword(id, passwordHash);
    }

    /** A new username and, when {@code passwordHash} is not null, a new password. */
    public void setCredentials(long id, String username, String passwordHash) {
        store.setCredentials(id, username, passwordHash);
    }

    /** Every student one gradeYear up ({@code +1}) or down ({@code -1}); one statement. */
    public void shiftGradeYears(Collection<Long> studentIds, int delta) {
        if (!studentIds.isEmpty()) {
            store.shiftGradeYears(studentIds, delta);
        }
    }

    /** Each student's gradeYear becomes the given one (undo); one statement. */
    public void setGradeYears(Map<Long, Integer> gradeYears) {
        if (!gradeYears.isEmpty()) {
            store.setGradeYears(gradeYears);
        }
    }
}
