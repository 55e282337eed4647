package nl.klaspoort.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import nl.klaspoort.mail.Mail;
import nl.klaspoort.mail.RenderedMail;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every mail in both languages, as HTML and text from one description; placeholders, escaping, numbers and dates. */
class MailTemplatesTest {

    static final Locale NL = Locale.of("nl");
    static final URI LINK = URI.create("https://klaspoort.example/wachtwoord-instellen?token=Zx81-aQ");
    /** 13:30 UTC = 14:30 in Amsterdam (winter time). */
    static final Instant EXPIRES = Instant.parse("2026-12-08T13:30:00Z");

    final TemplateRenderer templates = new TemplateRenderer();

    static Stream<Mail> everyMail() {
        return Stream.of(
                new Mail.Activation("Ans", "OBS De Regenboog", LINK, EXPIRES),
                new Mail.PasswordReset("Ans", LINK, EXPIRES),
                new Mail.PasswordChanged("Ans", EXPIRES, URI.create("https://klaspoort.example/login")),
                new Mail.EmailChange("Ans", "ans.nieuw@school.example", LINK, EXPIRES),
                new Mail.EmailChangeNotice("Ans", "ans.nieuw@school.example"),
                new Mail.ContactCopy("Ans", "KP-2026-000042", "Inloggen lukt niet", "Leeslab", "Goedemiddag,\nhet lukt niet."),
                new Mail.ContactToHelpdesk("KP-2026-000042", "Ans de Vries", "ans@school.example", "OBS De Regenboog",
                        "99DR", null, "Inloggen lukt niet", "Goedemiddag,\nhet lukt niet.", EXPIRES),
                new Mail.HealthAlert("Ans", "OBS De Regenboog", List.of(
                        new Mail.Alert("12 leerlingen in groep 5 hebben geen product: koppel ze.",
                                URI.create("https://klaspoort.example/beheer?leerjaar=5")),
                        new Mail.Alert("Het IP-adres van de school is nog niet ingesteld.",
                                URI.create("https://klaspoort.example/beheer/ip-adressen"))),
                        URI.create("https://klaspoort.example/")),
                digest());
    }

    static Mail.WeeklyDigest digest() {
        return new Mail.WeeklyDigest("Bram", "OBS De Regenboog", 2026, 48, LocalDate.of(2026, 11, 23), List.of(
                new Mail.ProductWeek("Leeslab", List.of(
                        new Mail.PupilWeek("Sanne de Jong", 5, Duration.ofMinutes(45), Duration.ofMinutes(20), true),
                        new Mail.PupilWeek("Daan Bakker", 5, Duration.ZERO, Duration.ZERO, false),
                        new Mail.PupilWeek("Noor El Amrani", 6, Duration.ofSeconds(89), Duration.ofMinutes(125), false))),
                new Mail.ProductWeek("Rekenroute", List.of())),
                URI.create("https://klaspoort.example/resultaten/weekoverzicht"),
                URI.create("https://klaspoort.example/profiel"));
    }

    @ParameterizedTest
    @MethodSource("everyMail")
    void everyMailRendersInBothLanguagesWithEveryPlaceholderFilled(Mail mail) {
        for (Locale language : List.of(NL, Locale.ENGLISH)) {
            RenderedMail rendered = templates.render(mail, language);
            assertThat(rendered.language()).isEqualTo(language);
            assertThat(rendered.subject()).isNotBlank().doesNotContain("{", "}", "mail.");
            assertThat(rendered.text()).doesNotContain("{", "}", "mail.", "</", "<p", "<a ").contains("Klaspoort");
            assertThat(rendered.html()).startsWith("<!doctype html><html lang=\"" + language.getLanguage() + "\">")
                    .doesNotContain("{", "}", "mail.", "<script").endsWith("</html>");
            assertThat(rendered.text().lines()).allSatisfy(line -> assertThat(line.length() <= TextLayout.WIDTH
                    || line.startsWith("http") || line.contains("https://")).as(line).isTrue());
        }
    }

    @Test
    void activationSaysWhatToDoWithTheLinkInBothBodiesAndWhenItExpiresInAmsterdamTime() {
        RenderedMail nl = templates.render(new Mail.Activation("Ans", "OBS De Regenboog", LINK, EXPIRES), NL);
        assertThat(nl.subject()).isEqualTo("Stel uw wachtwoord in voor Klaspoort");
        assertThat(nl.text()).startsWith("Beste Ans,\n\nEr is voor u een account aangemaakt in Klaspoort voor OBS De Regenboog.")
                .contains("Wachtwoord instellen:\n" + LINK + "\n")
                .contains("De link werkt één keer en is geldig tot 8 december 2026", "14:30")
                .contains("‘Wachtwoord vergeten of wachtwoord instellen?’")
                .contains("Met vriendelijke groet,\nKlaspoort");
        assertThat(nl.html()).contains("<a href=\"" + LINK + "\"", ">Wachtwoord instellen</a>", "14:30");
        RenderedMail en = templates.render(new Mail.Activation("Ans", "OBS De Regenboog", LINK, EXPIRES), Locale.ENGLISH);
        assertThat(en.subject()).isEqualTo("Set your password for Klaspoort");
        assertThat(en.text()).startsWith("Dear Ans,").contains("December 8, 2026", "14:30", "Set password:\n" + LINK);
        assertThat(templates.render(new Mail.Activation("Ans", "S", LINK, EXPIRES), Locale.GERMAN).language())
                .as("a language without mails gets Dutch").isEqualTo(NL);
    }

