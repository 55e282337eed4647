package nl.klaspoort.platform.internal;

import java.util.Locale;
import nl.klaspoort.platform.Messages;
import nl.klaspoort.platform.PayloadError;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** {@code PayloadError.message}: the error's text in the caller's language, formatted when asked for (no I/O). */
@Controller
class PayloadErrorController {

    private final Messages messages;

    PayloadErrorController(Messages messages) {
        this.messages = messages;
    }

    @SchemaMapping(typeName = "PayloadError", field = "message")
    String message(PayloadError error, Locale locale) {
        return messages.error(error.code(), error.paramMap(), locale);
    }
}
