package nl.klaspoort.e2e;

import com.google.gson.JsonObject;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;

/**
 * Base of every journey: the packaged app ({@link KlaspoortApp}), Debian's Chromium driven by Playwright (no browser
 * download), a fresh browser context per test, Dutch locale, and a screenshot of the page when a test fails
 * ({@code e2e/target/journeys/}).
 */
@ExtendWith(BrowserJourney.ScreenshotOnFailure.class)
public abstract class BrowserJourney {

    public static final String PROFESSIONAL_PASSWORD = "Klaspoort2026";
    public static final String STUDENT_PASSWORD = "Oefenen2026";

    private static Playwright playwright;
    private static Browser browser;

    protected static KlaspoortApp app;
    protected BrowserContext context;
    protected Page page;
    /** What the browser refused under the Content-Security-Policy during this journey: must stay empty. */
    protected final List<String> policyViolations = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeAll
    static void startBrowser() {
        app = KlaspoortApp.get();
        // an assertion waits as long as an action does: on a machine shared with other builds a Basispoort round trip
        // or a page's first load can take longer than Playwright's 5 s default
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of(System.getProperty("klaspoort.chromium", "/usr/bin/chromium")))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
    }

    @AfterAll
    static void stopBrowser() {
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void openPage() {
        context = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL(app.baseUrl())
                .setLocale("nl-NL")
                .setViewportSize(1280, 900));
        context.setDefaultTimeout(15_000);
        page = context.newPage();
        // the browser's own complaints end up in the test output, next to a failure's screenshot
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type()) || "warning".equals(message.type())) {
                System.out.println("[browser " + message.type() + "] " + message.text());
            }
            // the framework's development-mode probe tries eval and catches the refusal: expected, harmless
            if (message.text().contains("Content Security Policy") && !message.text().startsWith("vaadin-development-mode-detector")) {
                policyViolations.add(message.text());
            }
        });
        page.onPageError(error -> System.out.println("[page error] " + error));
    }

    @AfterEach
    void closePage() {
        context.close();
        org.assertj.core.api.Assertions.assertThat(policyViolations)
                .as("the SPA runs under its Content-Security-Policy without violations").isEmpty();
    }

    /** Signs in through the login page and waits for the dashboard. */
    protected void login(String username, String password) {
        page.navigate("/login");
        page.getByLabel("E-mailadres of gebruikersnaam").fill(username);
        page.getByLabel("Wachtwoord", new Page.GetByLabelOptions().setExact(true)).fill(password);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Inloggen")).click();
    }

    /** From now on the page's connection is slow: {@code latencyMillis} per request, 50 kB/s each way (crowded wifi). */
    protected void slowConnection(int latencyMillis) {
        emulateNetwork(latencyMillis, 50_000);
    }

    /** The page's connection as it was before {@link #slowConnection}. */
    protected void normalConnection() {
        emulateNetwork(0, -1);
    }

    private void emulateNetwork(int latencyMillis, int bytesPerSecond) {
        com.microsoft.playwright.CDPSession cdp = context.newCDPSession(page);
        cdp.send("Network.enable");
        JsonObject conditions = new JsonObject();
        conditions.addProperty("offline", false);
        conditions.addProperty("latency", latencyMillis);
        conditions.addProperty("downloadThroughput", bytesPerSecond);
        conditions.addProperty("uploadThroughput", bytesPerSecond);
        cdp.send("Network.emulateNetworkConditions", conditions);
    }

    /** Switches the login page to English and signs in there. */
    protected void loginInEnglish(String username, String password) {
        page.navigate("/login");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("English")).click();
        page.getByLabel("E-mail address or username").fill(username);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(password);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
    }

    /** Opens a mailed "wachtwoord instellen" link and saves {@code password} with it. */
    protected void choosePassword(String link, String password) {
        page.navigate(link);
        page.getByLabel("Nieuw wachtwoord", new Page.GetByLabelOptions().setExact(true)).fill(password);
        page.getByLabel("Herhaal het nieuwe wachtwoord").fill(password);
        Ui.button(page, "Wachtwoord opslaan").click();
    }

    /** Runs after the test method and before {@code @AfterEach}, while the page is still open. */
    static final class ScreenshotOnFailure implements AfterTestExecutionCallback {
        @Override
        public void afterTestExecution(ExtensionContext extension) {
            if (extension.getExecutionException().isEmpty()) {
                return;
            }
            extension.getTestInstance().filter(BrowserJourney.class::isInstance).map(BrowserJourney.class::cast)
                    .filter(journey -> journey.page != null && !journey.page.isClosed())
                    .ifPresent(journey -> {
                        try {
                            Path dir = Path.of(System.getProperty("klaspoort.reports", "target/journeys"));
                            Files.createDirectories(dir);
                            journey.page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                                    .setPath(dir.resolve(extension.getRequiredTestMethod().getName() + ".png")));
                            // and what the application printed last, to tell a slow server from a lost click
                            Files.write(dir.resolve(extension.getRequiredTestMethod().getName() + ".log"), app.tail());
                        } catch (Exception ignored) {
                            // the failure itself is what matters
                        }
                    });
        }
    }
}
