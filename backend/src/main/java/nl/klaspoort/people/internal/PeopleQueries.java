package nl.klaspoort.people.internal;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.klaspoort.people.Person;
import nl.klaspoort.security.KlaspoortUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads {@code app_user}. */
@Repository
public class PeopleQueries {

    private final JdbcClient jdbc;

    PeopleQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<Long, Person> byIds(Collection<Long> ids) {
        Map<Long, Person> people = new LinkedHashMap<>();
        jdbc.sql("select * from app_user where id in (:ids)").param("ids", List.copyOf(ids))
                .query((rs, n) -> Person.fromRow(rs)).list()
                .forEach(p -> people.put(p.id(), p));
        return people;
    }

    public boolean emailTaken(String email, long exceptId) {
        return jdbc.sql("select exists (select 1 from app_user where lower(email) = :email and id <> :id)")
                .param("email", email).param("id", exceptId).query(Boolean.class).single();
    }

    public boolean usernameTaken(String username, long exceptId) {
        return jdbc.sql("select exists (select 1 from app_user where lower(username) = :username and id <> :id)")
                .param("username", username).param("id", exceptId).query(Boolean.class).single();
    }

    public Set<String> usernamesStartingWith(String base) {
        return new HashSet<>(jdbc.sql("select lower(username) from app_user where lower(username) like :base || '%'")
                .param("base", base).query(String.class).list());
    }

    public Map<String, Long> professionalsByEmail(Collection<String> emails) {
        Map<String, Long> ids = new LinkedHashMap<>();
        jdbc.sql("select lower(email) as email, id from app_user where kind = 'PROFESSIONAL' and lower(email) = any(:emails)")
                .param("emails", emails.toArray(String[]::new))
                .query((rs, n) -> ids.put(rs.getString("email"), rs.getLong("id"))).list();
        return ids;
    }

    /** The stored password hash of a person, null when they have none (yet). */
    public String passwordHash(long id) {
        return jdbc.sql("select password_hash from app_user where id = :id").param("id", id)
                .query(String.class).optional().orElse(null);
    }

    public String profileJson(long id) {
        return jdbc.sql("""
                        select jsonb_build_object('firstName', first_name, 'namePrefix', name_prefix, 'lastName', last_name,
                                                  'email', email, 'function', function_title, 'username', username,
                                                  'gradeYear', grade_year, 'group', group_name)::text
                          from app_user where id = :id
                        """)
                .param("id", id).query(String.class).single();
    }

    /**
     * Who signs in with {@code login} (lower case): a professional by e-mail address, a student by username; someone
     * archived at every school they belong to may not sign in.
     */
    public Optional<KlaspoortUser> login(String login) {
        String column = login.contains("@") ? "email" : "username";
        return jdbc.sql("""
                        select u.id, u.kind, u.password_hash,
                               exists (select 1 from school_member m where m.user_id = u.id and m.archived_at is null) as active
                          from app_user u
                         where lower(u.%s) = :login and u.password_hash is not null
                        """.formatted(column))
                .param("login", login)
                .query((rs, n) -> new KlaspoortUser(rs.getLong("id"), KlaspoortUser.Kind.valueOf(rs.getString("kind")),
                        login, rs.getString("password_hash"), rs.getBoolean("active")))
                .optional();
    }
}
