package org.rlmworkbench.runner.neural;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** DJL stays behind the runner's PolicyModel and ValueModel, in the neural and training packages. */
class DjlConfinementTest {

    @Test
    void onlyTheNeuralAndTrainingPackagesUseDjl() {
        JavaClasses runner = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.rlmworkbench.runner");
        noClasses().that().resideOutsideOfPackages("..runner.neural..", "..runner.training..")
                .should().dependOnClassesThat().resideInAnyPackage("ai.djl..")
                .because("the engine speaks of PolicyModel and ValueModel over plain Java types (STYLE.md, DJL)")
                .check(runner);
    }
}
