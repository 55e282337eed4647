package nl.klaspoort.roster.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.klaspoort.basispoort.BasispoortLinks.Kind;
import nl.klaspoort.basispoort.BasispoortLinks.Link;
import nl.klaspoort.people.Student;
import nl.klaspoort.roster.internal.SchoolRoster.Member;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A school's members as the pipeline compares them: the person, the archive state, the link to the roster's identity
 * and the active groups, in one statement (read model over {@code school_member}, {@code app_user},
 * {@code basispoort_link} and {@code school_group_member}).
 */
@Repository
class RosterStateQueries {

    private static final TypeReference<Map<String, String>> SYNCED = new TypeReference<>() { };

    private static final String MEMBERS = """
            select u.id, u.kind, u.first_name, u.name_prefix, u.last_name, u.email, u.grade_year, u.grade_code, u.group_name,
                   m.archived_at is not null as archived,
                   l.user_id is not null as linked, l.basispoort_id, l.eck_id, l.las_key, l.synced::text as synced,
                   l.linked_at, l.left_at,
                   array(select gm.group_id from school_group_member gm join school_group g on g.id = gm.group_id
                          where gm.school_id = m.school_id and gm.user_id = u.id and g.archived_at is null) as group_ids
              from school_member m
              join app_user u on u.id = m.user_id
              left join basispoort_link l on l.school_id = m.school_id and l.user_id = u.id
             where m.school_id = :school %s
             order by u.id
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    RosterStateQueries(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Every member of the school (archived ones too). */
    List<Member> members(long schoolId) {
        return jdbc.sql(MEMBERS.formatted("")).param("school", schoolId)
                .query((rs, n) -> member(schoolId, rs)).list();
    }

    /** The members among the ids. */
    List<Member> members(long schoolId, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(MEMBERS.formatted("and m.user_id = any(:ids)")).param("school", schoolId)
                .param("ids", ids.toArray(Long[]::new))
                .query((rs, n) -> member(schoolId, rs)).list();
    }

    /** The schools' names by id (a pupil who moved says where from). */
    /**
     * Of these pupils (at other schools), those whose username a pupil of this school has, with that username; one
     * statement, none without pupils.
     */
    Map<Long, String> usernamesTaken(long schoolId, Collection<Long> pupilIds) {
        if (pupilIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("""
                        select m.id, m.username from app_user m
                         where m.id = any(:ids) and m.school_id <> :school
                           and exists (select 1 from app_user o where o.school_id = :school and lower(o.username) = lower(m.username))
                        """)
                .param("ids", pupilIds.toArray(Long[]::new)).param("school", schoolId)
                .query((rs, n) -> Map.entry(rs.getLong("id"), rs.getString("username"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    Map<Long, String> schoolNames(Collection<Long> schoolIds) {
        if (schoolIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select id, name from school where id = any(:ids)").param("ids", schoolIds.toArray(Long[]::new))
                .query((rs, n) -> Map.entry(rs.getLong("id"), rs.getString("name"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private Member member(long schoolId, ResultSet rs) throws SQLException {
        boolean student = "STUDENT".equals(rs.getString("kind"));
        Link link = null;
        if (rs.getBoolean("linked")) {
            Timestamp left = rs.getTimestamp("left_at");
            link = new Link(schoolId, rs.getLong("id"), student ? Kind.STUDENT : Kind.PROFESSIONAL,
                    rs.getObject("basispoort_id", Long.class), rs.getString("eck_id"), rs.getString("las_key"),
                    json.readValue(rs.getString("synced"), SYNCED), rs.getTimestamp("linked_at").toInstant(),
                    left == null ? null : left.toInstant());
        }
        return new Member(rs.getLong("id"), student, rs.getString("first_name"), rs.getString("name_prefix"),
                rs.getString("last_name"), Names.email(rs.getString("email")),
                student ? Student.jaargroep(rs.getObject("grade_year", Integer.class), rs.getString("grade_code")) : null,
                rs.getString("group_name"), rs.getBoolean("archived"), link, ids(rs.getArray("group_ids")));
    }

    private static Set<Long> ids(Array array) throws SQLException {
        return array == null ? Set.of() : Set.copyOf(Arrays.asList((Long[]) array.getArray()));
    }

    static List<Member> ofKind(List<Member> members, boolean student) {
        List<Member> result = new ArrayList<>();
        members.stream().filter(m -> m.student() == student).forEach(result::add);
        return result;
    }
}
