package nl.klaspoort.administration.internal;

import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** The user mutations: create, archive, dearchive, gradeYear, profile and login of students. */
@Controller
class UserMutationController {

    record UsersInput(String schoolId, List<String> userIds, Boolean dryRun) {}

    record GradeYearInput(String schoolId, List<String> studentIds, String step, Boolean dryRun) {}

    private final UserAdministrationService service;

    UserMutationController(UserAdministrationService service) {
        this.service = service;
    }

    @MutationMapping
    UserAdministrationService.ProfessionalCreated professionalCreate(@Argument UserAdministrationService.ProfessionalInput input) {
        return service.createProfessional(input);
    }

    @MutationMapping
    UserAdministrationService.StudentCreated studentCreate(@Argument UserAdministrationService.StudentInput input) {
        return service.createStudent(input);
    }

    @MutationMapping
    AdministrationPayload usersArchive(@Argument UsersInput input) {
        return service.archive(input.schoolId(), input.userIds(), Boolean.TRUE.equals(input.dryRun()));
    }

    @MutationMapping
    AdministrationPayload usersDearchive(@Argument UsersInput input) {
        return service.dearchive(input.schoolId(), input.userIds(), Boolean.TRUE.equals(input.dryRun()));
    }

    @MutationMapping
    AdministrationPayload studentsGradeYearChange(@Argument GradeYearInput input) {
        return service.changeGradeYear(input.schoolId(), input.studentIds(), input.step(), Boolean.TRUE.equals(input.dryRun()));
    }

    @MutationMapping
    UserAdministrationService.ProfileSaved userUpdate(@Argument UserAdministrationService.ProfileInput input) {
        return service.updateProfile(input);
    }

    @MutationMapping
    UserAdministrationService.CredentialsReset studentCredentialsReset(@Argument UserAdministrationService.CredentialsInput input) {
        return service.resetCredentials(input);
    }
}
