package nl.klaspoort.groups.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.klaspoort.groups.Groups.GroupSpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes {@code school_group} and {@code school_group_member}; set-based. */
@Repository
public class GroupStore {

    private final JdbcClient jdbc;
    private final Clock clock;

    GroupStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Map<String, Long> put(long schoolId, List<GroupSpec> groups) {
        Map<String, Long> ids = new LinkedHashMap<>();
        jdbc.sql("""
                        insert into school_group (id, school_id, source_key, name, jaargroep, composite, created_at)
                        select nextval('school_group_seq'), :school, g.key, g.name, g.jaargroep, g.composite, :now
                          from unnest(:keys::text[], :names::text[], :jaargroepen::text[], :composite::boolean[])
                               as g(key, name, jaargroep, composite)
                        on conflict (school_id, source_key) do update
                           set name = excluded.name, jaargroep = excluded.jaargroep, composite = excluded.composite,
                               archived_at = null
                        returning source_key, id
                        """)
                .param("school", schoolId)
                .param("keys", groups.stream().map(GroupSpec::key).toArray(String[]::new))
                .param("names", groups.stream().map(GroupSpec::name).toArray(String[]::new))
                .param("jaargroepen", groups.stream().map(GroupSpec::jaargroep).toArray(String[]::new))
                .param("composite", groups.stream().map(GroupSpec::composite).toArray(Boolean[]::new))
                .param("now", Timestamp.from(clock.instant()))
                .query((rs, n) -> ids.put(rs.getString("source_key"), rs.getLong("id"))).list();
        return ids;
    }

    public void archive(long schoolId, Collection<Long> groupIds) {
        jdbc.sql("update school_group set archived_at = :now where school_id = :school and id = any(:ids) and archived_at is null")
                .param("now", Timestamp.from(clock.instant())).param("school", schoolId)
                .param("ids", groupIds.toArray(Long[]::new)).update();
    }

    public void setMembers(long schoolId, Map<Long, Set<Long>> groupsByUser) {
        Long[] users = groupsByUser.keySet().toArray(Long[]::new);
        List<long[]> pairs = groupsByUser.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(g -> new long[] {g, e.getKey()})).toList();
        jdbc.sql("""
                        delete from school_group_member m
                         where m.school_id = :school and m.user_id = any(:users)
                           and (m.group_id, m.user_id) not in (select * from unnest(:groups::bigint[], :members::bigint[]))
                        """)
                .param("school", schoolId).param("users", users)
                .param("groups", pairs.stream().map(p -> p[0]).toArray(Long[]::new))
                .param("members", pairs.stream().map(p -> p[1]).toArray(Long[]::new))
                .update();
        if (!pairs.isEmpty()) {
            jdbc.sql("""
                            insert into school_group_member (group_id, user_id, school_id)
                            select g, u, :school from unnest(:groups::bigint[], :members::bigint[]) as p(g, u)
                            on conflict do nothing
                            """)
                    .param("school", schoolId)
                    .param("groups", pairs.stream().map(p -> p[0]).toArray(Long[]::new))
                    .param("members", pairs.stream().map(p -> p[1]).toArray(Long[]::new))
                    .update();
        }
    }
}
