package nl.klaspoort.account.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import nl.klaspoort.platform.Messages;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The two forms a person uses before they can sign in (so outside the signed-in GraphQL API), both with the CSRF
 * token of the SPA: {@code POST /account/password} {@code {"token", "password"}} → 204, or 400 with
 * {@code {"code", "field", "message", "params"}} ({@code INVALID_PASSWORD}, {@code LINK_INVALID}); {@code POST
 * /account/password-reset} {@code {"email"}} → 202, always, whether or not the address is known.
 */
@RestController
class AccountController {

    record SetPassword(String token, String password) {}

    record ResetRequest(String email) {}

    private final PasswordLinks passwords;

    AccountController(PasswordLinks passwords) {
        this.passwords = passwords;
    }

    @PostMapping("/account/password")
    ResponseEntity<Map<String, Object>> setPassword(@RequestBody SetPassword body,
            @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language) {
        return passwords.setPassword(body.token(), body.password(), Messages.language(language))
                .map(refusal -> {
                    Map<String, Object> error = new LinkedHashMap<>();
                    error.put("code", refusal.code());
                    error.put("field", refusal.field());
                    error.put("message", refusal.message());
                    error.put("params", refusal.params());
                    return ResponseEntity.badRequest().body(error);
                })
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    @PostMapping("/account/password-reset")
    ResponseEntity<Void> requestReset(@RequestBody ResetRequest body,
            @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language) {
        passwords.requestReset(body.email(), Messages.language(language));
        return ResponseEntity.accepted().build();
    }
}
