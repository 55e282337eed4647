package nl.klaspoort.people.internal;

import java.util.List;
import nl.klaspoort.security.LoginAccounts;
import org.springframework.stereotype.Service;

/**
 * Finds who may be signing in: a professional by e-mail address, pupils by username (both case-insensitive; a username
 * is unique per school, so it may name pupils of several schools). A user archived at every school they belong to
 * cannot sign in.
 */
@Service
class LoginService implements LoginAccounts {

    private final PeopleQueries queries;

    LoginService(PeopleQueries queries) {
        this.queries = queries;
    }

    @Override
    public List<Account> byLogin(String login) {
        return login == null || login.isEmpty() ? List.of() : queries.login(login);
    }
}
