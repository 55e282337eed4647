package nl.klaspoort.access;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import nl.klaspoort.platform.AccessRefusedException;
import nl.klaspoort.security.CurrentUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Whether the signed-in user is the publisher's own staff, who activate schools for Basispoort (BP1). The one place
 * this is decided: until the security work's {@code PUBLISHER} role (granted by the publisher, by person) lands, it is
 * the list of {@code klaspoort.publisher.admins} that product client registration uses too; then only
 * {@link #isPublisher()} changes.
 */
@Service
public class PublisherAccess {

    private final Set<String> staff;

    PublisherAccess(@Value("${klaspoort.publisher.admins:}") List<String> staff) {
        this.staff = staff.stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** True when someone is signed in and is the publisher's staff. */
    public boolean isPublisher() {
        return CurrentUser.find().map(user -> user.kind() == nl.klaspoort.security.KlaspoortUser.Kind.PROFESSIONAL
                && staff.contains(user.getUsername().toLowerCase(Locale.ROOT))).orElse(false);
    }

    /** Refuses ({@code FORBIDDEN}) unless the signed-in user is the publisher's staff. */
    public void require() {
        CurrentUser.require();
        if (!isPublisher()) {
            throw new AccessRefusedException(AccessRefusedException.Reason.FORBIDDEN, "publisher staff only");
        }
    }
}
