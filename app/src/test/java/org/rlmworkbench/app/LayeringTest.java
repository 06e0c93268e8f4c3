package org.rlmworkbench.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The module map of DESIGN.md, enforced: the engine and the problems never touch JavaFX, and the
 * views never compute search logic (operators, selection rules) themselves.
 */
class LayeringTest {

    private final JavaClasses all = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.rlmworkbench");

    @Test
    void noJavaFxOutsideTheViewModules() {
        noClasses().that().resideInAnyPackage("org.rlmworkbench.runner..", "org.rlmworkbench.problems..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .because("the runner and the problems run headless; views read the event stream")
                .check(all);
    }

    @Test
    void noSearchLogicInTheViews() {
        noClasses().that().resideInAnyPackage("org.rlmworkbench.graphview..", "org.rlmworkbench.editor..",
                        "org.rlmworkbench.app..")
                .should().dependOnClassesThat().resideInAnyPackage("org.rlmworkbench.runner.operator..")
                .orShould().dependOnClassesThat().haveSimpleName("RunContext")
                .because("views show what the runner's events say; the search lives in the runner")
                .check(all);
    }

    @Test
    void theViewModulesDoNotDependOnTheApp() {
        noClasses().that().resideInAnyPackage("org.rlmworkbench.graphview..", "org.rlmworkbench.editor..")
                .should().dependOnClassesThat().resideInAnyPackage("org.rlmworkbench.app..")
                .because("dependencies point one way: app -> scheme-editor, graph-view -> runner")
                .check(all);
    }
}
