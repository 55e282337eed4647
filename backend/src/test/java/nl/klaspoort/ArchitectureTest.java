package nl.klaspoort;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.stereotype.Controller;

/**
 * The module rules, checked on every build: every top-level package under nl.klaspoort is a module whose API is its
 * top-level package and whose {@code internal} sub-package nobody else touches; each module depends only on the
 * modules its {@code package-info.java} allows, without cycles (Spring Modulith). SQL runs only in a module's store
 * (writes) and queries (reads) classes, never in a controller (ArchUnit). Which tables a module may write is checked by
 * {@link TableOwnershipTest}.
 */
class ArchitectureTest {

    static final ApplicationModules MODULES = ApplicationModules.of(KlaspoortApplication.class);

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("nl.klaspoort");

    @Test
    void modulesUseOnlyTheApiOfTheModulesTheyDeclare() {
        MODULES.verify();
    }

    @Test
    void controllersRunNoSql() {
        noClasses().that().areAnnotatedWith(Controller.class)
                .should().dependOnClassesThat().areAssignableTo(JdbcClient.class)
                .orShould().dependOnClassesThat().areAssignableTo(JdbcOperations.class)
                .orShould().dependOnClassesThat().areAssignableTo(NamedParameterJdbcOperations.class)
                .orShould().dependOnClassesThat().areAssignableTo(DataSource.class)
                .because("SQL belongs in a module's *Store and *Queries classes")
                .check(MAIN);
    }

    private static DescribedPredicate<JavaClass> dependOnJdbc() {
        return DescribedPredicate.describe("use JDBC", type -> type.getDirectDependenciesFromSelf().stream()
                .anyMatch(d -> d.getTargetClass().isAssignableTo(JdbcClient.class)
                        || d.getTargetClass().isAssignableTo(JdbcOperations.class)
                        || d.getTargetClass().isAssignableTo(NamedParameterJdbcOperations.class)));
    }

    @Test
    void sqlRunsOnlyInStoresAndQueries() {
        classes().that(dependOnJdbc())
                .should().haveSimpleNameEndingWith("Store").orShould().haveSimpleNameEndingWith("Queries")
                .because("a module's SQL lives in its store (writes) and queries (reads) classes")
                .check(MAIN);
    }
}
