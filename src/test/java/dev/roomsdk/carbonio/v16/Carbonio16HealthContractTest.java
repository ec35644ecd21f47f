package dev.roomsdk.carbonio.v16;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.assertAnonymousCall;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.json;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.noContent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomsdk.carbonio.Carbonio;
import dev.roomsdk.carbonio.CarbonioGeneration;
import dev.roomsdk.carbonio.v16.model.DependencyHealthType;
import dev.roomsdk.carbonio.v16.model.HealthStatus;
import dev.roomsdk.carbonio.v16.model.HealthStatusType;
import dev.roomsdk.contract.ContractServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Health checks of the 1.6 generation: no credentials, the API version still sent. */
class Carbonio16HealthContractTest {

    @RegisterExtension
    static final ContractServer server = ContractServer.forApi("carbonio-1.6");

    @Test
    void healthChecksWithoutCredentials() {
        server.stubFor(get(urlPathEqualTo("/health")).willReturn(json(200, "{\"isLive\":true,\"status\":\"warn\","
                + "\"dependencies\":[{\"name\":\"database\",\"isHealthy\":true},{\"name\":\"previewer_service\",\"isHealthy\":false}]}")));
        server.stubFor(get(urlPathEqualTo("/health/live")).willReturn(noContent()));
        server.stubFor(get(urlPathEqualTo("/health/ready")).willReturn(noContent()));

        HealthStatus health;
        try (Carbonio monitor = Carbonio.builder().generation(CarbonioGeneration.V1_6).baseUrl(server.baseUrl()).build()) {
            health = monitor.v16().health().getHealthStatus().execute();
            monitor.v16().health().isLive().execute();
            monitor.v16().health().isReady().execute();
        }

        assertAnonymousCall(server.requests().get(0), "GET", "/health");
        assertAnonymousCall(server.requests().get(1), "GET", "/health/live");
        assertAnonymousCall(server.requests().get(2), "GET", "/health/ready");
        assertTrue(health.getIsLive());
        assertEquals(HealthStatusType.WARN, health.getStatus());
        assertEquals(DependencyHealthType.PREVIEWER_SERVICE, health.getDependencies().get(1).getName());
        assertFalse(health.getDependencies().get(1).getIsHealthy());
    }
}
