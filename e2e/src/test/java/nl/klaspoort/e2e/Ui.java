package nl.klaspoort.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** Small helpers for Vaadin components in Playwright (they render their parts in shadow DOM and overlays). */
final class Ui {

    private Ui() {}

    static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    /** Picks an option of the vaadin-select with this label. */
    static void select(Page page, String label, String option) {
        component(page, "vaadin-select", label).first().click();
        choose(page, option);
    }

    /** Clicks an option of the open select, and waits until its list has closed (a click meanwhile would be lost). */
    private static void choose(Page page, String option) {
        Locator item = page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(option).setExact(true));
        item.click();
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(item).isHidden();
    }

    /** Ticks items of the n-th visible vaadin-checkbox-group with this label. */
    static void tick(Page page, String group, int nth, String... items) {
        Locator box = page.locator("vaadin-checkbox-group:has(> label:text-is('" + group + "'))")
                .filter(new Locator.FilterOptions().setVisible(true)).nth(nth);
        for (String item : items) {
            box.locator("vaadin-checkbox:has(> label:text-is('" + item + "'))").click();
        }
    }

    static Locator checkbox(Page page, String label) {
        return component(page, "vaadin-checkbox", label);
    }

    /** A Vaadin field by its label (React sets `label` as a property; the label itself is a light-DOM child). */
    static Locator component(Page page, String tag, String label) {
        return page.locator(tag + ":has(> label:text-is('" + label.replace("'", "\\'") + "'))");
    }

    static void fill(Page page, String label, String value) {
        page.getByLabel(label, new Page.GetByLabelOptions().setExact(true)).fill(value);
    }

    /** Chooses a task from the "Kies een beheertaak" menu. */
    static void task(Page page, String task) {
        page.getByText("Kies een beheertaak").click();
        page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName(task)).click();
    }

    /** Visible table cells with this text. */
    static Locator row(Page page, String text) {
        return page.locator("table.kp-table td, table.kp-table th[scope=row]")
                .filter(new Locator.FilterOptions().setHasText(java.util.regex.Pattern.compile("^\\s*" + text.replaceAll("[.*+?^${}()|\\[\\]\\\\]", "\\\\$0") + "\\s*$")))
                .filter(new Locator.FilterOptions().setVisible(true));
    }

    /** Visible table rows that contain every one of these texts (e.g. a Logboek entry: its action, target and change). */
    static Locator rowWith(Page page, String... texts) {
        Locator rows = page.locator("table.kp-table tbody tr").filter(new Locator.FilterOptions().setVisible(true));
        for (String text : texts) {
            rows = rows.filter(new Locator.FilterOptions().setHasText(text));
        }
        return rows;
    }

    /** Visible table cells that contain this text (e.g. one badge among several). */
    static Locator cellContaining(Page page, String text) {
        return page.locator("table.kp-table td").filter(new Locator.FilterOptions().setHasText(text))
                .filter(new Locator.FilterOptions().setVisible(true));
    }

    /** Ticks the row checkbox of a user in task mode. */
    static void selectUser(Page page, String name) {
        page.getByLabel("Selecteer " + name, new Page.GetByLabelOptions().setExact(true))
                .filter(new Locator.FilterOptions().setVisible(true)).click();
    }

    /** The page's busy indicator, shown while data loads. */
    static Locator busy(Page page) {
        return page.locator(".kp-busy").filter(new Locator.FilterOptions().setVisible(true));
    }

    /** Presses Tab until the focused element matches the predicate (a bounded walk through the tab order). */
    static void tabTo(Page page, String description, java.util.function.Predicate<String> focused) {
        for (int i = 0; i < 60; i++) {
            page.keyboard().press("Tab");
            if (focused.test(focusedName(page))) {
                return;
            }
        }
        throw new AssertionError("Tab never reached " + description);
    }

    /** The accessible name (aria-label, label or text) of the focused element. */
    static String focusedName(Page page) {
        return (String) page.evaluate("""
                () => {
                  const e = document.activeElement;
                  if (!e || e === document.body) return '';
                  const by = e.getAttribute('aria-labelledby');
                  const named = by ? by.split(' ').map(id => document.getElementById(id)?.textContent ?? '').join(' ') : '';
                  return (e.getAttribute('aria-label') || named || e.labels?.[0]?.textContent || e.textContent || '').trim();
                }""");
    }

    static Locator visible(Page page, String selector) {
        return page.locator(selector).filter(new Locator.FilterOptions().setVisible(true));
    }

    /** The open dialog (buttons and fields behind its modal overlay cannot be used). */
    static Locator dialog(Page page) {
        return page.getByRole(AriaRole.DIALOG);
    }

    static void selectIn(Page page, Locator scope, String label, String option) {
        scope.locator("vaadin-select:has(> label:text-is('" + label + "'))").first().click();
        choose(page, option);
    }
}
