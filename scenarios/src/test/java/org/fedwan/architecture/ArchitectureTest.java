package org.fedwan.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture as rules the build checks (ArchUnit, on the compiled main classes of every
 * module): modules point one way, the round controller and the link contract know no protocol,
 * protocols do not know each other, and no package cycle exists.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.fedwan");
    }

    @Test
    void everyModuleIsImported() {
        // ArchUnit rules hold vacuously on classes that were not imported: check that every module's are there
        for (String p : List.of("org.fedwan.results", "org.fedwan.compression", "org.fedwan.channel", "org.fedwan.fl",
                "org.fedwan.sim.federation", "org.fedwan.sim.link", "org.fedwan.sim.lorawan", "org.fedwan.sim.nbiot",
                "org.fedwan.plots", "org.fedwan.scenarios")) {
            assertTrue(classes.stream().anyMatch(c -> c.getPackageName().startsWith(p)), "no class imported from " + p);
        }
        assertTrue(classes.size() > 300, classes.size() + " classes imported");
    }

    @Test
    void leafModulesDependOnNoOtherModule() {
        noClasses().that().resideInAPackage("org.fedwan.results..").should().dependOnClassesThat()
                .resideOutsideOfPackages("org.fedwan.results..", "java..").check(classes);
        noClasses().that().resideInAPackage("org.fedwan.compression..").should().dependOnClassesThat()
                .resideInAnyPackage("org.fedwan.channel..", "org.fedwan.fl..", "org.fedwan.sim..", "org.fedwan.plots..",
                        "org.fedwan.scenarios..", "org.fedwan.results..").check(classes);
        noClasses().that().resideInAPackage("org.fedwan.channel..").should().dependOnClassesThat()
                .resideInAnyPackage("org.fedwan.compression..", "org.fedwan.fl..", "org.fedwan.sim..", "org.fedwan.plots..",
                        "org.fedwan.scenarios..", "org.fedwan.results..").check(classes);
    }

    @Test
    void modulesPointOneWay() {
        noClasses().that().resideInAPackage("org.fedwan.fl..").should().dependOnClassesThat()
                .resideInAnyPackage("org.fedwan.channel..", "org.fedwan.sim..", "org.fedwan.plots..", "org.fedwan.scenarios..")
                .check(classes);
        noClasses().that().resideInAPackage("org.fedwan.sim..").should().dependOnClassesThat()
                .resideInAnyPackage("org.fedwan.plots..", "org.fedwan.scenarios..").check(classes);
        noClasses().that().resideInAPackage("org.fedwan.plots..").should().dependOnClassesThat()
                .resideInAnyPackage("org.fedwan.compression..", "org.fedwan.channel..", "org.fedwan.fl..", "org.fedwan.sim..",
                        "org.fedwan.scenarios..").check(classes);
    }

    @Test
    void onlyThePlotsDrawWithAwt() {
        noClasses().that().resideOutsideOfPackage("org.fedwan.plots..").should().dependOnClassesThat()
                .resideInAnyPackage("java.awt..", "javax.swing..").check(classes);
    }

    @Test
    void theRoundControllerAndTheLinkContractKnowNoProtocol() {
        noClasses().that().resideInAnyPackage("org.fedwan.sim.federation..", "org.fedwan.sim.link..", "org.fedwan.sim.config..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("org.fedwan.sim.lorawan..", "org.fedwan.sim.nbiot..", "org.fedwan.sim.ideal..",
                        "org.fedwan.channel.lorawan..", "org.fedwan.channel.nbiot..", "org.fedwan.channel.lora..")
                .check(classes);
    }

    @Test
    void protocolsDoNotKnowEachOtherNorTheController() {
        noClasses().that().resideInAPackage("org.fedwan.sim.lorawan..").should().dependOnClassesThat()
                .resideInAnyPackage("org.fedwan.sim.nbiot..", "org.fedwan.sim.ideal..", "org.fedwan.sim.federation..")
                .check(classes);
        noClasses().that().resideInAPackage("org.fedwan.sim.nbiot..").should().dependOnClassesThat()
                .resideInAnyPackage("org.fedwan.sim.lorawan..", "org.fedwan.sim.ideal..", "org.fedwan.sim.federation..")
                .check(classes);
        noClasses().that().resideInAPackage("org.fedwan.sim.ideal..").should().dependOnClassesThat()
                .resideInAnyPackage("org.fedwan.sim.lorawan..", "org.fedwan.sim.nbiot..", "org.fedwan.sim.federation..")
                .check(classes);
    }

    @Test
    void theEventKernelKnowsNothingAboveIt() {
        noClasses().that().resideInAnyPackage("org.fedwan.sim.kernel..", "org.fedwan.sim.random..", "org.fedwan.sim.stats..")
                .should().dependOnClassesThat().resideInAnyPackage("org.fedwan.sim.federation..", "org.fedwan.sim.link..",
                        "org.fedwan.sim.lorawan..", "org.fedwan.sim.nbiot..", "org.fedwan.sim.config..", "org.fedwan.fl..")
                .check(classes);
    }

    @Test
    void onlyTheSimulatorsFrontDoorAssemblesProtocols() {
        // org.fedwan.sim itself (Protocols, Scenarios) assembles the packages below it; none of them looks back up
        noClasses().that().resideInAnyPackage("org.fedwan.sim.*..").should().dependOnClassesThat()
                .resideInAPackage("org.fedwan.sim").check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.fedwan.(*)..").should().beFreeOfCycles().check(classes);
        slices().matching("org.fedwan.sim.(*)..").should().beFreeOfCycles().check(classes);
    }
}
