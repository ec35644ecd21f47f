package dev.roomsdk.carbonio;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.roomsdk.carbonio.CarbonioFixtures.assertCall;
import static dev.roomsdk.carbonio.CarbonioFixtures.assertNoCookie;
import static dev.roomsdk.carbonio.CarbonioFixtures.json;
import static dev.roomsdk.carbonio.CarbonioFixtures.noContent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.roomsdk.contract.ContractServer;
import dev.roomsdk.carbonio.model.DependencyHealthType;
import dev.roomsdk.carbonio.model.HealthStatus;
import dev.roomsdk.carbonio.model.HealthStatusType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Health checks: status with dependencies, liveness and readiness (errors in
 * CarbonioErrorStatusTest). The contract says {@code security: []}: the client has a
 * session, yet none of them carries its cookie (more in CarbonioAnonymousAccessTest).
 */
class CarbonioHealthContractTest {

    @RegisterExtension
    static final ContractServer server = ContractServer.forApi("carbonio");

    Carbonio carbonio;

    @BeforeEach
    void client() {
        carbonio = CarbonioFixtures.client(server.baseUrl(), null);
    }

    @AfterEach
    void close() {
        carbonio.close();
    }

    @Test
    void getHealthStatusReturnsTheStatusOfEachDependency() {
        server.stubFor(get(urlPathEqualTo(server.path("/health"))).willReturn(json(200,
                "{\"isLive\":true,\"status\":\"warn\",\"dependencies\":[{\"name\":\"database\",\"isHealthy\":true},"
                        + "{\"name\":\"previewer_service\",\"isHealthy\":false}]}")));

        HealthStatus health = carbonio.health().getHealthStatus().execute();

        LoggedRequest r = server.onlyRequest();
        assertCall(r, "GET", server.path("/health"));
        assertNoCookie(r);
        assertEquals(0, r.getBody().length);
        assertTrue(health.getIsLive());
        assertEquals(HealthStatusType.WARN, health.getStatus());
        assertEquals(2, health.getDependencies().size());
        assertEquals(DependencyHealthType.DATABASE, health.getDependencies().get(0).getName());
        assertTrue(health.getDependencies().get(0).getIsHealthy());
        assertEquals(DependencyHealthType.PREVIEWER_SERVICE, health.getDependencies().get(1).getName());
        assertFalse(health.getDependencies().get(1).getIsHealthy());
    }

    @Test
    void isLiveAccepts204() {
        server.stubFor(get(urlPathEqualTo(server.path("/health/live"))).willReturn(noContent()));

        carbonio.health().isLive().execute();

        LoggedRequest r = server.onlyRequest();
        assertCall(r, "GET", server.path("/health/live"));
        assertNoCookie(r);
    }

    @Test
    void isReadyAccepts204() {
        server.stubFor(get(urlPathEqualTo(server.path("/health/ready"))).willReturn(noContent()));

        carbonio.health().isReady().execute();

        LoggedRequest r = server.onlyRequest();
        assertCall(r, "GET", server.path("/health/ready"));
        assertNoCookie(r);
    }
}
