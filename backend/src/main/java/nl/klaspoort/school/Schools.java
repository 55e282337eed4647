package nl.klaspoort.school;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import nl.klaspoort.school.internal.SchoolQueries;
import nl.klaspoort.school.internal.SchoolStore;
import org.springframework.stereotype.Service;

/** The schools: read by id or BRIN, created (by the demo data and, later, Basispoort activation). No access checks here. */
@Service
public class Schools {

    private final SchoolQueries queries;
    private final SchoolStore store;

    Schools(SchoolQueries queries, SchoolStore store) {
        this.queries = queries;
        this.store = store;
    }

    /** The schools with these ids, by name; one statement. */
    public List<School> byIds(Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : queries.byIds(ids);
    }

    public Optional<School> byId(long id) {
        return queries.byIds(List.of(id)).stream().findFirst();
    }

    /** The main location ({@code 00}) of the BRIN. */
    public Optional<School> byBrin(String brin) {
        return queries.byBrin(brin);
    }

    /**
     * BP7: sets whether the school's students may sign in only from its active IP ranges; false when it already was
     * so. The caller has checked the ADMIN role.
     */
    public boolean setStudentLoginSchoolIpOnly(long id, boolean on) {
        return store.setStudentLoginSchoolIpOnly(id, on);
    }

    /** A new school location; returns its id. */
    public long create(String brin, String branchCode, String name) {
        return store.create(brin, branchCode, name);
    }
}
