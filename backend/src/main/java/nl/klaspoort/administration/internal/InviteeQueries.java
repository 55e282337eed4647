package nl.klaspoort.administration.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Who stands behind e-mail addresses a school adds (issue 10, item 9): a read model over {@code app_user},
 * {@code school_member} and {@code school_invitation}; writes nothing.
 */
@Repository
public class InviteeQueries {

    /** The person with the address: their id, and whether the school may invite them (see {@link #find}). */
    public record Owner(long id, boolean invitable) {}

    private final JdbcClient jdbc;

    InviteeQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The owners of the addresses (lower case) that someone signs in with, by address; one statement. Invitable: a
     * professional who is neither a member of the school (active or archived) nor invited there already.
     */
    public Map<String, Owner> find(long schoolId, Collection<String> emails) {
        Map<String, Owner> owners = new HashMap<>();
        jdbc.sql("""
                        select lower(u.email) as email, u.id,
                               u.kind = 'PROFESSIONAL'
                               and not exists (select 1 from school_member m where m.school_id = :school and m.user_id = u.id)
                               and not exists (select 1 from school_invitation i where i.school_id = :school and i.user_id = u.id)
                                 as invitable
                          from app_user u
                         where lower(u.email) = any(:emails)
                        """)
                .param("school", schoolId).param("emails", emails.stream().map(String::toLowerCase).toArray(String[]::new))
                .query((rs, n) -> owners.put(rs.getString("email"), new Owner(rs.getLong("id"), rs.getBoolean("invitable"))))
                .list();
        return owners;
    }
}
