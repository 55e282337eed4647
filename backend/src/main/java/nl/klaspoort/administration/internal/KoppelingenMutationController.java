package nl.klaspoort.administration.internal;

import java.util.List;
import nl.klaspoort.administration.internal.LinkRules.LinkInput;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** The koppelingen mutations: {@code studentsLink}, {@code professionalsLink}, {@code rolesRemove}, and per user. */
@Controller
class KoppelingenMutationController {

    record StudentsLinkInput(String schoolId, List<String> studentIds, List<LinkInput> links, Boolean dryRun) {}

    record ProfessionalsLinkInput(String schoolId, List<String> userIds, List<String> roles, List<String> productIds,
            Boolean dryRun) {}

    record RolesRemoveInput(String schoolId, List<String> userIds, List<String> roles, Boolean dryRun) {}

    record StudentProductsSetInput(String schoolId, String studentId, List<LinkInput> links) {}

    record ProfessionalRolesSetInput(String schoolId, String userId, List<String> roles, List<String> productIds) {}

    private final KoppelingenService service;

    KoppelingenMutationController(KoppelingenService service) {
        this.service = service;
    }

    @MutationMapping
    AdministrationPayload studentsLink(@Argument StudentsLinkInput input) {
        return service.studentsLink(input.schoolId(), input.studentIds(), input.links(), Boolean.TRUE.equals(input.dryRun()));
    }

    @MutationMapping
    AdministrationPayload professionalsLink(@Argument ProfessionalsLinkInput input) {
        return service.professionalsLink(input.schoolId(), input.userIds(), input.roles(), input.productIds(),
                Boolean.TRUE.equals(input.dryRun()));
    }

    @MutationMapping
    AdministrationPayload rolesRemove(@Argument RolesRemoveInput input) {
        return service.rolesRemove(input.schoolId(), input.userIds(), input.roles(), Boolean.TRUE.equals(input.dryRun()));
    }

    @MutationMapping
    AdministrationPayload studentProductsSet(@Argument StudentProductsSetInput input) {
        return service.studentProductsSet(input.schoolId(), input.studentId(), input.links());
    }

    @MutationMapping
    AdministrationPayload professionalRolesSet(@Argument ProfessionalRolesSetInput input) {
        return service.professionalRolesSet(input.schoolId(), input.userId(), input.roles(), input.productIds());
    }
}
