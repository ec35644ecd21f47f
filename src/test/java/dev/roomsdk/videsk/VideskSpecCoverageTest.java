package dev.roomsdk.videsk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.roomsdk.contract.ExercisedOperations;
import java.util.Set;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Runs after every other test class and fails naming each Videsk operation no test exercised. */
@Order(Integer.MAX_VALUE)
class VideskSpecCoverageTest {

    @Test
    void everyOperationInTheSpecIsExercised() {
        assertEquals(Set.of(), ExercisedOperations.missing("videsk"), "operations of specs/videsk.yaml never exercised");
    }
}
