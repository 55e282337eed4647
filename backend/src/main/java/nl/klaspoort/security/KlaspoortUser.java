package nl.klaspoort.security;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in person. Roles are per school and looked up per request by {@link SchoolAccess}, so a change of
 * roles takes effect at once; the only authority here is the kind of user.
 */
public final class KlaspoortUser implements UserDetails, CredentialsContainer {

    public enum Kind { PROFESSIONAL, STUDENT }

    private final long id;
    private final Kind kind;
    private final String username;
    private String passwordHash;
    private final boolean enabled;

    public KlaspoortUser(long id, Kind kind, String username, String passwordHash, boolean enabled) {
        this.id = id;
        this.kind = kind;
        this.username = username;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
    }

    public long id() { return id; }

    public Kind kind() { return kind; }

    @Override public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("KIND_" + kind));
    }

    @Override public String getPassword() { return passwordHash; }

    @Override public String getUsername() { return username; }

    @Override public boolean isEnabled() { return enabled; }

    @Override public void eraseCredentials() { passwordHash = null; }
}
