package dev.roomsdk.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Fails, naming them, for the operations of a contract that no test exercised with a valid
 * request and response in this build; and when a contract lost or gained operations against
 * its scope ({@code shared/reference/README.md}). It reads the coverage files every test JVM
 * wrote ({@link ExercisedOperations}), so it runs in surefire's {@code coverage} execution,
 * after the default one has finished, whatever the forks and parallelism of that one (see
 * the pom); {@link CoverageRun} decides whether this run may check.
 */
class SpecCoverageTest {

    @ParameterizedTest(name = "specs/{0}.yaml has {1} operations")
    @CsvSource({"carbonio, 60", "carbonio-1.6, 57", "zoom, 28", "videsk, 6"})
    void theContractHasItsScope(String api, int operations) {
        assertEquals(operations, ApiSpec.of(api).operationIds().size(), ApiSpec.of(api).operationIds().toString());
    }

    @ParameterizedTest(name = "specs/{0}.yaml")
    @ValueSource(strings = {"carbonio", "carbonio-1.6", "zoom", "videsk"})
    void everyOperationInTheSpecIsExercised(String api) {
        ExercisedOperations records = CoverageRun.recordsOfThisBuild();
        assertEquals(Set.of(), records.missing(api), "operations of specs/" + api + ".yaml never exercised (records in "
                + records.dir() + ")");
    }
}
