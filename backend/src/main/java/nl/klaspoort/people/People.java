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

    /** A student as a school's roster gives them; {@code jaargroep} as written ("5", "0", "S"…). */
    public record ImportedStudent(long schoolId, String firstName, String namePrefix, String lastName, String jaargroep,
            String group) {}

    /** The roster's values for an existing student. */
    public record ImportedStudentUpdate(long id, String firstName, String namePrefix, String lastName, String jaargroep,
            String group) {}

    /** A moving student's username, taken at the new school, and the one they have there now. */
    public record UsernameChange(String before, String after) {}

    /** A professional as a school's roster gives them; the e-mail address is their login. */
    public record ImportedProfessional(String firstName, String namePrefix, String lastName, String email) {}

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

    /**
     * Whether a pupil of the school other than {@code exceptId} signs in with this username (case-insensitive).
     * Usernames are unique per school: another school's pupils are never looked at.
     */
    public boolean usernameTaken(long schoolId, String username, long exceptId) {
        return queries.usernameTaken(schoolId, username, exceptId);
    }

    /** The school's usernames (lower case) that start with one of {@code bases}, to find the first free ones; one statement. */
    public Set<String> usernamesStartingWith(long schoolId, Collection<String> bases) {
        return bases.isEmpty() ? Set.of() : queries.usernamesStartingWith(schoolId, bases);
    }

    /** Of these e-mail addresses (lower case), those someone already signs in with; one statement. */
    public Set<String> emailsInUse(Collection<String> emails) {
        return emails.isEmpty() ? Set.of() : queries.emailsInUse(emails);
    }

    /** Of these usernames (lower case), those a pupil of the school already signs in with; one statement. */
    public Set<String> usernamesInUse(long schoolId, Collection<String> usernames) {
        return usernames.isEmpty() ? Set.of() : queries.usernamesInUse(schoolId, usernames);
    }

    /** The profile fields of a person as JSON text, for the audit log. */
    public String profileJson(long id) {
        return queries.profileJson(id);
    }

    public long createProfessional(NewProfessional professional) {
        return store.createProfessional(professional);
    }

    /**
     * Many professionals in one statement (imports), each without a password and with an activation recorded; their
     * ids in the order given.
     */
    public List<Long> createProfessionals(List<NewProfessional> professionals) {
        if (professionals.stream().anyMatch(p -> p.passwordHash() != null)) {
            throw new IllegalArgumentException("professionals created in bulk choose their password through the activation");
        }
        return professionals.isEmpty() ? List.of() : store.createProfessionals(professionals);
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

    /**
     * Whether each of these people has a password, by id (ids that are nobody are left out): a professional without
     * one has not chosen it with the mailed link yet.
     */
    public Map<Long, Boolean> hasPassword(Collection<Long> ids) {
        return ids.isEmpty() ? Map.of() : queries.hasPassword(ids);
    }

    /** A new password (already hashed) for the person; a pending activation is done with it. */
    public void setPassword(long id, String passwordHash) {
        store.setPassword(id, passwordHash);
    }

    /**
     * The password no longer signs in (BP5: the login e-mail changed under the person); they choose a new one with an
     * activation link.
     */
    public void clearPassword(long id) {
        store.clearPassword(id);
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

    /**
     * Students from a school's roster (BP3, BP6), in three statements whatever their number: each gets the first free
     * username of their name and no password. Their ids in input order.
     */
    public List<Long> importStudents(List<ImportedStudent> students) {
        return students.isEmpty() ? List.of() : store.importStudents(students);
    }

    /** Professionals from a school's roster, without password or activation; one statement. Ids in input order. */
    public List<Long> importProfessionals(List<ImportedProfessional> professionals) {
        return professionals.isEmpty() ? List.of() : store.importProfessionals(professionals);
    }

    /** The roster's names, jaargroep and group for existing students; one statement. */
    public void updateImportedStudents(List<ImportedStudentUpdate> updates) {
        if (!updates.isEmpty()) {
            store.updateImportedStudents(updates);
        }
    }

    /** The roster's names and e-mail address for existing professionals (ids in the same order); one statement. */
    public void updateImportedProfessionals(List<Long> ids, List<ImportedProfessional> updates) {
        if (!updates.isEmpty()) {
            store.updateImportedProfessionals(updates, ids);
        }
    }

    /**
     * Students who moved to another school of the publisher (X12) belong to it from now on, in a constant number of
     * statements. A student whose username a pupil of the new school has gets a fresh one there (the first free
     * {@code voornaam.achternaam[n]} of that school); those changes by student id.
     */
    public Map<Long, UsernameChange> moveStudents(Map<Long, Long> schoolByStudent) {
        return schoolByStudent.isEmpty() ? Map.of() : store.moveStudents(schoolByStudent);
    }

    /** The professionals with these e-mail addresses (lower case), id by address; one statement. */
    public Map<String, Long> professionalsByEmail(Collection<String> emails) {
        return emails.isEmpty() ? Map.of() : queries.professionalsByEmail(emails);
    }

    /** Each student's gradeYear becomes the given one (undo); one statement. */
    public void setGradeYears(Map<Long, Integer> gradeYears) {
        if (!gradeYears.isEmpty()) {
            store.setGradeYears(gradeYears);
        }
    }
}
