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
import nl.klaspoort.security.LoginAccounts;
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

    /** The professional who signs in with this e-mail address (any case). */
    public Optional<Person> professionalByEmail(String email) {
        return jdbc.sql("select * from app_user where kind = 'PROFESSIONAL' and lower(email) = lower(:email)")
                .param("email", email).query((rs, n) -> Person.fromRow(rs)).optional();
    }

    /** The stored password hash of a person (empty when they have none yet), to check a password typed again. */
    public Optional<String> passwordHash(long id) {
        return jdbc.sql("select password_hash from app_user where id = :id and password_hash is not null")
                .param("id", id).query(String.class).optional();
    }

    public java.util.Map<Long, Boolean> hasPassword(java.util.Collection<Long> ids) {
        java.util.Map<Long, Boolean> byId = new java.util.HashMap<>();
        jdbc.sql("select id, password_hash is not null from app_user where id in (:ids)").param("ids", ids)
                .query((rs, n) -> byId.put(rs.getLong(1), rs.getBoolean(2))).list();
        return byId;
    }

    public boolean emailTaken(String email, long exceptId) {
        return jdbc.sql("select exists (select 1 from app_user where lower(email) = :email and id <> :id)")
                .param("email", email).param("id", exceptId).query(Boolean.class).single();
    }

    public boolean usernameTaken(long schoolId, String username, long exceptId) {
        return jdbc.sql("""
                        select exists (select 1 from app_user
                                        where school_id = :school and lower(username) = :username and id <> :id)
                        """)
                .param("school", schoolId).param("username", username).param("id", exceptId).query(Boolean.class).single();
    }

    public Set<String> usernamesStartingWith(long schoolId, Collection<String> bases) {
        return new HashSet<>(jdbc.sql("""
                        select lower(u.username) from app_user u
                         where u.school_id = :school and lower(u.username) like any(:patterns)
                        """)
                .param("school", schoolId)
                .param("patterns", bases.stream().map(PeopleQueries::startsWith).distinct().toArray(String[]::new))
                .query(String.class).list());
    }

    /** A LIKE pattern for text starting with {@code prefix} (its wildcards and escape taken literally). */
    private static String startsWith(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    public Map<String, Long> professionalsByEmail(Collection<String> emails) {
        Map<String, Long> ids = new LinkedHashMap<>();
        jdbc.sql("select lower(email) as email, id from app_user where kind = 'PROFESSIONAL' and lower(email) = any(:emails)")
                .param("emails", emails.toArray(String[]::new))
                .query((rs, n) -> ids.put(rs.getString("email"), rs.getLong("id"))).list();
        return ids;
    }

    /** Of these e-mail addresses (lower case), those someone signs in with. */
    public Set<String> emailsInUse(Collection<String> emails) {
        return new HashSet<>(jdbc.sql("select lower(email) from app_user where lower(email) = any(:emails)")
                .param("emails", emails.toArray(String[]::new)).query(String.class).list());
    }

    /** Of these usernames (lower case), those a pupil of the school signs in with. */
    public Set<String> usernamesInUse(long schoolId, Collection<String> usernames) {
        return new HashSet<>(jdbc.sql("""
                        select lower(username) from app_user where school_id = :school and lower(username) = any(:usernames)
                        """)
                .param("school", schoolId).param("usernames", usernames.toArray(String[]::new)).query(String.class).list());
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
     * Who signs in with {@code login} (lower case): a professional by e-mail address, pupils by username (one per school
     * at most, ordered by school name); someone archived at every school they belong to may not sign in.
     */
    public List<LoginAccounts.Account> login(String login) {
        String column = login.contains("@") ? "email" : "username";
        return jdbc.sql("""
                        select u.id, u.kind, u.password_hash, u.school_id, s.name as school_name,
                               exists (select 1 from school_member m where m.user_id = u.id and m.archived_at is null) as active
                          from app_user u
                          left join school s on s.id = u.school_id
                         where lower(u.%s) = :login and u.password_hash is not null
                         order by s.name, u.school_id
                        """.formatted(column))
                .param("login", login)
                .query((rs, n) -> new LoginAccounts.Account(new KlaspoortUser(rs.getLong("id"),
                        KlaspoortUser.Kind.valueOf(rs.getString("kind")), login, rs.getString("password_hash"),
                        rs.getBoolean("active")), rs.getObject("school_id", Long.class), rs.getString("school_name")))
                .list();
    }
}
