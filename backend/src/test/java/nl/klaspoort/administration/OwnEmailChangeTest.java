package nl.klaspoort.administration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import klaspoort.peers.mail.CaughtMail;
import klaspoort.peers.mail.MailCatcher;
import nl.klaspoort.access.Role;
import nl.klaspoort.security.UserSessions;
import nl.klaspoort.support.FreshSchoolTest;
import nl.klaspoort.support.Sessions;
import nl.klaspoort.support.TestClock;
import nl.klaspoort.support.TestMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Issue 10, item 1: one's own login e-mail changes only with the current password and a confirmed new address. The
 * token is read from the confirmation mail the new address receives (the account module listens to
 * {@link EmailChangeRequested}); the old address is told once the change is made ({@link EmailChanged}). The events
 * are also caught here, to show that a refused request publishes none.
 */
class OwnEmailChangeTest extends FreshSchoolTest {

    private static final String REQUEST = """
            mutation($input: MyEmailChangeRequestInput!) { myEmailChangeRequest(input: $input) {
              email pendingEmail expiresAt errors { code field params { name value } } } }""";
    private static final String CONFIRM = """
            mutation($input: MyEmailChangeConfirmInput!) { myEmailChangeConfirm(input: $input) {
              email pendingEmail errors { code field } } }""";

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    TestClock clock;

    @Autowired
    UserSessions sessions;

    private final List<Object> mails = new CopyOnWriteArrayList<>();
    private final ApplicationListener<ApplicationEvent> mailbox = event -> {
        if (event instanceof PayloadApplicationEvent<?> published
                && (published.getPayload() instanceof EmailChangeRequested || published.getPayload() instanceof EmailChanged)) {
            mails.add(published.getPayload());
        }
    };

    @BeforeEach
    void listenAsTheMailWould() {
        context.addApplicationListener(mailbox);
    }

    @AfterEach
    void stopListening() {
        context.getBean(AbstractApplicationContext.APPLICATION_EVENT_MULTICASTER_BEAN_NAME, ApplicationEventMulticaster.class)
                .removeApplicationListener(mailbox);
        clock.reset();
    }

    private GraphQlTester.Response request(HttpGraphQlTester who, String password, String newEmail) {
        return who.document(REQUEST).variable("input", Map.of("currentPassword", password, "newEmail", newEmail)).execute();
    }

    private GraphQlTester.Response confirm(HttpGraphQlTester who, String token) {
        return who.document(CONFIRM).variable("input", Map.of("token", token)).execute();
    }

    private static String tokenMailedTo(String address) {
        CaughtMail mail = TestMail.catcher().awaitMail(MailCatcher.to(address)
                .and(m -> m.subject().equals("Bevestig uw nieuwe e-mailadres voor Klaspoort")), Duration.ofSeconds(20));
        String link = mail.links().getFirst();
        assertThat(link).contains("/e-mailadres-bevestigen#");
        return link.substring(link.indexOf('#') + 1);
    }

    private String emailOf(long user) {
        return fixture.email(user);
    }

