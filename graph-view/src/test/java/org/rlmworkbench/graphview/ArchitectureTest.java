package org.rlmworkbench.graphview;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module's rules, written once. */
class ArchitectureTest {

    static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.rlmworkbench.graphview");
    }

    @Test
    void viewsComputeNoSearchLogic() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.rlmworkbench.runner.operator..",
                        "org.rlmworkbench.runner.interpret..", "org.rlmworkbench.runner.model..")
                .because("everything the graph view shows comes from the run's events (DESIGN.md)")
                .check(classes);
    }

    @Test
    void modelsAndLayoutsHaveNoControls() {
        noClasses().that().resideInAnyPackage("..graphview.model..", "..graphview.layout..", "..graphview.inspector..")
                .and().haveNameNotMatching(".*\\.InspectorPane(\\$.*)?")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..")
                .because("view models are properties and plain data, testable without a window")
                .check(classes);
    }

    @Test
    void layoutIsPureComputation() {
        noClasses().that().resideInAPackage("..graphview.layout..").should().dependOnClassesThat()
                .resideInAnyPackage("javafx..")
                .because("layouts run on worker threads and in benchmarks without a toolkit")
                .check(classes);
    }
}
