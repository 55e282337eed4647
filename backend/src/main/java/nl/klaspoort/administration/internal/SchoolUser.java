package nl.klaspoort.administration.internal;

import java.time.OffsetDateTime;
import java.util.List;
import nl.klaspoort.access.Role;

/**
 * GraphQL {@code SchoolUser}: a user as member of one school. {@code id} is the user's id; the person itself
 * ({@code user}) and the links are batch-loaded per page. Tenant data: always carries its school.
 */
public record SchoolUser(long schoolId, long id, boolean student, List<Role> roles, OffsetDateTime archivedAt,
        boolean linked) {

    public boolean archived() {
        return archivedAt != null;
    }
}
