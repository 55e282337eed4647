package nl.klaspoort.identity.internal;

import java.util.Map;
import java.util.Optional;
import nl.klaspoort.security.KlaspoortUser;
import nl.klaspoort.security.SingleSignOnUsers;
import org.springframework.stereotype.Component;

/**
 * BP4: a Basispoort sign-in is the Klaspoort user linked to its Basispoort id ({@code basispoort_id}, else the
 * subject) or, failing that, its ECK iD ({@code eckid}), preferring the link at the institution it signed in for
 * ({@code instelling_id}). Only the provider's verified claims count.
 */
@Component
class BasispoortSingleSignOnUsers implements SingleSignOnUsers {

    static final String REGISTRATION = "basispoort";

    private final IdentityQueries queries;

    BasispoortSingleSignOnUsers(IdentityQueries queries) {
        this.queries = queries;
    }

    @Override
    public Optional<KlaspoortUser> find(String registrationId, Map<String, Object> claims) {
        if (!REGISTRATION.equals(registrationId)) {
            return Optional.empty();
        }
        Long basispoortId = number(claims.get("basispoort_id"));
        if (basispoortId == null) {
            basispoortId = number(claims.get("sub"));
        }
        String eckId = claims.get("eckid") instanceof String s && !s.isBlank() ? s : null;
        if (basispoortId == null && eckId == null) {
            return Optional.empty();
        }
        return queries.signingIn(basispoortId, eckId, number(claims.get("instelling_id")));
    }

    private static Long number(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value instanceof String s && s.matches("\\d{1,18}")) {
            return Long.parseLong(s);
        }
        return null;
    }
}
