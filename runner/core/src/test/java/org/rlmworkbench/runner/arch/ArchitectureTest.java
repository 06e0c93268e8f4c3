package org.rlmworkbench.runner.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The engine stays headless and light: no JavaFX, DJL or picocli in runner-core, and no cycle between its packages. */
class ArchitectureTest {

    private final JavaClasses runner = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.rlmworkbench.runner");

    @Test
    void theRunnerNeverTouchesJavaFx() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.awt..", "javax.swing..")
                .because("the runner must run headless; views read its event stream (DESIGN.md)")
                .check(runner);
    }

    @Test
    void problemsModelsAndEventsDoNotDependOnTheInterpreter() {
        noClasses().that().resideInAnyPackage("..runner.problem..", "..runner.model..", "..runner.event..",
                        "..runner.graph..")
                .should().dependOnClassesThat().resideInAnyPackage("..runner.interpret..", "..runner.operator..",
                        "..runner.cli..", "..runner.debug..")
                .because("the SPI and the data types are the stable core the rest builds on")
                .check(runner);
    }

    @Test
    void theCoreNeverTouchesDjlOrPicocli() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("ai.djl..", "picocli..")
                .because("runner-core is the engine every module builds on; DJL lives in runner-neural and the"
                        + " command line in runner-cli, as DJL keeps its API free of engines")
                .check(runner);
    }

    @Test
    void theCoreNeverReachesIntoTheModulesAboveIt() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("..runner.neural..", "..runner.training..",
                        "..runner.cli..", "..runner.serve..", "..runner.bench..")
                .because("runner-neural and runner-cli depend on runner-core, never the reverse")
                .check(runner);
    }

    @Test
    void noCycleBetweenTheCorePackages() {
        slices().matching("org.rlmworkbench.runner.(*)..").should().beFreeOfCycles()
                .because("each package builds on the ones below it (e.g. interpret -> operator, never back)")
                .check(runner);
    }
}
