package nl.klaspoort.membership.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes {@code school_member}; one statement per method, whatever the number of users. */
@Repository
public class MembershipStore {

    private final JdbcClient jdbc;
    private final Clock clock;

    MembershipStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void join(long schoolId, Collection<Long> ids) {
        jdbc.sql("""
                        insert into school_member (school_id, user_id) select :school, u from unnest(:ids::bigint[]) as u
                        on conflict do nothing
                        """)
                .param("school", schoolId).param("ids", ids.toArray(Long[]::new)).update();
    }

    /** Archived as of {@code since} (now when null); already archived members keep their date. */
    public void setArchived(long schoolId, Collection<Long> ids, boolean archived, Instant since) {
        jdbc.sql("""
                        update school_member set archived_at = case when :archived then coalesce(archived_at, :now) end
                         where school_id = :school and user_id = any(:ids)
                           and (archived_at is null) = :archived
                        """)
                .param("archived", archived)
                .param("now", Timestamp.from(since == null ? clock.instant() : since))
                .param("school", schoolId)
                .param("ids", ids.toArray(Long[]::new))
                .update();
    }

    public void setArchiveStates(long schoolId, Map<Long, Boolean> archived) {
        jdbc.sql("""
                        update school_member m
                           set archived_at = case when s.archived then coalesce(m.archived_at, :now) end
                          from unnest(:ids::bigint[], :archived::boolean[]) as s(id, archived)
                         where m.school_id = :school and m.user_id = s.id
                        """)
                .param("school", schoolId).param("now", Timestamp.from(clock.instant()))
                .param("ids", archived.keySet().toArray(Long[]::new))
                .param("archived", archived.values().toArray(Boolean[]::new))
                .update();
    }
}
