package nl.klaspoort.results.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
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
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** X10: the weekly digest has the results overview's numbers, is a page, and is mailed unless turned off. */
class WeeklyDigestTest extends FreshSchoolTest {

    private static final String DIGEST = """
            query($s: ID!, $w: String) { weeklyDigest(schoolId: $s, week: $w) { week monday
              products { productName pupils { studentId displayName schoolSeconds homeSeconds testDue } } } }""";

    @Autowired
    TestClock clock;

    @Autowired
    WeeklyDigests digests;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    @DisplayName("X10 the digest's numbers match the overview's for the same week, and it is mailed on Monday unless turned off")
    void digestMatchesTheOverviewAndIsMailed() {
        long leeslab = fixture.productId("LEESLAB");
        long supervisor = school.supervisorA();
        long ans = fixture.student(school.id(), "Ans", null, "Digest", 5, "5a");
        long bram = fixture.student(school.id(), "Bram", "de", "Digest", 5, "5a");
        fixture.enroll(school.id(), ans, leeslab, supervisor);
        fixture.enroll(school.id(), bram, leeslab, supervisor);
        fixture.session(school.id(), ans, leeslab, Instant.parse("2026-11-24T09:00:00Z"), 20, "SCHOOL", 1, true, null);
        fixture.session(school.id(), ans, leeslab, Instant.parse("2026-11-26T18:00:00Z"), 15, "HOME", 2, true, null);
        fixture.session(school.id(), bram, leeslab, Instant.parse("2026-11-17T09:00:00Z"), 30, "SCHOOL", 1, true, null);
        clock.moveTo(Instant.parse("2026-12-01T09:00:00Z"));

        HttpGraphQlTester browser = Sessions.tester(port, fixture.email(supervisor));
        SqlStatementCounter.reset();
        var digest = browser.document(DIGEST).variable("s", school.id()).execute();
        assertThat(SqlStatementCounter.count()).as("roles, one statement for the week").isLessThanOrEqualTo(3);
        digest.path("weeklyDigest.week").entity(String.class).isEqualTo("2026-W48");
        List<Map<String, Object>> pupils = digest.path("weeklyDigest.products[0].pupils").entityList(Object.class).get()
                .stream().map(WeeklyDigestTest::map).toList();
        var overview = browser.documentName("results-overview").variable("schoolId", school.id())
                .variable("productId", leeslab).variable("week", "2026-W48").variable("first", 50).execute();
        List<Map<String, Object>> rows = overview.path("school.resultsOverview.edges[*].node").entityList(Object.class).get()
                .stream().map(WeeklyDigestTest::map).toList();
        assertThat(pupils).hasSize(2).hasSameSizeAs(rows);
        for (int i = 0; i < rows.size(); i++) {
            assertThat(pupils.get(i).get("studentId")).isEqualTo(rows.get(i).get("studentId"));
            Map<String, Object> time = map(rows.get(i).get("practiceTime"));
            assertThat(pupils.get(i).get("schoolSeconds")).isEqualTo(time.get("schoolSeconds"));
            assertThat(pupils.get(i).get("homeSeconds")).isEqualTo(time.get("homeSeconds"));
            assertThat(pupils.get(i).get("testDue")).isEqualTo(Integer.valueOf(1).equals(rows.get(i).get("lessonsUntilNextTest")));
        }
        assertThat(pupils).extracting(p -> p.get("schoolSeconds")).containsExactly(1200, 0);
        assertThat(pupils).extracting(p -> p.get("homeSeconds")).containsExactly(900, 0);

        assertThat(digests.mailAll()).isPositive();
        CaughtMail mail = TestMail.catcher().awaitMail(MailCatcher.to(fixture.email(supervisor)), Duration.ofSeconds(30));
        assertThat(mail.text()).contains("Ans Digest", "Bram de Digest");

        browser.document("mutation { weeklyDigestSubscriptionSet(input: { subscribed: false }) { subscribed } }").execute()
                .path("weeklyDigestSubscriptionSet.subscribed").entity(Boolean.class).isEqualTo(false);
        browser.document("{ weeklyDigestSubscribed }").execute().path("weeklyDigestSubscribed").entity(Boolean.class).isEqualTo(false);
        int before = TestMail.catcher().mails(MailCatcher.to(fixture.email(supervisor))).size();
        digests.mailAll();
        assertThat(jdbc.sql("select count(*) from weekly_digest_opt_out where user_id = :u").param("u", supervisor)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(TestMail.catcher().mails(MailCatcher.to(fixture.email(supervisor)))).hasSize(before);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }
}
