package de.integrationsmonitor.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import de.integrationsmonitor.pipelines.contract.TableCatalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of the module layout (README, "Layout"), checked on the compiled production classes of
 * pipelines, reports, generator and app: dependencies point down the data flow
 * (contract ← config ← warehouse ← bronze ← silver ← gold ← ops ← run ← app), reports read gold only, and no
 * two packages import each other.
 */
class TestArchitecture {
    private static final String ROOT = "de.integrationsmonitor";
    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        // ArchUnit scans the context class loader's class path; a test before this one in the same JVM (Spark, Jasper)
        // may have left another loader there, and the import would then find nothing to check.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(TestArchitecture.class.getClassLoader());
        try {
            classes = new ClassFileImporter().withImportOption(TestArchitecture::isProductionCode).importPackages(ROOT);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Compiled main code only: neither test-classes folders nor test jars of other modules. */
    private static boolean isProductionCode(Location location) {
        return ImportOption.Predefined.DO_NOT_INCLUDE_TESTS.includes(location) && !location.contains("-tests.jar");
    }

    @Test
    void importsTheCodeOfEveryShippedModule() {
        assertThat(classes.containPackage(ROOT + ".pipelines.run")).isTrue();
        assertThat(classes.containPackage(ROOT + ".reports.monthly")).isTrue();
        assertThat(classes.containPackage(ROOT + ".generator")).isTrue();
        assertThat(classes.containPackage(ROOT + ".cli")).isTrue();
        assertThat(classes.stream().filter(c -> c.getSimpleName().startsWith("Test"))).as("no test classes").isEmpty();
    }

    @Test
    void dependenciesPointDownTheDataFlow() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Contract").definedBy(ROOT + ".pipelines.contract..")
                .layer("Config").definedBy(ROOT + ".pipelines.config..")
                .layer("Warehouse").definedBy(ROOT + ".pipelines.warehouse..")
                .layer("Bronze").definedBy(ROOT + ".pipelines.bronze..")
                .layer("Silver").definedBy(ROOT + ".pipelines.silver..")
                .layer("Gold").definedBy(ROOT + ".pipelines.gold..")
                .layer("Ops").definedBy(ROOT + ".pipelines.ops..")
                .layer("Run").definedBy(ROOT + ".pipelines.run..")
                .layer("Reports").definedBy(ROOT + ".reports..")
                .layer("Generator").definedBy(ROOT + ".generator..")
                .layer("App").definedBy(ROOT + ".cli..")
                .whereLayer("App").mayNotBeAccessedByAnyLayer()
                .whereLayer("Run").mayOnlyBeAccessedByLayers("App")
                .whereLayer("Reports").mayOnlyBeAccessedByLayers("App")
                .whereLayer("Generator").mayOnlyBeAccessedByLayers("App")
                .whereLayer("Ops").mayOnlyBeAccessedByLayers("Run")
                .whereLayer("Gold").mayOnlyBeAccessedByLayers("Run", "App")
                .whereLayer("Silver").mayOnlyBeAccessedByLayers("Gold", "Run")
                .whereLayer("Bronze").mayOnlyBeAccessedByLayers("Silver", "Gold", "Run")
                .whereLayer("Warehouse").mayOnlyBeAccessedByLayers("Bronze", "Silver", "Gold", "Ops", "Run", "Reports", "App")
                .whereLayer("Config").mayOnlyBeAccessedByLayers("Warehouse", "Bronze", "Silver", "Gold", "Ops", "Run", "Reports",
                        "App")
                .whereLayer("Contract").mayOnlyBeAccessedByLayers("Config", "Warehouse", "Bronze", "Silver", "Gold", "Ops", "Run",
                        "Reports", "Generator", "App")
                .check(classes);
    }

    @Test
    void noTwoPackagesDependOnEachOther() {
        slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void sharedReportCodeKnowsNoParticularReport() {
        noClasses().that().resideInAPackage(ROOT + ".reports.common..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".reports.monthly..", ROOT + ".reports.gaps..",
                        ROOT + ".reports.workshops..", ROOT + ".reports.evaluation..")
                .check(classes);
    }

    @Test
    void reportsDoNotReadSilverOrBronzeTables() {
        noClasses().that().resideInAPackage(ROOT + ".reports..")
                .should().accessFieldWhere(catalogField("SILVER_"))
                .orShould().callMethodWhere(bronzeTableLookup())
                .because("reports read the gold tables (and the ops bookkeeping) only")
                .check(classes);
    }

    private static DescribedPredicate<JavaFieldAccess> catalogField(String prefix) {
        return DescribedPredicate.describe("a " + prefix + "* table of the catalog",
                access -> access.getTargetOwner().isEquivalentTo(TableCatalog.class) && access.getName().startsWith(prefix));
    }

    private static DescribedPredicate<JavaMethodCall> bronzeTableLookup() {
        return DescribedPredicate.describe("TableCatalog.bronze(…)",
                call -> call.getTargetOwner().isEquivalentTo(TableCatalog.class) && call.getName().equals("bronze"));
    }
}
