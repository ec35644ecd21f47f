package dev.roomsdk.zoom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.roomsdk.contract.ApiSpec;
import dev.roomsdk.contract.ExercisedOperations;
import java.util.Set;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Runs after every other test class and fails naming each Zoom operation no test exercised. */
@Order(Integer.MAX_VALUE)
class ZoomSpecCoverageTest {

    @Test
    void theContractHasTheTwentyEightOperations() {
        assertEquals(28, ApiSpec.of("zoom").operationIds().size(), ApiSpec.of("zoom").operationIds().toString());
    }

    @Test
    void everyOperationInTheSpecIsExercised() {
        assertEquals(Set.of(), ExercisedOperations.missing("zoom"), "operations of specs/zoom.yaml never exercised");
    }
}
