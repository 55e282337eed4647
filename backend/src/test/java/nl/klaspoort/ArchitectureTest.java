package nl.klaspoort;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Module rules: every top-level package under nl.klaspoort is a module whose API is its top-level package and whose
 * {@code internal} sub-package nobody else touches; each module depends only on the modules its
 * {@code package-info.java} allows, and no dependency cycles, as verified by Spring Modulith.
 */
class ArchitectureTest {

    static final ApplicationModules MODULES = ApplicationModules.of(KlaspoortApplication.class);

    @Test
    void modulesUseOnlyTheApiOfTheModulesTheyDeclare() {
        MODULES.verify();
    }
}
