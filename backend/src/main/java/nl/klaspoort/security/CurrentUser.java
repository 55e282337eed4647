package nl.klaspoort.security;

import java.util.Optional;
import nl.klaspoort.platform.AccessRefusedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The signed-in user of the current request (also on GraphQL data-fetcher threads, via context propagation). */
public final class CurrentUser {

    private CurrentUser() {}

    public static Optional<KlaspoortUser> find() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof KlaspoortUser user ? Optional.of(user) : Optional.empty();
    }

    /** The signed-in user; {@link NotSignedInException} when there is none (deny by default). */
    public static KlaspoortUser require() {
        return find().orElseThrow(NotSignedInException::new);
    }

    public static long id() {
        return require().id();
    }

    /** Thrown when an operation needs a signed-in user and there is none. */
    public static final class NotSignedInException extends AccessRefusedException {
        public NotSignedInException() {
            super(Reason.UNAUTHORIZED, "not signed in");
        }
    }
}
