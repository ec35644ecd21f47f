package dev.roomsdk.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs after every other test class (see the surefire class order in the pom) and fails,
 * naming them, for the operations of a contract that no test exercised with a valid
 * request and response; and when a contract lost or gained operations against its scope
 * ({@code shared/reference/README.md}).
 */
@Order(Integer.MAX_VALUE)
class SpecCoverageTest {

    @ParameterizedTest(name = "specs/{0}.yaml has {1} operations")
    @CsvSource({"carbonio, 60", "carbonio-1.6, 57", "zoom, 28", "videsk, 6"})
    void theContractHasItsScope(String api, int operations) {
        assertEquals(operations, ApiSpec.of(api).operationIds().size(), ApiSpec.of(api).operationIds().toString());
    }

    @ParameterizedTest(name = "specs/{0}.yaml")
    @ValueSource(strings = {"carbonio", "carbonio-1.6", "zoom", "videsk"})
    void everyOperationInTheSpecIsExercised(String api) {
        assertEquals(Set.of(), ExercisedOperations.missing(api), "operations of specs/" + api + ".yaml never exercised");
    }
}
