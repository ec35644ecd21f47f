package dev.roomsdk.contract;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether this JVM may check the coverage of the suite, and the records it checks. The checks
 * run in surefire's {@code coverage} execution (the pom sets {@value ExercisedOperations#REQUIRED_PROPERTY}
 * there), which starts once the default execution, that is every other test, has ended:
 * there they run on this build's records and fail if there are none. They are skipped
 * (aborted) only where the whole suite cannot have run before them: outside that execution
 * (an IDE), or when {@code -Dtest} picked the tests of the build, as they were not selected
 * by such a run before the records moved to files.
 */
final class CoverageRun {

    private CoverageRun() {
    }

    /** This build's records, or the test is aborted (skipped) when the whole suite did not run first. */
    static ExercisedOperations recordsOfThisBuild() {
        String selection = System.getProperty("test");
        boolean partial = selection != null && !selection.isBlank();
        if (!Boolean.getBoolean(ExercisedOperations.REQUIRED_PROPERTY)) {
            assumeTrue(false, "the coverage checks run in surefire's coverage execution, after the whole suite "
                    + "(mvn test or mvn verify)");
        }
        assumeTrue(!partial, "-Dtest=" + selection + " ran a selection of the tests: the coverage of the whole suite "
                + "is not checked");
        Optional<Path> dir = ExercisedOperations.configuredDir();
        if (dir.isEmpty()) {
            fail("the coverage execution has no " + ExercisedOperations.DIR_PROPERTY + " (see the surefire block of the pom)");
        }
        return new ExercisedOperations(dir.get());
    }
}
