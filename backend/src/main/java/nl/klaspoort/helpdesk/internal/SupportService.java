package nl.klaspoort.helpdesk.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.klaspoort.access.Role;
import nl.klaspoort.access.SchoolAccess;
import nl.klaspoort.mail.Mail;
import nl.klaspoort.mail.Mailer;
import nl.klaspoort.people.People;
import nl.klaspoort.people.Professional;
import nl.klaspoort.platform.CommonError;
import nl.klaspoort.platform.ErrorCode;
import nl.klaspoort.platform.PayloadError;
import nl.klaspoort.product.Product;
import nl.klaspoort.product.Products;
import nl.klaspoort.school.School;
import nl.klaspoort.school.Schools;
import nl.klaspoort.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * S4: an admin or supervisor asks the helpdesk a question. It is stored with a reference number, mailed to the
 * helpdesk (replies go to the sender) and confirmed to the sender by mail, all after the commit through the outbox.
 */
@Service
class SupportService {

    enum SupportError implements ErrorCode { REQUIRED, INVALID_URL }

    record QuestionInput(String schoolId, String productId, String subject, String message) {}

    record QuestionPayload(String reference, List<PayloadError> errors) {}

    static final int MAX_SUBJECT = 150;
    static final int MAX_MESSAGE = 5000;

    private final SupportStore store;
    private final SchoolAccess access;
    private final People people;
    private final Schools schools;
    private final Products products;
    private final Mailer mailer;
    private final Clock clock;

    SupportService(SupportStore store, SchoolAccess access, People people, Schools schools, Products products,
            Mailer mailer, Clock clock) {
        this.store = store;
        this.access = access;
        this.people = people;
        this.schools = schools;
        this.products = products;
        this.mailer = mailer;
        this.clock = clock;
    }

    @Transactional
    QuestionPayload send(QuestionInput input, Locale language) {
        long schoolId = access.require(input.schoolId(), Role.ADMIN, Role.SUPERVISOR);
        List<PayloadError> errors = new ArrayList<>();
        String subject = clean(input.subject());
        String message = input.message() == null ? "" : input.message().strip();
        check(subject, "subject", MAX_SUBJECT, errors);
        check(message, "message", MAX_MESSAGE, errors);
        Product product = null;
        if (input.productId() != null && !input.productId().isBlank()) {
            product = parse(input.productId()) == null ? null : products.byId(parse(input.productId())).orElse(null);
            if (product == null) {
                errors.add(PayloadError.of(CommonError.NOT_FOUND).field("productId"));
            }
        }
        if (!errors.isEmpty()) {
            return new QuestionPayload(null, errors);
        }
        if (!(people.byId(CurrentUser.id()).orElse(null) instanceof Professional sender)) {
            return new QuestionPayload(null, List.of(PayloadError.of(CommonError.FORBIDDEN)));
        }
        School school = schools.byId(schoolId).orElseThrow();
        Instant now = clock.instant();
        String reference = store.insert(new SupportStore.NewQuestion(schoolId, sender.id(),
                product == null ? null : product.id(), subject, message, now));
        String productName = product == null ? null : product.name();
        mailer.sendToHelpdesk(new Mail.ContactToHelpdesk(reference, sender.displayName(), sender.email(), school.name(),
                school.brin(), productName, subject, message, now));
        mailer.send(sender.email(), new Mail.ContactCopy(sender.firstName(), reference, subject, productName, message),
                language);
        return new QuestionPayload(reference, List.of());
    }

    private static void check(String text, String field, int max, List<PayloadError> errors) {
        if (text.isEmpty()) {
            errors.add(PayloadError.of(SupportError.REQUIRED).field(field));
        } else if (text.length() > max) {
            errors.add(PayloadError.of(CommonError.TOO_LONG).field(field).param("max", max));
        }
    }

    private static String clean(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }

    private static Long parse(String id) {
        try {
            return Long.parseLong(id.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
