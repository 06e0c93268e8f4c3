package org.rlmworkbench.runner.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The three runner modules seen together (runner-cli's class path holds all of them): the packages of
 * the whole runner form no cycle, and the neural models and training never reach the command line.
 */
class RunnerModulesTest {

    private final JavaClasses runner = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // runner-core's test jar is on this class path too; its fixtures are no part of the modules
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("org.rlmworkbench.runner");

    @Test
    void allThreeModulesAreOnTheClassPath() {
        // without this, a rule below could pass because it saw nothing
        assertThat(runner.containPackage("org.rlmworkbench.runner.interpret")).isTrue();
        assertThat(runner.containPackage("org.rlmworkbench.runner.neural")).isTrue();
        assertThat(runner.containPackage("org.rlmworkbench.runner.cli")).isTrue();
        assertThat(runner.containPackage("org.rlmworkbench.runner.toy")).as("test fixtures left out").isFalse();
    }

    @Test
    void noCycleBetweenRunnerPackages() {
        slices().matching("org.rlmworkbench.runner.(*)..").should().beFreeOfCycles()
                .because("each package builds on the ones below it; a cycle would also tie the modules together")
                .check(runner);
    }

    @Test
    void theNeuralModulesNeverReachTheCommandLine() {
        noClasses().that().resideInAnyPackage("..runner.neural..", "..runner.training..")
                .should().dependOnClassesThat().resideInAnyPackage("..runner.cli..", "..runner.serve..",
                        "..runner.bench..", "picocli..")
                .because("runner-neural is a library; the command line (runner-cli) builds on it")
                .check(runner);
    }

    @Test
    void onlyTheNeuralAndTrainingPackagesUseDjl() {
        noClasses().that().resideOutsideOfPackages("..runner.neural..", "..runner.training..")
                .should().dependOnClassesThat().resideInAnyPackage("ai.djl..")
                .because("the command line and the server speak of PolicyModel and ValueModel too, not of DJL")
                .check(runner);
    }
}
