package nl.klaspoort.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import klaspoort.peers.mail.CaughtMail;
import klaspoort.peers.mail.MailCatcher;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Support (S1–S7) and Resultaten → Documentatie (RS5), with content the publisher publishes through GraphQL. */
class SupportIT extends BrowserJourney {

    private static final String SUPERVISOR = "begeleider@demo.klaspoort.nl";
    private static final String ADMIN_ONLY = "beheerder@demo.klaspoort.nl";

    private static String tag() {
        long n = System.nanoTime();
        return "" + (char) ('a' + n % 26) + (char) ('a' + n / 26 % 26) + (char) ('a' + n / 676 % 26) + (char) ('a' + n / 17576 % 26);
    }

    /** Publishes an article as the demo's publisher (the director holds PUBLISHER). */
    private static void publish(String kind, String productCode, String status, String title, String body, String url) {
        Api publisher = Api.signIn(app, "directeur@demo.klaspoort.nl", PROFESSIONAL_PASSWORD);
        Map<String, Object> input = new HashMap<>();
        input.put("kind", kind);
        input.put("productId", productCode == null ? null : publisher.productId(productCode));
        input.put("status", status);
        input.put("title", title);
        input.put("body", body);
        input.put("url", url);
        var result = publisher.graphql("""
                mutation($input: SupportArticlePublishInput!) { supportArticlePublish(input: $input) { errors { code field } } }
                """, Map.of("input", input));
        org.assertj.core.api.Assertions.assertThat(result.get("supportArticlePublish").get("errors").isEmpty()).isTrue();
    }

    private void openSupport(String login) {
        login(login, PROFESSIONAL_PASSWORD);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Support").setExact(true)).click();
        assertThat(page.locator("#support-title")).hasText("Support");
    }

    @Test
    @DisplayName("S1 the product status with its history and release notes, from the login page without signing in")
    void productStatusFromTheLoginPage() {
        String tag = tag();
        publish("STATUS", "SPELLINGSTER", "MAINTENANCE", "Onderhoud " + tag, "Zondag van 8 tot 10 uur.", null);
        publish("STATUS", "SPELLINGSTER", "DISRUPTED", "Storing " + tag, "Inloggen lukt niet; we werken eraan.", null);
        publish("RELEASE_NOTE", "SPELLINGSTER", null, "Versie " + tag, "Nieuwe dictees voor groep 7.", null);

        page.navigate("/login");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Productstatus")).click();
        var spellingster = page.locator("section.kp-status", new Page.LocatorOptions().setHasText("Spellingster"));
        assertThat(spellingster.locator(".kp-status-now")).containsText("Storing");
        assertThat(spellingster).containsText("Storing " + tag);
        assertThat(spellingster).containsText("Onderhoud " + tag);
        assertThat(spellingster).containsText("Versie " + tag);
        assertThat(spellingster).containsText("Nieuwe dictees voor groep 7.");
        Accessibility.assertNoSeriousViolations(page);
    }

    @Test
    @DisplayName("S2 S3 Support from the header: the FAQ is searched, and the manual downloads as a PDF with its headings")
    void faqAndManual() throws Exception {
        String tag = tag();
        publish("FAQ", null, null, "Hoe koppel ik een leerling " + tag + "?", "Kies Beheer, vink de leerling aan en kies Leerlingen koppelen.", null);
        openSupport(SUPERVISOR);
        page.getByLabel("Zoeken in de veelgestelde vragen").fill("koppel " + tag);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Hoe koppel ik een leerling " + tag + "?"))).isVisible();
        page.getByLabel("Zoeken in de veelgestelde vragen").fill("onvindbaar" + tag);
        assertThat(page.getByRole(AriaRole.MAIN).getByText("Geen vragen gevonden met deze woorden.")).isVisible();
        Accessibility.assertNoSeriousViolations(page);

        Download download = page.waitForDownload(() ->
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Handleiding downloaden (pdf)")).click());
        try (var pdf = Loader.loadPDF(Files.readAllBytes(download.path()))) {
            org.assertj.core.api.Assertions.assertThat(new PDFTextStripper().getText(pdf))
                    .contains("1. Inloggen", "5. Beheer", "7. Support", "8. Informatieplein");
        }
    }

    @Test
    @DisplayName("S4 a question through the contact form is stored and mailed to the helpdesk, and the sender gets its number")
    void contactForm() {
        String subject = "Leeslab blijft wit " + tag();
        openSupport(SUPERVISOR);
        Ui.button(page, "Vraag versturen").click();
        assertThat(page.getByRole(AriaRole.MAIN).getByText("Vul dit veld in: het is verplicht.")).hasCount(2);
        page.getByLabel("Onderwerp", new Page.GetByLabelOptions().setExact(true)).fill(subject);
        page.getByLabel("Uw vraag", new Page.GetByLabelOptions().setExact(true)).fill("Na het inloggen blijft het scherm wit, in groep 5.");
        Ui.button(page, "Vraag versturen").click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Uw vraag is verstuurd met nummer KP-");
        String reference = page.getByRole(AriaRole.STATUS).textContent().replaceAll(".*(KP-\\d{6,}).*", "$1");

        CaughtMail helpdesk = app.mail().awaitMail(MailCatcher.to("helpdesk@klaspoort.nl")
                .and(m -> m.subject().contains(reference)), Duration.ofSeconds(30));
        org.assertj.core.api.Assertions.assertThat(helpdesk.subject()).contains(subject);
        org.assertj.core.api.Assertions.assertThat(helpdesk.text()).contains("Na het inloggen blijft het scherm wit", SUPERVISOR);
        app.mail().awaitMail(MailCatcher.to(SUPERVISOR).and(m -> m.subject().contains(reference)), Duration.ofSeconds(30));
    }

    @Test
    @DisplayName("S7 the Informatieplein shows a product's news to who works with it; an admin without the product does not see it")
    void informationSquare() {
        String title = "Leesweek " + tag();
        publish("INFO", "LEESLAB", null, title, "Doe mee met de landelijke leesweek.", null);
        login(SUPERVISOR, PROFESSIONAL_PASSWORD);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Informatieplein").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(title))).isVisible();
        Accessibility.assertNoSeriousViolations(page);

        context.clearCookies();
        login(ADMIN_ONLY, PROFESSIONAL_PASSWORD);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Informatieplein").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.MAIN).getByText("Er is geen nieuws voor uw producten.")).isVisible();
        assertThat(page.getByRole(AriaRole.MAIN).getByText(title)).hasCount(0);
    }

    @Test
    @DisplayName("RS5 under Resultaten → Documentatie a supervisor finds the chosen product's videos and manuals")
    void documentation() {
        String title = "Instructievideo " + tag();
        publish("DOCUMENT", "LEESLAB", null, title, "Zo start u een leesles.", "https://video.example/leeslab");
        login(SUPERVISOR, PROFESSIONAL_PASSWORD);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Resultaten").setExact(true)).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Documentatie").setExact(true)).click();
        assertThat(page.locator("#docs-title")).hasText("Documentatie");
        Ui.select(page, "Product", "Leeslab");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(title))).isVisible();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Openen: " + title)))
                .hasAttribute("href", "https://video.example/leeslab");
        Accessibility.assertNoSeriousViolations(page);
    }
}
