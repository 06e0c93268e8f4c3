package org.rlmworkbench.runner.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The engine stays headless: no JavaFX or AWT in the runner. */
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
}
