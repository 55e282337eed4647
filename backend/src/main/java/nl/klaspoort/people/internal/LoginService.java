package nl.klaspoort.people.internal;

import java.util.Locale;
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

    private final PeopleQueries queries;

    LoginService(PeopleQueries queries) {
        this.queries = queries;
    }

    @Override
    public UserDetails loadUserByUsername(String login) {
        String key = login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
        return queries.login(key).orElseThrow(() -> new UsernameNotFoundException("unknown login"));
    }
}
