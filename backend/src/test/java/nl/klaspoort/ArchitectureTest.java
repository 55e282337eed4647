package nl.klaspoort;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Module rules: every top-level package under nl.klaspoort is a feature module; no cycles between modules and no
 * reaching into another module's internals (sub-packages), as verified by Spring Modulith.
 */
class ArchitectureTest {

    @Test
    void featureModulesHaveNoCyclesAndRespectEachOthersInternals() {
        ApplicationModules.of(KlaspoortApplication.class).verify();
    }
}
