package org.followuptracker.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * How the web app's packages hang together: one package per page or capability (country, letter, recording,
 * sign-in, ...) over the calls to the services ({@code backend}), none in a cycle with another, and none depending
 * on the application's own package, which assembles them.
 */
class ArchitectureTest {

    private static final String ROOT = "org.followuptracker.web";

    private static final JavaClasses APP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void thePackagesAreFreeOfCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(APP);
    }

    @Test
    void noPackageDependsOnTheApplicationThatAssemblesThem() {
        noClasses().that().resideOutsideOfPackage(ROOT)
                .should().dependOnClassesThat().resideInAPackage(ROOT)
                .check(APP);
    }
}