    @Test
    void whatPeopleTypeIsEscapedInHtmlAndKeptInText() {
        Mail contact = new Mail.ContactCopy("<b>Ans</b>", "KP-1", "Vraag & \"antwoord\"", null,
                "<script>alert(1)</script>\nTweede regel");
        RenderedMail rendered = templates.render(contact, NL);
        assertThat(rendered.html()).contains("&lt;b&gt;Ans&lt;/b&gt;", "&lt;script&gt;alert(1)&lt;/script&gt;",
                "Vraag &amp; &quot;antwoord&quot;", "Geen specifiek product").doesNotContain("<script>", "<b>Ans");
        assertThat(rendered.text()).contains("Beste <b>Ans</b>,", "> <script>alert(1)</script>\n> Tweede regel",
                "Onderwerp: Vraag & \"antwoord\"");
    }

    @Test
    void helpdeskMailCarriesTheQuestionAndRepliesGoToTheSender() {
        RenderedMail rendered = templates.render((Mail) everyMail().filter(Mail.ContactToHelpdesk.class::isInstance)
                .findFirst().orElseThrow(), NL);
        assertThat(rendered.subject()).isEqualTo("[KP-2026-000042] Inloggen lukt niet");
        assertThat(rendered.replyTo()).isEqualTo("ans@school.example");
        assertThat(rendered.text()).contains("Van: Ans de Vries <ans@school.example>", "School: OBS De Regenboog (99DR)",
                "Verstuurd: 8 december 2026", "> Goedemiddag,\n> het lukt niet.");
        assertThat(templates.render(new Mail.PasswordReset("A", LINK, EXPIRES), NL).replyTo()).isNull();
    }

    @Test
    void healthAlertListsEachPointWithTheLinkThatFixesIt() {
        Mail alert = everyMail().filter(Mail.HealthAlert.class::isInstance).findFirst().orElseThrow();
        RenderedMail nl = templates.render(alert, NL);
        assertThat(nl.subject()).isEqualTo("2 punten om op te lossen in Klaspoort voor OBS De Regenboog");
        assertThat(nl.text()).contains("- 12 leerlingen in groep 5 hebben geen product: koppel ze.\n"
                + "  Oplossen: https://klaspoort.example/beheer?leerjaar=5");
        assertThat(nl.html()).contains("<a href=\"https://klaspoort.example/beheer/ip-adressen\"");
        Mail one = new Mail.HealthAlert("Ans", "X", List.of(new Mail.Alert("a", LINK)), LINK);
        assertThat(templates.render(one, NL).subject()).startsWith("Eén punt");
        assertThat(templates.render(one, Locale.ENGLISH).subject()).isEqualTo("One point to fix in Klaspoort for X");
    }

    @Test
    void digestShowsEachPupilsWeekWithLocalDurationsAndCounts() {
        RenderedMail nl = templates.render(digest(), NL);
        assertThat(nl.subject()).isEqualTo("Weekoverzicht week 48: OBS De Regenboog");
        assertThat(nl.text().replace('\n', ' '))
                .contains("in week 48 van 2026 (maandag 23 november tot en met zondag 29 november 2026)");
        assertThat(nl.text().replaceAll("\n +", " ")).as("continuation lines joined")
                .contains("2 leerlingen hebben geoefend, 1 niet. 1 leerling is toe aan een toets.")
                .contains("- Sanne de Jong (groep 5): op school 45\u00a0min, thuis 20\u00a0min, totaal 1\u00a0u\u00a005\u00a0min; toets aan de beurt")
                .contains("- Daan Bakker (groep 5): op school 0\u00a0min, thuis 0\u00a0min, totaal 0\u00a0min\n")
                .contains("- Noor El Amrani (groep 6): op school 1\u00a0min, thuis 2\u00a0u\u00a005\u00a0min, totaal 2\u00a0u\u00a006\u00a0min")
                .contains("U volgt in dit product geen leerlingen op deze school.")
                .contains("Naar uw profiel:\nhttps://klaspoort.example/profiel");
        assertThat(nl.html()).contains("<th scope=\"col\"", ">Op school</th>", "<td style=\"padding:6px 8px;border-bottom:1px solid #e6ebf0;\">1\u00a0u\u00a005\u00a0min</td>");
        RenderedMail en = templates.render(digest(), Locale.ENGLISH);
        assertThat(en.text().replaceAll("\n +", " ").replace('\n', ' ')).contains(
                "at school 45\u00a0min, at home 20\u00a0min, total 1\u00a0h\u00a005\u00a0min; due for a test",
                "(Monday November 23 to Sunday November 29, 2026)");
    }

    @Test
    void theOldAddressSeesTheNewOneMasked() {
        RenderedMail notice = templates.render(new Mail.EmailChangeNotice("Ans", "ans.nieuw@school.example"), NL);
        assertThat(notice.text()).contains("a•••@school.example").doesNotContain("ans.nieuw");
    }

    @Test
    void bothLanguagesHaveTheSameKeysAndLinksMustBeAbsoluteWebLinks() {
        var keys = MailTexts.BUNDLE.keys();
        assertThat(keys.get(Locale.ENGLISH)).containsExactlyInAnyOrderElementsOf(keys.get(NL));
        assertThatThrownBy(() -> templates.render(new Mail.PasswordReset("A", URI.create("javascript:alert(1)"), EXPIRES), NL))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> templates.render(new Mail.PasswordReset("A", URI.create("/relative"), EXPIRES), NL))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
