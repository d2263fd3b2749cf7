package org.followuptracker.query;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.followuptracker.query.projection.Projection;
import org.followuptracker.query.readmodel.LookAhead;
import org.followuptracker.query.readmodel.ReadModel;
import org.followuptracker.query.readmodel.Retraction;
import org.followuptracker.query.readmodel.StoredCollection;
import org.junit.jupiter.api.Test;

/**
 * The query service's packages depend on each other one way only, and projections see the store only as documents
 * looked up and saved ({@link ReadModel}, {@link LookAhead}): not how it batches, keeps or rebuilds.
 */
class ArchitectureTest {

    private static final JavaClasses QUERY_SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.followuptracker.query");

    @Test
    void thePackagesAreFreeOfCycles() {
        slices().matching("org.followuptracker.query.(*)..").should().beFreeOfCycles().check(QUERY_SERVICE);
    }

    @Test
    void projectionsDoNotUseTheStoresMechanics() {
        DescribedPredicate<JavaClass> storeMechanics = resideInAPackage("org.followuptracker.query.readmodel..")
                .and(not(belongToAnyOf(ReadModel.class, LookAhead.class, StoredCollection.class, Retraction.class)))
                .or(resideInAnyPackage("org.followuptracker.query.consuming..", "org.followuptracker.query.rebuild..",
                        "org.followuptracker.query.freshness.."));
        noClasses().that().implement(Projection.class).should().dependOnClassesThat(storeMechanics)
                .check(QUERY_SERVICE);
    }
}
