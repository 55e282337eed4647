package nl.klaspoort.platform.internal;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.theme.lumo.Lumo;

/** The page shell of the SPA: Lumo theme plus Klaspoort's own stylesheet. */
@StyleSheet(Lumo.STYLESHEET)
@Meta(name = "description", content = "Klaspoort: het schoolportaal voor beheer, koppelingen en resultaten")
public class AppShell implements AppShellConfigurator {
}
