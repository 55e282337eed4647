package nl.klaspoort.membership;


import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Membership of people in schools ({@code school_member}): who is a member, archived or not. Only members of the school
 * are found, so another school's users look exactly like unknown ids.
 */
@Service
public class Memberships {

    /** A member of the school as an administrative mutation sees it; rows are locked until the transaction ends. */
    public record Member(long id, boolean student, boolean archived, Integer gradeYear, Set<String> roles) {
        public boolean professional() {
            return !student;
        }
    }

    private final JdbcClient jdbc;

    Memberships(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The members of the school among the ids, by id, locked for update; one statement. */
    public Map<Long, Member> load(long schoolId, Collection<Long> ids) {
        Map<Long, Member> members = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return members;
        }
        jdbc.sql("""
                        select u.id, u.kind, m.archived_at is not null as archived, u.grade_year,
                               array(select r.role from role_grant r where r.school_id = m.school_id and r.user_id = u.id) as roles
                          from school_member m join app_user u on u.id = m.user_id
                         where m.school_id = :school and m.user_id = any(:ids)
                         order by u.id
                           for update of m
                        """)
                .param("school", schoolId)
                .param("ids", ids.toArray(Long[]::new))
                .query((rs, n) -> members.put(rs.getLong("id"), new Member(rs.getLong("id"),
                        rs.getString("kind").equals("STUDENT"), rs.getBoolean("archived"),
                        (Integer) rs.getObject("grade_year", Integer.class),
                        Arrays.stream((String[]) rs.getArray("roles").getArray()).collect(Collectors.toSet()))))
                .list();
        return members;
    }

    /** Archives (or dearchives) the members at the school; one statement. Their links stay in place. */
    public void setArchived(long schoolId, Collection<Long> ids, boolean archived) {
        jdbc.sql("""
                        update school_member set archived_at = case when :archived then coalesce(archived_at, now()) end
                         where school_id = :school and user_id = any(:ids)
                           and (archived_at is null) = :archived
                        """)
                .param("archived", archived)
                .param("school", schoolId)
                .param("ids", ids.toArray(Long[]::new))
                .update();
    }
}
