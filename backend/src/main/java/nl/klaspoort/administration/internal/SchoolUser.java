package nl.klaspoort.administration.internal;

import java.time.OffsetDateTime;
import java.util.List;
import nl.klaspoort.access.Role;

/**
 * GraphQL {@code SchoolUser}: a user as member of one school. {@code id} is the user's id; the person itself
 * ({@code user}) and the links are batch-loaded per page. Tenant data: always carries its school.
 */
public record SchoolUser(long schoolId, long id, boolean student, List<Role> roles, OffsetDateTime archivedAt,
        boolean linked, boolean followedOnly) {

    /**
     * The member as a SUPERVISOR without ADMIN reads them ({@code followedOnly}): of a student, only the enrollments
     * the reader follows are shown (their products, those enrollments and their supervisors), not the student's other
     * products and who follows them there.
     */
    public SchoolUser readByFollower() {
        return new SchoolUser(schoolId, id, student, roles, archivedAt, linked, true);
    }

    public boolean archived() {
        return archivedAt != null;
    }
}
