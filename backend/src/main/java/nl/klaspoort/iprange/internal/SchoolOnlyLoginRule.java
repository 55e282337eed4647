package nl.klaspoort.iprange.internal;

import java.util.Optional;
import nl.klaspoort.iprange.IpAddresses;
import nl.klaspoort.iprange.SchoolOnlyLogin;
import nl.klaspoort.security.KlaspoortUser;
import nl.klaspoort.security.LoginRule;
import org.springframework.stereotype.Component;

/**
 * BP7 at sign-in (password and single sign-on): a student of a school with "leerlingen mogen alleen op school
 * inloggen" on gets in only from one of the school's active IP ranges; the refusal's code is the
 * {@link SchoolOnlyLogin.Outcome}. Professionals are never asked about (no statement for them).
 */
@Component
class SchoolOnlyLoginRule implements LoginRule {

    private final IpRangeQueries queries;

    SchoolOnlyLoginRule(IpRangeQueries queries) {
        this.queries = queries;
    }

    @Override
    public Optional<Refusal> check(KlaspoortUser user, String clientAddress) {
        if (user.kind() != KlaspoortUser.Kind.STUDENT) {
            return Optional.empty();
        }
        return queries.studentLogin(user.id())
                .map(login -> SchoolOnlyLogin.decide(true, login.schoolOnly(), login.activeRanges(),
                        clientAddress == null ? null : IpAddresses.parse(clientAddress).orElse(null)))
                .filter(decision -> !decision.allowed())
                .map(decision -> new Refusal(decision.outcome().name()));
    }
}
