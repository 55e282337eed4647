package nl.klaspoort.groups.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.klaspoort.groups.Groups.Group;
import nl.klaspoort.people.Person;
import nl.klaspoort.platform.Keyed;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads {@code school_group} and {@code school_group_member}, and the members as people (read model). */
@Repository
public class GroupQueries {

    private static final String COLUMNS = "g.id, g.school_id, g.source_key, g.name, g.jaargroep, g.composite, g.archived_at";

    private final JdbcClient jdbc;

    GroupQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<String, Group> byKey(long schoolId) {
        Map<String, Group> groups = new LinkedHashMap<>();
        jdbc.sql("select " + COLUMNS + " from school_group g where g.school_id = :school order by g.id")
                .param("school", schoolId).query((rs, n) -> group(rs)).list()
                .forEach(g -> groups.put(g.key(), g));
        return groups;
    }

    public Map<Long, Set<Long>> memberships(long schoolId) {
        Map<Long, Set<Long>> groups = new LinkedHashMap<>();
        jdbc.sql("""
                        select m.user_id, m.group_id from school_group_member m join school_group g on g.id = m.group_id
                         where m.school_id = :school and g.archived_at is null
                        """)
                .param("school", schoolId)
                .query((rs, n) -> groups.computeIfAbsent(rs.getLong("user_id"), k -> new TreeSet<>()).add(rs.getLong("group_id")))
                .list();
        return groups;
    }

    /**
     * The active groups of the schools, per school: klassen by jaargroep, then composite groups, by name. At
     * {@code allAt} every group; at {@code memberAt} only the groups {@code memberId} is in. One statement.
     */
    public List<Group> active(Collection<Long> allAt, Collection<Long> memberAt, long memberId) {
        return jdbc.sql("select " + COLUMNS + """
                         from school_group g
                        where g.archived_at is null
                          and (g.school_id = any(:all)
                               or g.school_id = any(:memberAt)
                                  and exists (select 1 from school_group_member m where m.group_id = g.id and m.user_id = :member))
                        order by g.school_id, g.composite, length(g.jaargroep), g.jaargroep, g.name, g.id
                        """)
                .param("all", allAt.toArray(Long[]::new)).param("memberAt", memberAt.toArray(Long[]::new))
                .param("member", memberId).query((rs, n) -> group(rs)).list();
    }

    /** The active members of the groups of one kind ({@code STUDENT} or {@code PROFESSIONAL}), by name; one statement. */
    public List<Keyed<Person>> members(Collection<Long> groupIds, String kind) {
        return jdbc.sql("""
                        select m.school_id as k_school, m.group_id as k_owner, u.*
                          from school_group_member m
                          join app_user u on u.id = m.user_id and u.kind = :kind
                          join school_member sm on sm.school_id = m.school_id and sm.user_id = m.user_id and sm.archived_at is null
                         where m.group_id = any(:groups)
                         order by u.search_last, u.search_first, u.id
                        """)
                .param("groups", groupIds.toArray(Long[]::new)).param("kind", kind)
                .query((rs, n) -> new Keyed<>(rs.getLong("k_school"), rs.getLong("k_owner"), Person.fromRow(rs))).list();
    }

    private static Group group(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Group(rs.getLong("id"), rs.getLong("school_id"), rs.getString("source_key"), rs.getString("name"),
                rs.getString("jaargroep"), rs.getBoolean("composite"), rs.getTimestamp("archived_at") != null);
    }
}
