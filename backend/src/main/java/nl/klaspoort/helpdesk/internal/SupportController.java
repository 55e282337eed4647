package nl.klaspoort.helpdesk.internal;

import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** {@code Query.support} (S3, S5) and {@code Mutation.supportQuestionSend} (S4). */
@Controller
class SupportController {

    record SupportInfo(String manualUrl, String remoteSupportUrl) {}

    private final SupportService support;
    private final SupportInfo info;

    SupportController(SupportService support, @Value("${klaspoort.support.remote-support-url:}") String remoteSupportUrl) {
        this.support = support;
        this.info = new SupportInfo("/support/handleiding.pdf", remoteSupportUrl.isBlank() ? null : remoteSupportUrl);
    }

    @QueryMapping
    SupportInfo support() {
        return info;
    }

    @MutationMapping
    SupportService.QuestionPayload supportQuestionSend(@Argument SupportService.QuestionInput input, Locale locale) {
        return support.send(input, locale);
    }
}
