package nl.klaspoort.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.stream.Collectors;

/** X7: an axe-core scan of the page as it is now; serious and critical WCAG 2.1 A/AA violations fail the journey. */
public final class Accessibility {

    private Accessibility() {}

    public static void assertNoSeriousViolations(Page page) {
        // scan the page as it settles: not while a list is dimmed (aria-busy) or data is loading
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("[aria-busy=true], .kp-busy"))
                .hasCount(0);
        // nor while a dimmed list fades back in (a CSS transition is an animation of the document)
        page.waitForFunction("() => document.getAnimations().every(a => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity)");
        AxeResults results = new AxeBuilder(page)
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze();
        List<Rule> serious = results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .toList();
        assertThat(serious)
                .as(() -> "axe-core violations on " + page.url() + ":\n" + serious.stream()
                        .map(v -> v.getImpact() + " " + v.getId() + ": " + v.getHelp() + " → " + v.getNodes().stream()
                                .map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                        .collect(Collectors.joining("\n")))
                .isEmpty();
    }
}
