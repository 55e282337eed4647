package nl.klaspoort.helpdesk;

import static nl.klaspoort.support.GraphQl.errorCodes;
import static nl.klaspoort.support.GraphQl.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import klaspoort.peers.mail.CaughtMail;
import klaspoort.peers.mail.MailCatcher;
import nl.klaspoort.support.FreshSchoolTest;
import nl.klaspoort.support.Sessions;
import nl.klaspoort.support.SqlStatementCounter;
import nl.klaspoort.support.TestMail;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** S4: the contact form's question is stored, mailed to the helpdesk (replies to the sender) and confirmed. */
class SupportQuestionTest extends FreshSchoolTest {

    private static final String HELPDESK = "helpdesk@klaspoort.nl";

    private int stored() {
        return jdbc.sql("select count(*) from support_question where school_id = :s").param("s", school.id())
                .query(Integer.class).single();
    }

    @Test
    @DisplayName("S4 a supervisor's question is stored, mailed to the helpdesk and confirmed with its number")
    void aQuestionIsStoredMailedAndConfirmed() {
        String supervisorEmail = fixture.email(school.supervisorA());
        HttpGraphQlTester supervisor = Sessions.tester(port, supervisorEmail);
        String subject = "Leeslab start niet " + school.id();

        SqlStatementCounter.reset();
        var sent = run(supervisor, "support-question-send", Map.of("schoolId", String.valueOf(school.id()),
                "subject", "  " + subject + " ", "message", "Na het inloggen blijft het scherm wit.\nGroep 5, lokaal 2."));
        assertThat(SqlStatementCounter.count()).as("roles, person, school, insert, two mails in the outbox").isLessThanOrEqualTo(7);
        assertThat(errorCodes(sent, "supportQuestionSend")).isEmpty();
        String reference = sent.path("supportQuestionSend.reference").entity(String.class).get();
        assertThat(reference).matches("KP-\\d{6,}");
        assertThat(stored()).isEqualTo(1);

        CaughtMail helpdesk = TestMail.catcher().awaitMail(MailCatcher.to(HELPDESK)
                .and(m -> m.subject().contains(reference)), Duration.ofSeconds(20));
        assertThat(helpdesk.subject()).contains(subject);
        assertThat(helpdesk.text()).contains("Na het inloggen blijft het scherm wit.", supervisorEmail, school.name());
        CaughtMail copy = TestMail.catcher().awaitMail(MailCatcher.to(supervisorEmail)
                .and(m -> m.subject().equals("Uw vraag aan de helpdesk (" + reference + ")")), Duration.ofSeconds(20));
        assertThat(copy.text()).contains(subject);
    }

    @Test
    @DisplayName("S4 an empty subject or question, an unknown product or another school's id change nothing")
    void refusedQuestionsAreNeitherStoredNorMailed() {
        String schoolId = String.valueOf(school.id());
        var empty = run(admin, "support-question-send", Map.of("schoolId", schoolId, "subject", " ", "message", ""));
        assertThat(empty.path("supportQuestionSend.errors[*].field").entityList(String.class).get())
                .containsExactly("subject", "message");
        assertThat(errorCodes(empty, "supportQuestionSend")).containsOnly("REQUIRED");
        var tooLong = run(admin, "support-question-send", Map.of("schoolId", schoolId, "subject", "x".repeat(151), "message", "vraag"));
        assertThat(errorCodes(tooLong, "supportQuestionSend")).containsExactly("TOO_LONG");
        var product = run(admin, "support-question-send", Map.of("schoolId", schoolId, "productId", "999999",
                "subject", "Onderwerp", "message", "vraag"));
        assertThat(errorCodes(product, "supportQuestionSend")).containsExactly("NOT_FOUND");

        long other = fixture.school().withAdmin().create().id();
        admin.documentName("support-question-send").variable("input", Map.of("schoolId", String.valueOf(other),
                "subject", "Onderwerp", "message", "vraag")).execute().errors()
                .satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "NOT_FOUND")));
        assertThat(stored()).isZero();
    }
}
