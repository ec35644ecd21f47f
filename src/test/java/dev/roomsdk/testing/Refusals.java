package dev.roomsdk.testing;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.roomsdk.core.error.InvalidConfigurationException;
import dev.roomsdk.core.error.InvalidRequestException;
import java.util.List;
import org.junit.jupiter.api.function.Executable;

/** How the SDK refuses a value it cannot use: the type of its kind, and what a test then reads of it. */
public final class Refusals {

    private Refusals() {
    }

    /** Runs {@code configure}, which must fail with an {@link InvalidConfigurationException}; returns its message. */
    public static String refusedSetting(Executable configure) {
        return assertThrows(InvalidConfigurationException.class, configure).getMessage();
    }

    /** Runs {@code call}, which must fail with an {@link InvalidRequestException}; returns its violations. */
    public static List<String> refusedArgument(Executable call) {
        return assertThrows(InvalidRequestException.class, call).violations();
    }
}
