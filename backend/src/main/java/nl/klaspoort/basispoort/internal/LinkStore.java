package nl.klaspoort.basispoort.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import nl.klaspoort.basispoort.BasispoortLinks.Link;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Writes {@code basispoort_link}; set-based. */
@Repository
public class LinkStore {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final JsonMapper json;

    LinkStore(JdbcClient jdbc, Clock clock, JsonMapper json) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.json = json;
    }

    public void put(long schoolId, List<Link> links) {
        Long[] users = links.stream().map(Link::userId).toArray(Long[]::new);
        Long[] basispoortIds = links.stream().map(Link::basispoortId).toArray(Long[]::new);
        String[] eckIds = links.stream().map(Link::eckId).toArray(String[]::new);
        String[] lasKeys = links.stream().map(Link::lasKey).toArray(String[]::new);
        String[] kinds = links.stream().map(l -> l.kind().name()).toArray(String[]::new);
        // identifiers the roster now gives to these users are taken from anyone else at the school first
        jdbc.sql("""
                        update basispoort_link l
                           set basispoort_id = case when l.basispoort_id = any(:basispoortIds) then null else l.basispoort_id end,
                               eck_id = case when l.eck_id = any(:eckIds) then null else l.eck_id end,
                               las_key = case when (l.kind, l.las_key) in (select * from unnest(:kinds::text[], :lasKeys::text[]))
                                              then null else l.las_key end
                         where l.school_id = :school and l.user_id <> all(:users)
                           and (l.basispoort_id = any(:basispoortIds) or l.eck_id = any(:eckIds)
                                or (l.kind, l.las_key) in (select * from unnest(:kinds::text[], :lasKeys::text[])))
                        """)
                .param("school", schoolId).param("users", users).param("basispoortIds", basispoortIds)
                .param("eckIds", eckIds).param("kinds", kinds).param("lasKeys", lasKeys)
                .update();
        jdbc.sql("""
                        insert into basispoort_link (school_id, user_id, kind, basispoort_id, eck_id, las_key, synced, linked_at)
                        select :school, l.user_id, l.kind, l.basispoort_id, l.eck_id, l.las_key, l.synced::jsonb, :now
                          from unnest(:users::bigint[], :kinds::text[], :basispoortIds::bigint[], :eckIds::text[],
                                      :lasKeys::text[], :synced::text[]) as l(user_id, kind, basispoort_id, eck_id, las_key, synced)
                        on conflict (school_id, user_id) do update
                           set basispoort_id = excluded.basispoort_id, eck_id = excluded.eck_id, las_key = excluded.las_key,
                               synced = excluded.synced, left_at = null
                        """)
                .param("school", schoolId).param("users", users).param("kinds", kinds)
                .param("basispoortIds", basispoortIds).param("eckIds", eckIds).param("lasKeys", lasKeys)
                .param("synced", links.stream().map(l -> json.writeValueAsString(l.synced())).toArray(String[]::new))
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    public void putSynced(long schoolId, Map<Long, Map<String, String>> syncedByUser) {
        jdbc.sql("""
                        update basispoort_link l set synced = s.synced::jsonb
                          from unnest(:users::bigint[], :synced::text[]) as s(user_id, synced)
                         where l.school_id = :school and l.user_id = s.user_id
                        """)
                .param("school", schoolId)
                .param("users", syncedByUser.keySet().toArray(Long[]::new))
                .param("synced", syncedByUser.values().stream().map(json::writeValueAsString).toArray(String[]::new))
                .update();
    }

    public void markLeft(long schoolId, Collection<Long> userIds) {
        jdbc.sql("update basispoort_link set left_at = :now where school_id = :school and user_id = any(:users) and left_at is null")
                .param("now", Timestamp.from(clock.instant())).param("school", schoolId)
                .param("users", userIds.toArray(Long[]::new)).update();
    }

    /** The links of these users at the school are gone (unlinked on the matching screen, BP2). */
    public void remove(long schoolId, Collection<Long> userIds) {
        jdbc.sql("delete from basispoort_link where school_id = :school and user_id = any(:users)")
                .param("school", schoolId).param("users", userIds.toArray(Long[]::new)).update();
    }
}
