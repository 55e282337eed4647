package nl.klaspoort.administration.internal;

import nl.klaspoort.administration.internal.MyEmailService.MyEmailChangeConfirmInput;
import nl.klaspoort.administration.internal.MyEmailService.MyEmailChangePayload;
import nl.klaspoort.administration.internal.MyEmailService.MyEmailChangeRequestInput;
import nl.klaspoort.security.UserSessions;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** {@code myEmailChangeRequest} and {@code myEmailChangeConfirm}: a professional's own login e-mail. */
@Controller
class MyEmailController {

    private final MyEmailService service;

    MyEmailController(MyEmailService service) {
        this.service = service;
    }

    @MutationMapping
    MyEmailChangePayload myEmailChangeRequest(@Argument MyEmailChangeRequestInput input) {
        return service.request(input);
    }

    @MutationMapping
    MyEmailChangePayload myEmailChangeConfirm(@Argument MyEmailChangeConfirmInput input,
            @ContextValue(name = UserSessions.CURRENT_SESSION, required = false) String sessionId) {
        return service.confirm(input, sessionId);
    }
}