    @Test
    void withThePasswordAndTheTokenFromTheNewAddressTheLoginChangesIsAuditedAtEverySchoolAndOtherSessionsEnd() {
        long me = school.supervisorA();
        String old = emailOf(me);
        long otherSchool = fixture.school().create().id();
        fixture.grant(otherSchool, me, Role.SUPERVISOR);
        Sessions.Session session = Sessions.login(port, old, Sessions.PROFESSIONAL_PASSWORD);
        Sessions.login(port, old, Sessions.PROFESSIONAL_PASSWORD); // another browser
        HttpGraphQlTester browser = Sessions.tester(port, session);
        String address = "bea.nieuw." + me + "@test.klaspoort.nl";

        GraphQlTester.Response requested = request(browser, Sessions.PROFESSIONAL_PASSWORD, " Bea.Nieuw." + me + "@Test.Klaspoort.nl ");
        requested.path("myEmailChangeRequest.errors").entityList(Object.class).hasSize(0)
                .path("myEmailChangeRequest.email").entity(String.class).isEqualTo(old)
                .path("myEmailChangeRequest.pendingEmail").entity(String.class).isEqualTo(address);
        // nothing changes until the new address confirms
        assertThat(emailOf(me)).isEqualTo(old);
        String token = tokenMailedTo(address);
        assertThat(token).hasSize(64);
        assertThat(jdbc.sql("select count(*) from email_change where token_hash like '%' || :t || '%'").param("t", token)
                .query(Integer.class).single()).as("only a hash of the token is stored").isZero();

        confirm(browser, "0".repeat(64)).path("myEmailChangeConfirm.errors[*].code").entityList(String.class)
                .containsExactly("EMAIL_CHANGE_EXPIRED");
        assertThat(emailOf(me)).isEqualTo(old);

        assertThat(sessions.count(me)).isEqualTo(2);
        confirm(browser, token).path("myEmailChangeConfirm.errors").entityList(Object.class).hasSize(0)
                .path("myEmailChangeConfirm.email").entity(String.class).isEqualTo(address);
        assertThat(emailOf(me)).isEqualTo(address);
        assertThat(sessions.count(me)).as("the other browser is signed out, this one is not").isEqualTo(1);
        browser.document("{ me { user { username } } }").execute().path("me.user.username").entity(String.class).isEqualTo(address);
        assertThat(mails).contains(new EmailChanged(me, old, address));
        CaughtMail notice = TestMail.catcher().awaitMail(MailCatcher.to(old)
                .and(m -> m.subject().equals("Het e-mailadres van uw Klaspoort-account is gewijzigd")), Duration.ofSeconds(20));
        assertThat(notice.text()).as("the new address is masked").doesNotContain(address);

        // the token is single-use
        confirm(browser, token).path("myEmailChangeConfirm.errors[*].code").entityList(String.class)
                .containsExactly("EMAIL_CHANGE_EXPIRED");
        assertThat(Sessions.login(port, address, Sessions.PROFESSIONAL_PASSWORD)).isNotNull();
        assertThatThrownBy(() -> Sessions.login(port, old, Sessions.PROFESSIONAL_PASSWORD)).isInstanceOf(IllegalStateException.class);
        // audited at both schools, as a profile change by the person themselves
        assertThat(jdbc.sql("""
                        select count(distinct school_id) from audit_event
                         where action = 'USER_UPDATE' and target_id = :me and actor_id = :me and after_state::text like '%' || :a || '%'
                        """).param("me", me).param("a", address).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void aWrongPasswordOrAnInvalidAddressChangesNothingAndWrongPasswordsAreThrottled() {
        long me = school.supervisorB();
        HttpGraphQlTester browser = Sessions.tester(port, emailOf(me));
        request(browser, "Fout2026xx", "ergens@test.klaspoort.nl").path("myEmailChangeRequest.errors[*].code")
                .entityList(String.class).containsExactly("WRONG_PASSWORD");
        request(browser, Sessions.PROFESSIONAL_PASSWORD, "geen-adres").path("myEmailChangeRequest.errors[*].field")
                .entityList(String.class).containsExactly("newEmail");
        assertThat(mails).isEmpty();
        assertThat(jdbc.sql("select count(*) from email_change where user_id = :me").param("me", me).query(Integer.class).single()).isZero();

        for (int i = 0; i < 4; i++) {
            request(browser, "Fout2026xx" + i, "ergens@test.klaspoort.nl");
        }
        GraphQlTester.Response throttled = request(browser, Sessions.PROFESSIONAL_PASSWORD, "ergens@test.klaspoort.nl");
        throttled.path("myEmailChangeRequest.errors[*].code").entityList(String.class).containsExactly("TOO_MANY_REQUESTS");
        assertThat(mails).isEmpty();
    }

    @Test
    void aTokenExpiresAfterADayAndANewRequestReplacesThePendingOne() {
        long me = school.supervisorA();
        String old = emailOf(me);
        HttpGraphQlTester browser = Sessions.tester(port, old);
        request(browser, Sessions.PROFESSIONAL_PASSWORD, "eerste." + me + "@test.klaspoort.nl");
        String first = tokenMailedTo("eerste." + me + "@test.klaspoort.nl");
        request(browser, Sessions.PROFESSIONAL_PASSWORD, "tweede." + me + "@test.klaspoort.nl");
        String second = tokenMailedTo("tweede." + me + "@test.klaspoort.nl");
        confirm(browser, first).path("myEmailChangeConfirm.errors[*].code").entityList(String.class)
                .containsExactly("EMAIL_CHANGE_EXPIRED");

        // a day and a minute later (moved in the database: moving the clock would also end the session, whose
        // absolute lifetime is shorter than the token's validity)
        jdbc.sql("""
                update email_change set requested_at = requested_at - interval '24 hours 1 minute',
                                        expires_at = expires_at - interval '24 hours 1 minute'
                 where user_id = :me and confirmed_at is null and superseded_at is null
                """).param("me", me).update();
        confirm(browser, second).path("myEmailChangeConfirm.errors[*].code").entityList(String.class)
                .containsExactly("EMAIL_CHANGE_EXPIRED");
        assertThat(emailOf(me)).isEqualTo(old);
    }

    @Test
    void anAddressSomeoneElseTookMeanwhileIsToldOnlyToTheOwnerOfTheAddress() {
        long me = school.supervisorA();
        HttpGraphQlTester browser = Sessions.tester(port, emailOf(me));
        String taken = emailOf(school.supervisorB());
        // the request does not say whether the address has an account
        request(browser, Sessions.PROFESSIONAL_PASSWORD, taken).path("myEmailChangeRequest.errors").entityList(Object.class).hasSize(0);
        confirm(browser, tokenMailedTo(taken)).path("myEmailChangeConfirm.errors[*].code").entityList(String.class)
                .containsExactly("EMAIL_TAKEN");
        assertThat(emailOf(me)).isNotEqualTo(taken);
    }

    @Test
    void aPupilHasNoLoginEmailToChange() {
        HttpGraphQlTester pupil = Sessions.tester(port, Sessions.STUDENT_REGENBOOG);
        request(pupil, Sessions.STUDENT_PASSWORD, "leerling@test.klaspoort.nl").errors()
                .satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN")));
    }
}
