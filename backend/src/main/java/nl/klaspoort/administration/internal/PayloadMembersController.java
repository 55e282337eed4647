package nl.klaspoort.administration.internal;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.klaspoort.administration.internal.UserAdministrationService.CredentialsReset;
import nl.klaspoort.administration.internal.UserAdministrationService.MemberPayload;
import nl.klaspoort.administration.internal.UserAdministrationService.ProfessionalCreated;
import nl.klaspoort.administration.internal.UserAdministrationService.ProfileSaved;
import nl.klaspoort.administration.internal.UserAdministrationService.StudentCreated;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/**
 * The resource of every create and update payload ({@code user}), read after the mutation and only when asked for, so a
 * client need not fetch it again.
 */
@Controller
class PayloadMembersController {

    private final SchoolUsers users;

    PayloadMembersController(SchoolUsers users) {
        this.users = users;
    }

    @BatchMapping(typeName = "ProfessionalCreatePayload", field = "user")
    Map<ProfessionalCreated, SchoolUser> professionalCreated(List<ProfessionalCreated> payloads) {
        return members(payloads);
    }

    @BatchMapping(typeName = "StudentCreatePayload", field = "user")
    Map<StudentCreated, SchoolUser> studentCreated(List<StudentCreated> payloads) {
        return members(payloads);
    }

    @BatchMapping(typeName = "UserUpdatePayload", field = "user")
    Map<ProfileSaved, SchoolUser> profileSaved(List<ProfileSaved> payloads) {
        return members(payloads);
    }

    @BatchMapping(typeName = "ProfessionalActivationResendPayload", field = "user")
    Map<ProfessionalInvitations.ActivationResent, SchoolUser> activationResent(
            List<ProfessionalInvitations.ActivationResent> payloads) {
        return members(payloads);
    }

    @BatchMapping(typeName = "StudentCredentialsResetPayload", field = "user")
    Map<CredentialsReset, SchoolUser> credentialsReset(List<CredentialsReset> payloads) {
        return members(payloads);
    }

    /** A mutation has one payload, so one member query; a payload without a member maps to nothing (null). */
    private <P extends MemberPayload> Map<P, SchoolUser> members(List<P> payloads) {
        return payloads.stream()
                .filter(p -> p.userId() != null && p.userId().matches("\\d{1,18}"))
                .map(p -> Map.entry(p, users.member(p.schoolId(), Long.parseLong(p.userId()))))
                .filter(e -> e.getValue() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
    }
}
