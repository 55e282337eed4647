package nl.klaspoort.administration.internal;

import nl.klaspoort.administration.internal.ProfessionalInvitations.InvitationAnswerInput;
import nl.klaspoort.administration.internal.ProfessionalInvitations.InvitationPayload;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** {@code Query.invitation}, {@code invitationAccept}, {@code invitationDecline} and {@code professionalActivationResend}: the invited professional answers a school (issue 10, item 9). */
@Controller
class InvitationController {

    private final ProfessionalInvitations invitations;

    InvitationController(ProfessionalInvitations invitations) {
        this.invitations = invitations;
    }

    @QueryMapping
    ProfessionalInvitations.InvitationView invitation(@Argument String token) {
        return invitations.view(token).orElse(null);
    }

    @MutationMapping
    ProfessionalInvitations.ActivationResent professionalActivationResend(
            @Argument ProfessionalInvitations.ActivationResendInput input) {
        return invitations.resendActivation(input);
    }

    @MutationMapping
    InvitationPayload invitationAccept(@Argument InvitationAnswerInput input) {
        return invitations.accept(input);
    }

    @MutationMapping
    InvitationPayload invitationDecline(@Argument InvitationAnswerInput input) {
        return invitations.decline(input);
    }
}
