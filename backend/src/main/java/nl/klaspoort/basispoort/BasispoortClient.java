package nl.klaspoort.basispoort;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import nl.klaspoort.basispoort.BasispoortData.LicenceChange;
import nl.klaspoort.basispoort.BasispoortData.LikaItem;
import nl.klaspoort.basispoort.BasispoortData.SchoolDetails;
import nl.klaspoort.basispoort.BasispoortData.SchoolGroups;
import nl.klaspoort.basispoort.BasispoortData.SchoolOverview;
import nl.klaspoort.basispoort.BasispoortData.SchoolPupils;
import nl.klaspoort.basispoort.BasispoortData.SchoolStaff;

/**
 * Klaspoort's side of Basispoort (BP1, BP3, hosted licences): the Instellingen v2 calls the publisher pulls, and the
 * Hosted Lika bulk grant and revoke it pushes. Over mutual TLS with the publisher's client certificate; base URL,
 * certificate and timeouts from configuration ({@code klaspoort.basispoort.*}, SSL bundle
 * {@code spring.ssl.bundle.jks.basispoort}). A {@code schoolId} is Basispoort's institution id (int64).
 * Every failure is a {@link BasispoortException}: {@code SchoolNotFound}, {@code NoConsent}, {@code TlsFailure},
 * {@code Unavailable} (retry later), {@code Refused}, {@code NotConfigured}. ECK iDs travel only in request bodies.
 */
public interface BasispoortClient {

    /** {@code GET /}: the schools that gave this publisher consent (and so may be read). */
    List<Long> schoolIds();

    /** {@code GET /{id}}: groups, subgroups, pupils and staff in one answer, with the mutation timestamp. */
    SchoolOverview overview(long schoolId);

    /** {@code GET /{id}/details}: name, address, BRIN + dependance code, whether active or merged. */
    SchoolDetails details(long schoolId);

    /** {@code GET /{id}/groepen}. */
    SchoolGroups groups(long schoolId);

    /** {@code GET /{id}/leerlingen}. */
    SchoolPupils pupils(long schoolId);

    /** {@code POST /{id}/leerlingen} with the pupil ids in the body. */
    SchoolPupils pupils(long schoolId, Collection<Long> pupilIds);

    /** {@code POST /{id}/leerlingen_eckid} with the ECK iDs in the body. */
    SchoolPupils pupilsByEckId(long schoolId, Collection<String> eckIds);

    /** {@code GET /{id}/staf}. */
    SchoolStaff staff(long schoolId);

    /** {@code GET /{id}/ref}: the school's short reference. */
    String ref(long schoolId);

    /**
     * {@code GET /{id}/uitgever/synchronizationpermission}: has the school given this publisher consent? With
     * {@code requestPermission} the school is asked for it. Throws {@code SchoolNotFound} for an unknown school.
     */
    boolean hasSynchronizationPermission(long schoolId, boolean requestPermission);

    /** {@code DELETE /{id}/uitgever/synchronizationpermission}: the publisher gives up its permission. */
    void giveUpSynchronizationPermission(long schoolId);

    /** {@code GET /synchronizationpermission/toegekend/{day}}: schools that granted consent that day. */
    List<Long> permissionsGranted(LocalDate day);

    /** {@code GET /synchronizationpermission/ingetrokken/{day}}: schools that withdrew consent that day. */
    List<Long> permissionsRevoked(LocalDate day);

    /** Hosted Lika {@code POST /permissions/grant}: the users get the methods and products (tiles in Basispoort). */
    void grant(LicenceChange change);

    /** Hosted Lika {@code POST /permissions/revoke}. */
    void revoke(LicenceChange change);

    /**
     * Hosted Lika {@code POST /methode} and {@code POST /methode/{methodId}/product}: the method and the product (a tile
     * in Basispoort) exist with these names and launch address; creating one that exists replaces it.
     */
    void putProduct(LikaItem method, LikaItem product);

    /** Hosted Lika {@code GET /methode/{methodId}/product/{productId}/gebruiker}: the user ids with the product now. */
    List<Long> productUsers(String methodId, String productId);
}
