package nl.klaspoort.security;

import org.springframework.security.authentication.AccountStatusException;

/** A sign-in a {@link LoginRule} refused: the right person, not allowed in now. Carries the rule's code. */
public class LoginRefusedException extends AccountStatusException {

    private final String code;

    public LoginRefusedException(String code) {
        super("sign-in refused: " + code);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
