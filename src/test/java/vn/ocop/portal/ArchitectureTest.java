package vn.ocop.portal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.http.annotation.Controller;

/** The module rules of a package-by-feature codebase, kept true by the build. */
@AnalyzeClasses(packages = "vn.ocop.portal", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featuresDoNotDependOnEachOtherInCycles =
            slices().matching("vn.ocop.portal.(*)..").should().beFreeOfCycles();

    /**
     * The traceability feature's parts sit on its records (stamps, batches, events, codes): the scan page on them,
     * and issuing, the GS1 interfaces and the consumer reports on the scan page's lookup. None of them may reach
     * back up, so each part can be read on its own.
     */
    @ArchTest
    static final ArchRule traceabilityPartsDoNotDependOnEachOtherInCycles =
            slices().matching("vn.ocop.portal.traceability.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule traceabilityRecordsKnowNoPart = noClasses()
            .that()
            .resideInAPackage("vn.ocop.portal.traceability")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("vn.ocop.portal.traceability.*..");

    @ArchTest
    static final ArchRule controllersStayInsideTheirFeature =
            classes().that().areAnnotatedWith(Controller.class).should().notBePublic();

    @ArchTest
    static final ArchRule sharedDependsOnNoFeature = noClasses()
            .that()
            .resideInAPackage("vn.ocop.portal.shared..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "vn.ocop.portal.catalogue..",
                    "vn.ocop.portal.product..",
                    "vn.ocop.portal.certification..",
                    "vn.ocop.portal.search..",
                    "vn.ocop.portal.region..",
                    "vn.ocop.portal.traceability..",
                    "vn.ocop.portal.staff..",
                    "vn.ocop.portal.admin..");

    @ArchTest
    static final ArchRule staffKnowsNoFeatureScreens = noClasses()
            .that()
            .resideInAPackage("vn.ocop.portal.staff..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "vn.ocop.portal.admin..",
                    "vn.ocop.portal.catalogue..",
                    "vn.ocop.portal.traceability..",
                    "vn.ocop.portal.demo..");

    @ArchTest
    static final ArchRule onlyTheEmbeddedServicesStartDatabases = noClasses()
            .that()
            .resideOutsideOfPackage("vn.ocop.portal.embedded..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.zonky..");

    @ArchTest
    static final ArchRule repositoriesAreAnnotatedForPostgres =
            classes().that().haveSimpleNameEndingWith("Repository").should().beAnnotatedWith(JdbcRepository.class);
}
