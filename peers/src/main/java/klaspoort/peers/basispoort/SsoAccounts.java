package klaspoort.peers.basispoort;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import klaspoort.peers.basispoort.Api.Leerling;
import klaspoort.peers.basispoort.Api.Medewerker;
import klaspoort.peers.basispoort.Api.Persoonsgegevens;

/**
 * The people who can sign in at the simulated Basispoort: every pupil and staff member of the simulator's world, with
 * the login they type (staff: their e-mail address, their Basispoort login; pupils: first name and Basispoort id,
 * e.g. {@code emma.5000012}) and the claims their ID token carries. Read from the world at each sign-in, so a pupil
 * a test adds through the control API can sign in right away.
 */
final class SsoAccounts {

    /** The claims Klaspoort reads from the ID token (besides {@code sub}, which is the Basispoort id as text). */
    static final String BASISPOORT_ID = "basispoort_id";
    static final String ECK_ID = "eckid";
    static final String SCHOOL_ID = "instelling_id";
    static final String KIND = "soort";
    static final String ROLES = "rollen";

    enum Kind { LEERLING, MEDEWERKER }

    /** One account; {@code eckId} and the names are personal data and stay out of logs and URLs. */
    record Account(String login, long basispoortId, String eckId, long schoolId, String schoolName, Kind kind,
            Persoonsgegevens name, String email, Set<String> roles, String group) {

        Account {
            name = name == null ? new Persoonsgegevens(null, null, null, null) : name;
        }

        String displayName() {
            return join(name.voornaam(), name.voorvoegsel(), name.achternaam());
        }

        /** Claims added to the ID token and access token (standard OIDC names where one exists). */
        Map<String, Object> claims() {
            Map<String, Object> claims = new LinkedHashMap<>();
            claims.put(BASISPOORT_ID, basispoortId);
            if (eckId != null) {
                claims.put(ECK_ID, eckId);
            }
            claims.put(SCHOOL_ID, schoolId);
            claims.put(KIND, kind.name().toLowerCase(Locale.ROOT));
            if (!roles.isEmpty()) {
                claims.put(ROLES, List.copyOf(new TreeSet<>(roles)));
            }
            putIfPresent(claims, "given_name", name.voornaam());
            putIfPresent(claims, "family_name", join(name.voorvoegsel(), name.achternaam()));
            putIfPresent(claims, "name", displayName());
            putIfPresent(claims, "email", email);
            return claims;
        }

        @Override
        public String toString() {
            return "Account[" + basispoortId + "]";
        }
    }

    private final Supplier<BasispoortWorld> world;

    SsoAccounts(Supplier<BasispoortWorld> world) {
        this.world = world;
    }

    /** The account with this login (case and surrounding spaces ignored). */
    Optional<Account> find(String login) {
        String wanted = login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        return all().stream().filter(a -> a.login().equals(wanted)).findFirst();
    }

    /** Every account, school by school: staff first, then pupils in the order the school lists them. */
    List<Account> all() {
        List<Account> accounts = new ArrayList<>();
        BasispoortWorld world = this.world.get();
        for (BasispoortWorld.SchoolState school : world.schools()) {
            for (Medewerker m : world.staff(school.id())) {
                if (m.emailadres() != null) {
                    accounts.add(new Account(m.emailadres().strip().toLowerCase(Locale.ROOT), m.id(), m.eckid(), school.id(),
                            school.naam(), Kind.MEDEWERKER, m.persoonsgegevens(), m.emailadres(), m.rollen(), null));
                }
            }
            for (Leerling l : world.pupils(school.id())) {
                accounts.add(new Account(pupilLogin(l), l.id(), l.eckid(), school.id(), school.naam(), Kind.LEERLING,
                        l.persoonsgegevens(), null, Set.of(), l.groep()));
            }
        }
        return accounts;
    }

    /** {@code emma.5000012}: the first name in plain lower-case letters, then the Basispoort id (unique). */
    static String pupilLogin(Leerling pupil) {
        String first = pupil.persoonsgegevens() == null || pupil.persoonsgegevens().voornaam() == null ? ""
                : Normalizer.normalize(pupil.persoonsgegevens().voornaam().replace('ı', 'i'), Normalizer.Form.NFD)
                        .toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        return (first.isEmpty() ? "leerling" : first) + "." + pupil.id();
    }

    private static void putIfPresent(Map<String, Object> claims, String name, String value) {
        if (value != null && !value.isBlank()) {
            claims.put(name, value);
        }
    }

    private static String join(String... parts) {
        StringBuilder text = new StringBuilder();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                text.append(text.isEmpty() ? "" : " ").append(part.strip());
            }
        }
        return text.toString();
    }
}
