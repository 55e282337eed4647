package nl.klaspoort.account.internal;

import java.util.Locale;
import nl.klaspoort.security.UserSessions;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** {@code Mutation.passwordChange} (B17). */
@Controller
class PasswordChangeController {

    private final PasswordChange passwords;

    PasswordChangeController(PasswordChange passwords) {
        this.passwords = passwords;
    }

    @MutationMapping
    PasswordChange.Payload passwordChange(@Argument PasswordChange.Input input, Locale locale,
            @ContextValue(name = UserSessions.CURRENT_SESSION, required = false) String sessionId) {
        return passwords.change(input, locale, sessionId);
    }
}
