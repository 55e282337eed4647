package nl.klaspoort.basispoort;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What the Basispoort Instellingen v2 and Hosted Lika APIs send and receive, with Klaspoort's names (the wire names,
 * Dutch, in {@code @JsonProperty}). Unknown fields are ignored, so a field Basispoort adds later breaks nothing.
 * Records that hold names or ECK iDs print neither in {@code toString()}, so they cannot leak into a log.
 */
public final class BasispoortData {

    private BasispoortData() {
    }

    /** When the school's data last changed (compare with the last run's to skip an unchanged school), and when sent. */
    public record MetaResult(Instant mutationTimestamp, Instant generationTimestamp) {
    }

    public record Person(@JsonProperty("achternaam") String lastName, @JsonProperty("voornaam") String firstName,
            @JsonProperty("voorvoegsel") String prefix, @JsonProperty("voorletters") String initials) {
        @Override
        public String toString() {
            return "Person[…]";
        }
    }

    /** A group ({@code groepen}) or subgroup ({@code subgroepen}; no jaargroep). */
    public record Group(@JsonProperty("lasKey") String key, @JsonProperty("naam") String name,
            @JsonProperty("jaargroep") String jaargroep, @JsonProperty("omschrijving") String description) {
    }

    /**
     * @param id           Basispoort's stable user id
     * @param eckId        ECK iD, or null; personal data
     * @param groupKey     the lasKey of the main group
     * @param subgroupKeys the lasKeys of the subgroups
     */
    public record Pupil(long id, @JsonProperty("eckid") String eckId, String lasKey,
            @JsonProperty("persoonsgegevens") Person person, String jaargroep, @JsonProperty("groep") String groupKey,
            @JsonProperty("subgroepen") List<String> subgroupKeys) {
        public Pupil {
            subgroupKeys = subgroupKeys == null ? List.of() : List.copyOf(subgroupKeys);
        }

        @Override
        public String toString() {
            return "Pupil[id=" + id + "]";
        }
    }

    /**
     * @param email   the teacher's Basispoort login; teachers are matched by it
     * @param endDate last day at the school, or null
     * @param roles   {@code Leerkracht}, {@code ICTCoordinator}, {@code IBRTer}, {@code Stagiair}, {@code Inval}
     */
    public record StaffMember(long id, @JsonProperty("eckid") String eckId, String lasKey,
            @JsonProperty("persoonsgegevens") Person person, @JsonProperty("emailadres") String email,
            @JsonProperty("einddatum") LocalDate endDate, @JsonProperty("rollen") Set<String> roles,
            @JsonProperty("groepen") List<String> groupKeys, @JsonProperty("subgroepen") List<String> subgroupKeys) {
        public StaffMember {
            roles = roles == null ? Set.of() : Set.copyOf(roles);
            groupKeys = groupKeys == null ? List.of() : List.copyOf(groupKeys);
            subgroupKeys = subgroupKeys == null ? List.of() : List.copyOf(subgroupKeys);
        }

        @Override
        public String toString() {
            return "StaffMember[id=" + id + "]";
        }
    }

    /** {@code GET /{id}}: everything of one school in one answer. */
    public record SchoolOverview(@JsonProperty("groepen") List<Group> groups,
            @JsonProperty("subgroepen") List<Group> subgroups, @JsonProperty("leerlingen") List<Pupil> pupils,
            @JsonProperty("medewerkers") List<StaffMember> staff, @JsonProperty("actief") boolean active,
            @JsonProperty("gefuseerdNaar") Long mergedInto, @JsonProperty("metaResult") MetaResult meta) {
        public SchoolOverview {
            groups = groups == null ? List.of() : List.copyOf(groups);
            subgroups = subgroups == null ? List.of() : List.copyOf(subgroups);
            pupils = pupils == null ? List.of() : List.copyOf(pupils);
            staff = staff == null ? List.of() : List.copyOf(staff);
        }
    }

    /** {@code GET /{id}/details}. {@code dependanceCode} "00" means the main location. */
    public record SchoolDetails(@JsonProperty("naam") String name, @JsonProperty("straat") String street,
            @JsonProperty("huisnummer") String houseNumber, @JsonProperty("huisnummertoevoeging") String houseNumberSuffix,
            @JsonProperty("postcode") String postalCode, @JsonProperty("woonplaats") String city,
            @JsonProperty("brincode") String brin, @JsonProperty("dependancecode") String dependanceCode,
            @JsonProperty("schoolkey") String schoolKey, @JsonProperty("instellingRef") String ref,
            @JsonProperty("bestuurscode") String boardCode, @JsonProperty("actief") boolean active,
            @JsonProperty("gefuseerdNaar") Long mergedInto, @JsonProperty("metaResult") MetaResult meta) {
    }

    public record SchoolGroups(@JsonProperty("groepen") List<Group> groups,
            @JsonProperty("subgroepen") List<Group> subgroups, @JsonProperty("metaResult") MetaResult meta) {
    }

    public record SchoolPupils(@JsonProperty("leerlingen") List<Pupil> pupils,
            @JsonProperty("metaResult") MetaResult meta) {
    }

    public record SchoolStaff(@JsonProperty("medewerkers") List<StaffMember> staff,
            @JsonProperty("metaResult") MetaResult meta) {
    }

    /** A user identified by school and ECK iD (for users Klaspoort knows by ECK iD only). */
    public record EckIdUser(@JsonProperty("instellingId") long schoolId, @JsonProperty("eckId") String eckId) {
        @Override
        public String toString() {
            return "EckIdUser[schoolId=" + schoolId + "]";
        }
    }

    /** Hosted Lika bulk grant or revoke: these users get (or lose) these methods and products. */
    public record LicenceChange(@JsonProperty("methodes") List<String> methodIds,
            @JsonProperty("producten") List<String> productIds, @JsonProperty("gebruikers") List<Long> userIds,
            @JsonProperty("gebruikerEckIds") List<EckIdUser> eckIdUsers) {
        public LicenceChange {
            methodIds = methodIds == null ? List.of() : List.copyOf(methodIds);
            productIds = productIds == null ? List.of() : List.copyOf(productIds);
            userIds = userIds == null ? List.of() : List.copyOf(userIds);
            eckIdUsers = eckIdUsers == null ? List.of() : List.copyOf(eckIdUsers);
        }

        @Override
        public String toString() {
            return "LicenceChange[methods=" + methodIds + ", products=" + productIds + ", users=" + userIds.size()
                    + ", eckIdUsers=" + eckIdUsers.size() + "]";
        }
    }

    /** A Hosted Lika method or product: its id (in paths and bulk requests), code, name and launch address. */
    public record LikaItem(String id, String code, @JsonProperty("naam") String name, String url) {}

    /** Hosted Lika {@code …/gebruiker}: user ids. */
    public record LikaUsers(@JsonProperty("gebruikers") List<Long> userIds) {
        public LikaUsers {
            userIds = userIds == null ? List.of() : List.copyOf(userIds);
        }
    }
}
