package nl.klaspoort.security.internal;

import java.util.List;
import java.util.Locale;
import nl.klaspoort.security.KlaspoortUser;
import nl.klaspoort.security.LoginAccounts;
import nl.klaspoort.security.LoginAccounts.Account;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The password check of {@code POST /login}. A professional's e-mail address names one account; a pupil's username may
 * name accounts at several schools (usernames are unique per school), so the password is checked against each and
 * picks the account. Exactly one active account with that password signs in; none is a wrong password (an unknown name
 * costs one password hash too, so it answers as slowly as a known one); more than one asks the pupil to choose the
 * school ({@link SchoolNeededException}, naming only those schools), and the form's {@code school} then narrows the
 * accounts to that school's.
 */
final class PasswordLogin implements AuthenticationProvider {

    private final LoginAccounts accounts;
    private final PasswordEncoder passwords;
    private volatile String unknownAccountHash;

    PasswordLogin(LoginAccounts accounts, PasswordEncoder passwords) {
        this.accounts = accounts;
        this.passwords = passwords;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String login = authentication.getName() == null ? "" : authentication.getName().strip().toLowerCase(Locale.ROOT);
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        Long school = authentication.getDetails() instanceof LoginDetails details ? details.school() : null;
        List<Account> candidates = accounts.byLogin(login).stream()
                .filter(a -> school == null || a.schoolId() == null || school.equals(a.schoolId())).toList();
        if (candidates.isEmpty()) {
            passwords.matches(password, unknownAccountHash());
            throw new BadCredentialsException("bad credentials");
        }
        List<Account> matching = candidates.stream().filter(a -> passwords.matches(password, a.user().getPassword())).toList();
        List<Account> active = matching.stream().filter(a -> a.user().isEnabled()).toList();
        if (active.isEmpty()) {
            throw matching.isEmpty() ? new BadCredentialsException("bad credentials") : new DisabledException("archived");
        }
        if (active.size() > 1) {
            throw new SchoolNeededException(active.stream()
                    .map(a -> new SchoolNeededException.School(a.schoolId(), a.schoolName())).toList());
        }
        KlaspoortUser user = active.getFirst().user();
        UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(user, null,
                user.getAuthorities());
        result.setDetails(authentication.getDetails());
        return result;
    }

    /** A hash of nothing anyone types, made once: what an unknown name's password is checked against. */
    private String unknownAccountHash() {
        String hash = unknownAccountHash;
        if (hash == null) {
            hash = passwords.encode("no account has this password");
            unknownAccountHash = hash;
        }
        return hash;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
