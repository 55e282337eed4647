package nl.klaspoort.identity.internal;

import java.util.List;
import java.util.Optional;
import nl.klaspoort.security.KlaspoortUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Read model of Basispoort identities over {@code app_user}, {@code school_member}, {@code school_group} and
 * {@code basispoort_link}: a school's pupils with their link for the matching screen, and who a Basispoort identity
 * signs in as.
 */
@Repository
class IdentityQueries {

    /** A pupil of the school (not archived) with the Basispoort id of their active link, or null. */
    record LocalPupil(long id, String firstName, String prefix, String lastName, String grade, String group,
            Long basispoortId) {}

    private final JdbcClient jdbc;

    IdentityQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The school's pupils who are not archived there, with their link; one statement. */
    List<LocalPupil> pupils(long schoolId) {
        return jdbc.sql("""
                        select u.id, u.first_name, u.name_prefix, u.last_name,
                               coalesce(u.grade_year::text, u.grade_code) as grade, u.group_name, l.basispoort_id
                          from app_user u
                          join school_member m on m.school_id = :school and m.user_id = u.id and m.archived_at is null
                          left join basispoort_link l on l.school_id = :school and l.user_id = u.id and l.left_at is null
                         where u.kind = 'STUDENT' and u.school_id = :school
                         order by u.last_name, u.first_name, u.id
                        """)
                .param("school", schoolId)
                .query((rs, n) -> new LocalPupil(rs.getLong("id"), rs.getString("first_name"), rs.getString("name_prefix"),
                        rs.getString("last_name"), rs.getString("grade"), rs.getString("group_name"),
                        (Long) rs.getObject("basispoort_id")))
                .list();
    }

    /**
     * Who signs in with this Basispoort identity: the user of an active link with this Basispoort id (or, when the
     * provider sends none that is linked, this ECK iD), at the school of this Basispoort institution when it is
     * known, otherwise anywhere; an active user (not archived at every school) first. One statement.
     */
    Optional<KlaspoortUser> signingIn(Long basispoortId, String eckId, Long institutionId) {
        return jdbc.sql("""
                        select u.id, u.kind, coalesce(u.email, u.username) as login,
                               exists (select 1 from school_member m where m.user_id = u.id and m.archived_at is null) as active
                          from basispoort_link l
                          join app_user u on u.id = l.user_id
                          left join basispoort_school s on s.school_id = l.school_id
                         where l.left_at is null
                           and ((cast(:bp as bigint) is not null and l.basispoort_id = :bp)
                             or (cast(:eck as varchar) is not null and l.eck_id = :eck))
                         order by (cast(:institution as bigint) is not null and s.basispoort_id = :institution) desc,
                                  (cast(:bp as bigint) is not null and l.basispoort_id = :bp) desc,
                                  active desc, l.linked_at desc
                         limit 1
                        """)
                .param("bp", basispoortId).param("eck", eckId).param("institution", institutionId)
                .query((rs, n) -> new KlaspoortUser(rs.getLong("id"), KlaspoortUser.Kind.valueOf(rs.getString("kind")),
                        rs.getString("login"), null, rs.getBoolean("active")))
                .optional();
    }
}
