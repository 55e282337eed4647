package klaspoort.peers.basispoort;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The JSON shapes of the Basispoort APIs, with the field names the real service uses (see the Basispoort notes in
 * the project's spec). Records, so they serialise as they read.
 */
public final class Api {

    private Api() {
    }

    public record MetaResult(Instant mutationTimestamp, Instant generationTimestamp) {
    }

    public record Persoonsgegevens(String achternaam, String voornaam, String voorvoegsel, String voorletters) {
    }

    /** A group or subgroup; a subgroup has no jaargroep. */
    public record Groep(String lasKey, String naam, String jaargroep, String omschrijving) {
    }

    public record Leerling(long id, String eckid, String lasKey, Persoonsgegevens persoonsgegevens, String jaargroep,
            String groep, List<String> subgroepen) {
        public Leerling {
            subgroepen = subgroepen == null ? List.of() : List.copyOf(subgroepen);
        }
    }

    public record Medewerker(long id, String eckid, String lasKey, Persoonsgegevens persoonsgegevens, String emailadres,
            LocalDate einddatum, Set<String> rollen, List<String> groepen, List<String> subgroepen) {
        public Medewerker {
            rollen = rollen == null ? Set.of() : Set.copyOf(rollen);
            groepen = groepen == null ? List.of() : List.copyOf(groepen);
            subgroepen = subgroepen == null ? List.of() : List.copyOf(subgroepen);
        }
    }

    public record Overzicht(List<Groep> groepen, List<Groep> subgroepen, List<Leerling> leerlingen,
            List<Medewerker> medewerkers, boolean actief, Long gefuseerdNaar, MetaResult metaResult) {
    }

    public record Details(String naam, String straat, String huisnummer, String huisnummertoevoeging, String postcode,
            String woonplaats, String brincode, String dependancecode, String schoolkey, String instellingRef,
            String bestuurscode, boolean actief, Long gefuseerdNaar, MetaResult metaResult) {
    }

    public record Groepen(List<Groep> groepen, List<Groep> subgroepen, MetaResult metaResult) {
    }

    public record Leerlingen(List<Leerling> leerlingen, MetaResult metaResult) {
    }

    public record Staf(List<Medewerker> medewerkers, MetaResult metaResult) {
    }

    public record SynchronizationPermission(boolean hasSynchronizationPermission) {
    }

    /** The error body the simulator answers with (no personal data). */
    public record Fout(int status, String melding) {
    }

    // ---- Hosted Lika ----

    public record Methode(String id, String code, String naam, String icon, String iconUrl, String url, Set<String> tags) {
    }

    public record Product(String id, String code, String naam, String icon, String iconUrl, String url, Set<String> tags) {
    }

    public record Methodes(List<Methode> methodes) {
    }

    public record Producten(List<Product> producten) {
    }

    public record GebruikerIds(List<Long> gebruikers) {
        public GebruikerIds {
            gebruikers = gebruikers == null ? List.of() : List.copyOf(gebruikers);
        }
    }

    public record GebruikerEckId(long instellingId, String eckId) {
    }

    public record GebruikerEckIds(List<GebruikerEckId> gebruikers) {
        public GebruikerEckIds {
            gebruikers = gebruikers == null ? List.of() : List.copyOf(gebruikers);
        }
    }

    /** {@code POST …/permissions/grant|revoke}: many methods, products and users in one request. */
    public record BulkPermissions(List<String> methodes, List<String> producten, List<Long> gebruikers,
            List<GebruikerEckId> gebruikerEckIds) {
        public BulkPermissions {
            methodes = methodes == null ? List.of() : List.copyOf(methodes);
            producten = producten == null ? List.of() : List.copyOf(producten);
            gebruikers = gebruikers == null ? List.of() : List.copyOf(gebruikers);
            gebruikerEckIds = gebruikerEckIds == null ? List.of() : List.copyOf(gebruikerEckIds);
        }
    }
}
