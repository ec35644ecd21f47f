package dev.roomsdk.core.http;

import static dev.roomsdk.testing.Refusals.refusedSetting;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.roomsdk.core.error.InvalidConfigurationException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link RetryPolicy.Builder}: a value the policy cannot use fails while it is set, with an
 * {@link InvalidConfigurationException} naming the setting and the rule. How the policy retries:
 * RetryFaultInjectionTest, RetryDeadlineTest.
 */
class RetryPolicyTest {

    @Test
    void attemptsAndDelaysAreChecked() {
        assertEquals("maxAttempts must be at least 1, got 0", refusedSetting(() -> RetryPolicy.builder().maxAttempts(0)));
        assertEquals("baseDelay must not be negative, got PT-1S",
                refusedSetting(() -> RetryPolicy.builder().baseDelay(Duration.ofSeconds(-1))));
        assertEquals("baseDelay must not be null", refusedSetting(() -> RetryPolicy.builder().baseDelay(null)));
        assertEquals("maxDelay must not be negative, got PT-1S",
                refusedSetting(() -> RetryPolicy.builder().maxDelay(Duration.ofSeconds(-1))));
        assertEquals("maxDelay must not be null", refusedSetting(() -> RetryPolicy.builder().maxDelay(null)));
        assertEquals(1, RetryPolicy.builder().maxAttempts(1).baseDelay(Duration.ZERO).maxDelay(Duration.ZERO).build().maxAttempts());
    }

    @Test
    void nullPartsAreNamed() {
        assertEquals("retryableStatuses must not be null", refusedSetting(() -> RetryPolicy.builder().retryableStatuses(null)));
        Set<Integer> withNull = new HashSet<>(Arrays.asList(503, null));
        assertEquals("retryableStatuses must not hold null",
                refusedSetting(() -> RetryPolicy.builder().retryableStatuses(withNull)));
        assertEquals("sleeper must not be null", refusedSetting(() -> RetryPolicy.builder().sleeper(null)));
        assertEquals("clock must not be null", refusedSetting(() -> RetryPolicy.builder().clock(null)));
    }
}
