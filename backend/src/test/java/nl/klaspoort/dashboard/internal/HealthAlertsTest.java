package nl.klaspoort.dashboard.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import klaspoort.peers.mail.CaughtMail;
import klaspoort.peers.mail.MailCatcher;
import nl.klaspoort.support.FreshSchoolTest;
import nl.klaspoort.support.Sessions;
import nl.klaspoort.support.SqlStatementCounter;
import nl.klaspoort.support.TestClock;
import nl.klaspoort.support.TestMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** X9: concrete alerts with the screen that fixes them, for admins on the dashboard and by mail at most once a day. */
class HealthAlertsTest extends FreshSchoolTest {

    private static final String ALERTS = "query($s: ID!) { school(id: $s) { alerts { code count group message fixPath } } }";

    @Autowired
    HealthAlerts alerts;

    @Autowired
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    @DisplayName("X9 the admin's dashboard says which pupils have no product, who cannot log in and that the IP address is missing")
    void alertsOnTheDashboard() {
        for (int i = 0; i < 3; i++) {
            fixture.student(school.id(), "Kim", null, "Zonder" + i, 5, "groep 5b");
        }
        jdbc.sql("update app_user set password_hash = null where id = :id").param("id", school.supervisorB()).update();

        SqlStatementCounter.reset();
        List<Map<String, Object>> found = admin.document(ALERTS).variable("s", school.id()).execute()
                .path("school.alerts").entityList(Object.class).get().stream().map(o -> {
                    @SuppressWarnings("unchecked") Map<String, Object> m = (Map<String, Object>) o;
                    return m;
                }).toList();
        assertThat(SqlStatementCounter.count()).as("school, roles, alerts").isLessThanOrEqualTo(4);
        assertThat(found).extracting(m -> m.get("message")).containsExactly(
                "3 leerlingen in groep 5b hebben geen product: koppel ze.",
                "1 onderwijsprofessional heeft nog geen wachtwoord ingesteld en kan niet inloggen.",
                "Het IP-adres van de school is nog niet ingesteld: alle oefentijd telt nu als thuis.");
        assertThat(found).extracting(m -> m.get("fixPath")).containsExactly("/beheer", "/beheer", "/beheer/ip-adressen");

        assertThat(Sessions.tester(port, fixture.email(school.supervisorA())).document(ALERTS).variable("s", school.id())
                .execute().path("school.alerts").entityList(Object.class).get()).as("a supervisor sees none").isEmpty();
    }

    @Test
    @DisplayName("X9 the admins are mailed the alerts at most once a day")
    void mailedAtMostOnceADay() {
        // a morning, so that two hours later is the same day in Amsterdam whenever the test runs
        clock.moveToAmsterdam(java.time.LocalDate.now(nl.klaspoort.platform.Amsterdam.ZONE) + "T09:00");
        fixture.student(school.id(), "Kim", null, "Zonder", 5, "groep 5b");
        assertThat(alerts.mailAdmins()).isPositive();
        CaughtMail mail = TestMail.catcher().awaitMail(MailCatcher.to(school.adminEmail()), Duration.ofSeconds(30));
        assertThat(mail.text()).contains("1 leerling in groep 5b heeft geen product: koppel de leerling.");
        assertThat(mail.links()).anyMatch(link -> link.endsWith("/beheer/ip-adressen"));

        alerts.mailAdmins();
        clock.advance(Duration.ofHours(2));
        alerts.mailAdmins();
        assertThat(mailDays()).as("once a day").isEqualTo(1);

        clock.advance(Duration.ofDays(1));
        alerts.mailAdmins();
        assertThat(mailDays()).as("and again the next day").isEqualTo(2);
        assertThat(TestMail.catcher().mails(MailCatcher.to(school.adminEmail()))).hasSizeLessThanOrEqualTo(2);
    }

    private int mailDays() {
        return jdbc.sql("select count(*) from health_alert_mail where school_id = :s").param("s", school.id())
                .query(Integer.class).single();
    }
}
