package nl.klaspoort.access;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import nl.klaspoort.access.internal.AccessQueries;
import nl.klaspoort.access.internal.RoleStore;
import org.springframework.stereotype.Service;

/**
 * Granting and removing ADMIN and SUPERVISOR at a school ({@code role_grant}), for the modules that administer people.
 * The caller has checked that the signed-in user may (see {@link SchoolAccess}); one statement per call.
 */
@Service
public class Roles {

    private final RoleStore store;
    private final AccessQueries queries;

    Roles(RoleStore store, AccessQueries queries) {
        this.store = store;
        this.queries = queries;
    }

    /** Every user gets every role (kept when held already). */
    public void grant(long schoolId, Collection<Long> users, Collection<Role> roles) {
        if (!users.isEmpty() && !roles.isEmpty()) {
            store.grant(schoolId, users, roles);
        }
    }

    public void revoke(long schoolId, Collection<Long> users, Collection<Role> roles) {
        if (!users.isEmpty() && !roles.isEmpty()) {
            store.revoke(schoolId, users, roles);
        }
    }

    /** Each user's roles at the school become exactly the given ones (undo); two statements. */
    public void setExactly(long schoolId, Map<Long, Set<Role>> roles) {
        if (!roles.isEmpty()) {
            store.setExactly(schoolId, roles);
        }
    }

    /** Whether the school has an active SUPERVISOR. */
    public boolean hasActiveSupervisor(long schoolId) {
        return queries.hasActiveSupervisor(schoolId);
    }
}
