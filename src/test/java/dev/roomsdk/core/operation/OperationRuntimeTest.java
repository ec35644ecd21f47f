package dev.roomsdk.core.operation;

import static dev.roomsdk.testing.Refusals.refusedSetting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.Gson;
import dev.roomsdk.core.error.InvalidConfigurationException;
import dev.roomsdk.core.error.InvalidRequestException;
import dev.roomsdk.core.http.HttpSettings;
import dev.roomsdk.core.http.Transport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Creating an {@link OperationRuntime} (what every entry point does while it is built) refuses
 * an unusable part with an {@link InvalidConfigurationException} naming it; deriving one with
 * per-call options refuses null options as a call argument. No I/O either way.
 */
class OperationRuntimeTest {

    final Transport transport = Transport.create("test", HttpSettings.defaults(), null, null);

    @AfterEach
    void close() {
        transport.close();
    }

    @Test
    void unusablePartsAreNamed() {
        Gson gson = new Gson();
        assertEquals("baseUrl must be an absolute http or https URL, got localhost:8080",
                refusedSetting(() -> OperationRuntime.create(transport, "localhost:8080", gson, Map.of(), null)));
        assertEquals("baseUrl must be an absolute http or https URL, got null",
                refusedSetting(() -> OperationRuntime.create(transport, null, gson, Map.of(), null)));
        assertEquals("transport must not be null",
                refusedSetting(() -> OperationRuntime.create(null, "http://127.0.0.1:1", gson, Map.of(), null)));
        assertEquals("gson must not be null",
                refusedSetting(() -> OperationRuntime.create(transport, "http://127.0.0.1:1", null, Map.of(), null)));
        assertEquals("clientDefaults must not be null",
                refusedSetting(() -> OperationRuntime.create(transport, "http://127.0.0.1:1", gson, null, null)));
    }

    @Test
    void aContractVersionNeedsEveryPart() {
        assertEquals("api must not be null", refusedSetting(() -> ContractVersion.of(null, "1.6", "how")));
        assertEquals("version must not be null", refusedSetting(() -> ContractVersion.of("Carbonio", null, "how")));
        assertEquals("howToChoose must not be null", refusedSetting(() -> ContractVersion.of("Carbonio", "1.6", null)));
    }

    @Test
    void nullPerCallOptionsAreABadArgument() {
        OperationRuntime runtime = OperationRuntime.create(transport, "http://127.0.0.1:1", new Gson(), Map.of(), null);
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> runtime.withOptions(null));
        assertEquals(List.of("options: must not be null"), e.violations());
    }
}
