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
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(option).setExact(true)).click();
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

    /** Visible grid cells with this text (the grid keeps hidden cells of earlier rows around). */
    static Locator row(Page page, String text) {
        return page.locator("vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText(java.util.regex.Pattern.compile("^\\s*" + text.replaceAll("[.*+?^${}()|\\[\\]\\\\]", "\\\\$0") + "\\s*$")))
                .filter(new Locator.FilterOptions().setVisible(true));
    }

    /** Visible grid cells that contain this text (e.g. one badge among several). */
    static Locator cellContaining(Page page, String text) {
        return page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(text))
                .filter(new Locator.FilterOptions().setVisible(true));
    }

    /** Ticks the row checkbox of a user in task mode. */
    static void selectUser(Page page, String name) {
        page.getByLabel("Selecteer " + name, new Page.GetByLabelOptions().setExact(true))
                .filter(new Locator.FilterOptions().setVisible(true)).click();
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
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(option).setExact(true)).click();
    }
}
