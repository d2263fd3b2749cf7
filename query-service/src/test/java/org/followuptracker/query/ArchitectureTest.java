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
import org.followuptracker.query.store.CountryChanges;
import org.followuptracker.query.store.CountryIndex;
import org.followuptracker.query.store.LookAhead;
import org.followuptracker.query.store.ReadModel;
import org.followuptracker.query.store.Retraction;
import org.followuptracker.query.store.StoredCollection;
import org.junit.jupiter.api.Test;

/**
 * The query service's packages depend on each other one way only, and projections see the store only as documents
 * looked up and saved ({@link ReadModel}, {@link LookAhead}), declared ({@link StoredCollection}), and the documents
 * it offers every read model (a country's index and changes, a retraction): not how it batches, keeps or rebuilds.
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
        DescribedPredicate<JavaClass> storeMechanics = resideInAPackage("org.followuptracker.query.store..")
                .and(not(belongToAnyOf(ReadModel.class, LookAhead.class, StoredCollection.class, CountryIndex.class,
                        CountryChanges.class, Retraction.class)))
                .or(resideInAnyPackage("org.followuptracker.query.consuming..", "org.followuptracker.query.rebuild..",
                        "org.followuptracker.query.freshness.."));
        noClasses().that().implement(Projection.class).should().dependOnClassesThat(storeMechanics)
                .check(QUERY_SERVICE);
    }
}
