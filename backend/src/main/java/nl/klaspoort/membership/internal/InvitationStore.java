package nl.klaspoort.membership.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.klaspoort.membership.Invitations.Invitation;
import nl.klaspoort.membership.Invitations.NewInvitation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes and reads {@code school_invitation} (owned by membership); one statement per method. */
@Repository
public class InvitationStore {

    private static final String COLUMNS = """
            id, school_id, user_id, first_name, name_prefix, last_name, email, function_title, roles, product_ids, archived, expires_at""";

    private final JdbcClient jdbc;

    InvitationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Long> insert(long schoolId, List<NewInvitation> invitations, List<String> tokenHashes, Long createdBy,
            Instant now, Instant expires) {
        // roles and products as text (one array of arrays would need equal lengths): '{ADMIN,SUPERVISOR}', '{12,15}'
        return jdbc.sql("""
                        insert into school_invitation (id, school_id, user_id, first_name, name_prefix, last_name, email,
                                                       function_title, roles, product_ids, archived, token_hash,
                                                       created_by, created_at, expires_at)
                        select nextval('app_user_seq'), :school, i.user_id, i.first, i.prefix, i.last, i.email, i.function,
                               i.roles::text[], i.products::bigint[], i.archived, i.hash, cast(:by as bigint), :now, :expires
                          from unnest(:users::bigint[], :first::text[], :prefix::text[], :last::text[], :email::text[],
                                      :function::text[], :roles::text[], :products::text[], :archived::boolean[],
                                      :hash::text[])
                               with ordinality as i(user_id, first, prefix, last, email, function, roles, products,
                                                    archived, hash, n)
                         order by i.n
                        returning id
                        """)
                .param("school", schoolId)
                .param("users", invitations.stream().map(NewInvitation::userId).toArray(Long[]::new))
                .param("first", invitations.stream().map(NewInvitation::firstName).toArray(String[]::new))
                .param("prefix", invitations.stream().map(NewInvitation::namePrefix).toArray(String[]::new))
                .param("last", invitations.stream().map(NewInvitation::lastName).toArray(String[]::new))
                .param("email", invitations.stream().map(NewInvitation::email).toArray(String[]::new))
                .param("function", invitations.stream().map(NewInvitation::function).toArray(String[]::new))
                .param("roles", invitations.stream().map(i -> "{" + String.join(",", i.roles().stream().sorted().toList()) + "}")
                        .toArray(String[]::new))
                .param("products", invitations.stream().map(i -> "{" + String.join(",",
                        i.productIds().stream().sorted().map(String::valueOf).toList()) + "}").toArray(String[]::new))
                .param("archived", invitations.stream().map(NewInvitation::archived).toArray(Boolean[]::new))
                .param("hash", tokenHashes.toArray(String[]::new))
                .param("by", createdBy)
                .param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(expires))
                .query(Long.class).list();
    }

    public Set<Long> invited(long schoolId, Collection<Long> userIds) {
        return new HashSet<>(jdbc.sql("select user_id from school_invitation where school_id = :school and user_id = any(:users)")
                .param("school", schoolId).param("users", userIds.toArray(Long[]::new)).query(Long.class).list());
    }

    /** By id; of one school when {@code schoolId} is not null. */
    public Map<Long, Invitation> byIds(Long schoolId, Collection<Long> ids) {
        Map<Long, Invitation> found = new LinkedHashMap<>();
        jdbc.sql("select " + COLUMNS + """
                          from school_invitation
                         where id = any(:ids) and (cast(:school as bigint) is null or school_id = :school)
                         order by id
                        """)
                .param("ids", ids.toArray(Long[]::new)).param("school", schoolId)
                .query((rs, n) -> found.put(rs.getLong("id"), invitation(rs)))
                .list();
        return found;
    }

    public Optional<Invitation> findByToken(String tokenHash, boolean lock) {
        return jdbc.sql("select " + COLUMNS + " from school_invitation where token_hash = :hash" + (lock ? " for update" : ""))
                .param("hash", tokenHash).query((rs, n) -> invitation(rs)).optional();
    }

    public void renew(long id, String tokenHash, Instant expires) {
        jdbc.sql("update school_invitation set token_hash = :hash, expires_at = :expires where id = :id")
                .param("id", id).param("hash", tokenHash).param("expires", Timestamp.from(expires)).update();
    }

    public void remove(long id) {
        jdbc.sql("delete from school_invitation where id = :id").param("id", id).update();
    }

    private static Invitation invitation(ResultSet rs) throws SQLException {
        return new Invitation(rs.getLong("id"), rs.getLong("school_id"), rs.getLong("user_id"), rs.getString("first_name"),
                rs.getString("name_prefix"), rs.getString("last_name"), rs.getString("email"),
                rs.getString("function_title"), List.of((String[]) array(rs.getArray("roles"))),
                Arrays.stream((Long[]) array(rs.getArray("product_ids"))).toList(), rs.getBoolean("archived"),
                rs.getTimestamp("expires_at").toInstant());
    }

    private static Object[] array(Array array) throws SQLException {
        return (Object[]) array.getArray();
    }
}
