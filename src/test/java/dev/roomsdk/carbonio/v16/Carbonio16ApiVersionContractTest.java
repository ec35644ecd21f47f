package dev.roomsdk.carbonio.v16;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.API_VERSION_HEADER;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.BOB;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.GROUP_ROOM;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.ROOM;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.TOKEN;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomsdk.carbonio.Carbonio;
import dev.roomsdk.carbonio.CarbonioGeneration;
import dev.roomsdk.carbonio.v16.model.Member;
import dev.roomsdk.carbonio.v16.model.Room;
import dev.roomsdk.carbonio.v16.model.RoomCreationFields;
import dev.roomsdk.carbonio.v16.model.RoomType;
import dev.roomsdk.contract.ContractServer;
import dev.roomsdk.core.error.BadRequestException;
import dev.roomsdk.core.error.InvalidConfigurationException;
import dev.roomsdk.core.error.InvalidRequestException;
import dev.roomsdk.core.error.UnprocessableEntityException;
import dev.roomsdk.core.operation.ApiResponse;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code X-WSC-API-VERSION}: what a 1.6 client sends (1.6.0 by default, the builder's version, a
 * call's own), what it refuses before any I/O (not semver, not 1.6), and how the server's 422
 * (older than asked) and 400 (not semver) surface: typed errors naming both versions.
 */
class Carbonio16ApiVersionContractTest {

    @RegisterExtension
    static final ContractServer server = ContractServer.forApi("carbonio-1.6");

    static final String ROOM_PATH = "/rooms/" + ROOM;

    private Carbonio client(String apiVersion) {
        Carbonio.Builder b = Carbonio.builder().generation(CarbonioGeneration.V1_6).baseUrl(server.baseUrl()).authToken(TOKEN);
        return (apiVersion == null ? b : b.apiVersion(apiVersion)).build();
    }

    @Test
    void theDefaultIsTheGenerationsBaseVersionAndTheServerEchoesIt() {
        server.stubFor(get(urlPathEqualTo(ROOM_PATH)).withHeader(API_VERSION_HEADER, equalTo("1.6.0"))
                .willReturn(Carbonio16Fixtures.json(200, GROUP_ROOM)));

        ApiResponse<Room> response;
        try (Carbonio carbonio = client(null)) {
            assertEquals("1.6.0", carbonio.v16().apiVersion());
            assertEquals(CarbonioGeneration.V1_6, carbonio.generation());
            response = carbonio.v16().rooms().getRoom(ROOM).executeWithResponse();
        }

        assertEquals("1.6.0", server.onlyRequest().getHeader(API_VERSION_HEADER));
        assertEquals("1.6.0", response.header(API_VERSION_HEADER));
        assertEquals(ROOM, response.value().getId());
    }

    @Test
    void theBuildersVersionGoesOnEveryWscCallAndACallCanSetItsOwn() {
        server.stubFor(get(urlPathEqualTo(ROOM_PATH)).willReturn(Carbonio16Fixtures.json(200, GROUP_ROOM)
                .withHeader(API_VERSION_HEADER, "1.6.4")));

        try (Carbonio carbonio = client("1.6.4")) {
            carbonio.v16().rooms().getRoom(ROOM).execute();
            carbonio.v16().rooms().getRoom(ROOM).apiVersion("1.6.2").execute();
            assertTrue(carbonio.toString().contains("apiVersion=1.6.4"), carbonio.toString());
        }

        assertEquals("1.6.4", server.requests().get(0).getHeader(API_VERSION_HEADER));
        assertEquals("1.6.2", server.requests().get(1).getHeader(API_VERSION_HEADER));
    }

    @Test
    void theBuilderRefusesAVersionThatIsNotSemverOrNotOfTheGeneration() {
        InvalidConfigurationException notSemver = assertThrows(InvalidConfigurationException.class,
                () -> Carbonio.builder().apiVersion("1.6"));
        assertTrue(notSemver.getMessage().contains("semantic version"), notSemver.getMessage());
        assertThrows(InvalidConfigurationException.class, () -> Carbonio.builder().apiVersion("v1.6.4"));
        assertThrows(InvalidConfigurationException.class, () -> Carbonio.builder().apiVersion("1.6.04"));
        assertThrows(InvalidConfigurationException.class, () -> Carbonio.builder().apiVersion(null));

        InvalidConfigurationException otherGeneration = assertThrows(InvalidConfigurationException.class,
                () -> Carbonio.builder()
                .generation(CarbonioGeneration.V1_6).baseUrl(server.baseUrl()).apiVersion("1.7.0").build());
        assertTrue(otherGeneration.getMessage().contains("1.7.0") && otherGeneration.getMessage().contains("1.6.x"),
                otherGeneration.getMessage());
        InvalidConfigurationException on131 = assertThrows(InvalidConfigurationException.class,
                () -> Carbonio.builder().baseUrl(server.baseUrl()).apiVersion("1.6.4").build());
        assertTrue(on131.getMessage().contains("generation(CarbonioGeneration.V1_6)"), on131.getMessage());

        try (Carbonio preRelease = client("1.6.5-rc.1+build.7")) {
            assertEquals("1.6.5-rc.1+build.7", preRelease.v16().apiVersion());
        }
        assertTrue(server.requests().isEmpty());
    }

    @Test
    void aCallsVersionThatIsNotSemverFailsBeforeAnyIo() {
        try (Carbonio carbonio = client(null)) {
            InvalidRequestException e = assertThrows(InvalidRequestException.class,
                    () -> carbonio.v16().rooms().getRoom(ROOM).apiVersion("latest").execute());
            assertTrue(e.getMessage().contains("header X-WSC-API-VERSION: must match"), e.getMessage());
            CompletionException async = assertThrows(CompletionException.class,
                    () -> carbonio.v16().rooms().getRoom(ROOM).apiVersion("1.6").executeAsync().join());
            assertInstanceOf(InvalidRequestException.class, async.getCause());
        }
        assertTrue(server.requests().isEmpty());
    }

    @Test
    void aServerOlderThanTheRequestedVersionAnswers422NamingItsOwnVersion() {
        server.stubFor(post(urlPathEqualTo("/rooms")).willReturn(error(422, "1.6.2")));

        UnprocessableEntityException e;
        try (Carbonio carbonio = client("1.6.4")) {
            e = assertThrows(UnprocessableEntityException.class, () -> carbonio.v16().rooms().insertRoom(new RoomCreationFields()
                    .type(RoomType.ONE_TO_ONE).members(List.of(new Member().userId(BOB)))).execute());
        }

        assertEquals(1, server.requests().size(), "a 422 is not retried");
        assertEquals(422, e.statusCode());
        assertEquals("1.6.2", e.serverApiVersion().orElseThrow());
        assertEquals("1.6.4", e.requestedApiVersion().orElseThrow());
        assertTrue(e.getMessage().contains("POST /rooms failed with HTTP 422"), e.getMessage());
        assertTrue(e.getMessage().contains("[server API version 1.6.2, requested 1.6.4]"), e.getMessage());
    }

    @Test
    void aVersionTheServerDoesNotReadAsSemverIs400NamingBothVersions() {
        // the SDK checks the contract's semver pattern first; a server with a stricter reading still answers 400
        server.stubFor(get(urlPathEqualTo(ROOM_PATH)).willReturn(error(400, "1.6.4")));

        BadRequestException e;
        try (Carbonio carbonio = client("1.6.3-beta")) {
            e = assertThrows(BadRequestException.class, () -> carbonio.v16().rooms().getRoom(ROOM).execute());
        }

        assertEquals("1.6.4", e.serverApiVersion().orElseThrow());
        assertEquals("1.6.3-beta", e.requestedApiVersion().orElseThrow());
        assertTrue(e.getMessage().contains("HTTP 400") && e.getMessage().contains("[server API version 1.6.4, requested 1.6.3-beta]"),
                e.getMessage());
    }
}
