package nl.klaspoort.people.internal;

import java.util.Locale;
import nl.klaspoort.security.KlaspoortUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Finds who is signing in: professionals by e-mail address, students by username (both case-insensitive). A user
 * archived at every school they belong to cannot sign in.
 */
@Service
class LoginService implements UserDetailsService {

    private final JdbcClient jdbc;

    LoginService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public UserDetails loadUserByUsername(String login) {
        String key = login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
        String column = key.contains("@") ? "email" : "username";
        return jdbc.sql("""
                        select u.id, u.kind, u.password_hash,
                               exists (select 1 from school_member m where m.user_id = u.id and m.archived_at is null) as active
                          from app_user u
                         where lower(u.%s) = :key and u.password_hash is not null
                        """.formatted(column))
                .param("key", key)
                .query((rs, n) -> new KlaspoortUser(rs.getLong("id"), KlaspoortUser.Kind.valueOf(rs.getString("kind")),
                        key, rs.getString("password_hash"), rs.getBoolean("active")))
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("unknown login"));
    }
}
