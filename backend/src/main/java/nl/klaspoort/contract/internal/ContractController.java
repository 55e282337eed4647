package nl.klaspoort.contract.internal;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.klaspoort.access.SchoolAccess;
import nl.klaspoort.contract.Contracts;
import nl.klaspoort.contract.Contracts.LicenceUse;
import nl.klaspoort.contract.internal.ContractService.ContractPayload;
import nl.klaspoort.contract.internal.ContractService.LicencePayload;
import nl.klaspoort.platform.AccessRefusedException;
import nl.klaspoort.platform.Connection;
import nl.klaspoort.product.Product;
import nl.klaspoort.product.Products;
import nl.klaspoort.school.School;
import nl.klaspoort.security.CurrentUser;
import nl.klaspoort.security.KlaspoortUser;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code School.contracts}, {@code School.contract}, {@code Contract.product}, {@code Contract.licences},
 * {@code School.licenceUse} and the contract and licence mutations (A1-A4, D1).
 */
@Controller
class ContractController {

    record ContractInput(String contractId) {}

    record LicenceInput(String licenceId) {}

    private final ContractService service;
    private final Contracts contracts;
    private final Products products;
    private final SchoolAccess access;

    ContractController(ContractService service, Contracts contracts, Products products, SchoolAccess access) {
        this.service = service;
        this.contracts = contracts;
        this.products = products;
        this.access = access;
    }

    /** One page per request: asked for one school at a time (the contracts page, the dashboard). */
    @SchemaMapping(typeName = "School", field = "contracts")
    Connection<Contract> contracts(School school, @Argument Integer first, @Argument String after, @Argument Boolean running) {
        return service.contracts(school.id(), first, after, running);
    }

    @SchemaMapping(typeName = "School", field = "contract")
    Contract contract(School school, @Argument String id) {
        return service.contract(school.id(), id);
    }

    @SchemaMapping(typeName = "Contract", field = "licences")
    Connection<Licence> licences(Contract contract, @Argument Integer first, @Argument String after, @Argument String search) {
        return service.licences(contract, first, after, search);
    }

    @BatchMapping(typeName = "Contract", field = "product")
    Map<Contract, Product> product(List<Contract> batch) {
        Map<Long, Product> byId = products.byIds(batch.stream().map(Contract::productId).distinct().toList());
        return batch.stream().distinct().collect(Collectors.toMap(Function.identity(), c -> byId.get(c.productId())));
    }

    /**
     * D1: licence use per product at each school where the signed-in professional holds a role; one statement for any
     * number of schools. Students are refused: they see no school figures.
     */
    @BatchMapping(typeName = "School", field = "licenceUse")
    Map<School, List<LicenceUse>> licenceUse(List<School> schools) {
        if (CurrentUser.require().kind() == KlaspoortUser.Kind.STUDENT) {
            throw new AccessRefusedException(AccessRefusedException.Reason.FORBIDDEN, "licence use");
        }
        List<Long> allowed = access.rolesAt(schools.stream().map(School::id).toList()).entrySet().stream()
                .filter(e -> !e.getValue().isEmpty()).map(Map.Entry::getKey).toList();
        Map<Long, List<LicenceUse>> bySchool = contracts.licenceUse(allowed);
        return schools.stream().distinct().collect(Collectors.toMap(Function.identity(),
                school -> bySchool.getOrDefault(school.id(), List.of())));
    }

    @MutationMapping
    ContractPayload contractEnd(@Argument ContractInput input) {
        return service.end(input.contractId());
    }

    @MutationMapping
    ContractPayload contractEndCancel(@Argument ContractInput input) {
        return service.cancelEnd(input.contractId());
    }

    @MutationMapping
    LicencePayload licenceEnd(@Argument LicenceInput input) {
        return service.endLicence(input.licenceId());
    }

    @MutationMapping
    LicencePayload licenceEndCancel(@Argument LicenceInput input) {
        return service.cancelLicenceEnd(input.licenceId());
    }
}
