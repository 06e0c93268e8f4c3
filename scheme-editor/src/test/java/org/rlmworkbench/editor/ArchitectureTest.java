package org.rlmworkbench.editor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The editor's layering, written once: the view model knows no controls and no views. */
class ArchitectureTest {

    private static final JavaClasses EDITOR = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.rlmworkbench.editor");

    @Test
    void theViewModelUsesNoControlsOrScenes() {
        noClasses().that().resideInAPackage("org.rlmworkbench.editor.model..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                        "javafx.fxml..")
                .because("the view model is tested without a window; it holds properties, not controls")
                .check(EDITOR);
    }

    @Test
    void theViewModelDoesNotKnowTheViews() {
        noClasses().that().resideInAPackage("org.rlmworkbench.editor.model..")
                .should().dependOnClassesThat().resideInAPackage("org.rlmworkbench.editor.view..")
                .because("views bind to the model, never the other way round")
                .check(EDITOR);
    }

    @Test
    void viewsDoNotRunSchemes() {
        noClasses().that().resideInAPackage("org.rlmworkbench.editor..")
                .should().dependOnClassesThat().resideInAnyPackage("org.rlmworkbench.runner.interpret..",
                        "org.rlmworkbench.runner.operator..")
                .because("the editor edits schemes; running them is the runner's business")
                .check(EDITOR);
    }
}
