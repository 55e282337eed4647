package nl.klaspoort.launch.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.klaspoort.access.Role;
import nl.klaspoort.access.SchoolAccess;
import nl.klaspoort.contract.Contracts;
import nl.klaspoort.people.People;
import nl.klaspoort.people.Person;
import nl.klaspoort.platform.CommonError;
import nl.klaspoort.platform.ErrorCode;
import nl.klaspoort.platform.Ids;
import nl.klaspoort.platform.PayloadError;
import nl.klaspoort.product.Product;
import nl.klaspoort.product.Products;
import nl.klaspoort.school.Schools;
import nl.klaspoort.security.CurrentUser;
import nl.klaspoort.security.KlaspoortUser;
import org.springframework.stereotype.Service;

/**
 * The signed-in user's tiles per school and a pupil's launch of a product (D2, D3, A5). A pupil sees and launches only
 * products they hold a valid licence for today; a professional's tiles lead to the supervisor environments of the
 * products they work with (all the school's products for an ADMIN, their assigned ones for a SUPERVISOR).
 */
@Service
class LaunchService {

    /** The error codes of launching ({@code extend enum ErrorCode} in {@code launch.graphqls}). */
    enum LaunchError implements ErrorCode { NO_VALID_LICENCE, NOT_LAUNCHABLE }

    /** GraphQL {@code ProductLaunch}. */
    record Launch(String url, String token, OffsetDateTime expiresAt) {}

    /** GraphQL {@code ProductLaunchPayload}. */
    record LaunchPayload(Launch launch, List<PayloadError> errors) {}

    private final SchoolAccess access;
    private final Contracts contracts;
    private final Products products;
    private final Schools schools;
    private final People people;
    private final LaunchQueries queries;
    private final LaunchTokens tokens;

    LaunchService(SchoolAccess access, Contracts contracts, Products products, Schools schools, People people,
            LaunchQueries queries, LaunchTokens tokens) {
        this.access = access;
        this.contracts = contracts;
        this.products = products;
        this.schools = schools;
        this.people = people;
        this.queries = queries;
        this.tokens = tokens;
    }

    /** Per school: the signed-in user's tiles there (none where they hold no role); two statements. */
    Map<Long, List<Product>> tiles(Collection<Long> schoolIds) {
        KlaspoortUser user = CurrentUser.require();
        Map<Long, Set<Role>> roles = access.rolesAt(schoolIds);
        if (user.kind() == KlaspoortUser.Kind.STUDENT) {
            Map<Long, List<Product>> tiles = new HashMap<>();
            roles.forEach((school, held) -> {
                if (held.contains(Role.STUDENT)) { // a pupil belongs to one school
                    tiles.put(school, contracts.licensedProducts(school, user.id()));
                }
            });
            return tiles;
        }
        List<Long> admin = new ArrayList<>();
        List<Long> supervisor = new ArrayList<>();
        roles.forEach((school, held) -> {
            if (held.contains(Role.ADMIN)) {
                admin.add(school);
            } else if (held.contains(Role.SUPERVISOR)) {
                supervisor.add(school);
            }
        });
        return admin.isEmpty() && supervisor.isEmpty() ? Map.of()
                : queries.professionalProducts(user.id(), admin, supervisor, contracts.today());
    }

    /** D3: a launch token for the product, when the signed-in pupil holds a valid licence for it at the school. */
    LaunchPayload launch(String schoolIdText, String productIdText) {
        long schoolId = access.require(schoolIdText, Role.STUDENT);
        long pupil = CurrentUser.id();
        Long productId = Ids.parse(productIdText);
        Product product = productId == null ? null : products.byId(productId).orElse(null);
        if (product == null) {
            return refused(PayloadError.of(CommonError.NOT_FOUND).field("productId"));
        }
        if (!contracts.holdsLicence(schoolId, pupil, productId)) {
            return refused(PayloadError.of(LaunchError.NO_VALID_LICENCE).field("productId").param("product", product.name()));
        }
        if (product.launchUrl() == null) {
            return refused(PayloadError.of(LaunchError.NOT_LAUNCHABLE).field("productId").param("product", product.name()));
        }
        Person person = people.byId(pupil).orElseThrow();
        LaunchTokens.Issued issued = tokens.issue(person, schools.byId(schoolId).orElseThrow(), product);
        return new LaunchPayload(new Launch(product.launchUrl(), issued.token(),
                issued.expiresAt().atOffset(ZoneOffset.UTC)), List.of());
    }

    private static LaunchPayload refused(PayloadError error) {
        return new LaunchPayload(null, List.of(error));
    }

}
