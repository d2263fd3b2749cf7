package org.followuptracker.command;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

/**
 * How the command service's packages hang together: one package per capability (letter, recommendation,
 * retraction, importing, ...), none of them in a cycle with another; the domain (the aggregates, their commands
 * and what they decide with) knows nothing of HTTP, so a refusal is the domain's own exception, which the web
 * package turns into a problem body. The application's own package assembles the others; none depends on it.
 */
class ArchitectureTest {

    private static final String ROOT = "org.followuptracker.command";

    private static final JavaClasses SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void thePackagesAreFreeOfCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(SERVICE);
    }

    @Test
    void noPackageDependsOnTheApplicationThatAssemblesThem() {
        noClasses().that().resideOutsideOfPackage(ROOT)
                .should().dependOnClassesThat().resideInAPackage(ROOT)
                .check(SERVICE);
    }

    @Test
    void theDomainKnowsNothingOfTheWeb() {
        noClasses().that().resideInAnyPackage(ROOT + ".letter..", ROOT + ".recommendation..",
                        ROOT + ".retraction..", ROOT + ".importing..", ROOT + ".relay..", ROOT + ".refusal..",
                        ROOT + ".input..", ROOT + ".transaction..")
                .and().areNotAnnotatedWith(RestController.class)
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".web..", "org.springframework.web..",
                        "org.springframework.http..", "jakarta.servlet..")
                .check(SERVICE);
    }
}
