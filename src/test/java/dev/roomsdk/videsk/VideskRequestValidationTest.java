package dev.roomsdk.videsk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomsdk.contract.ContractServer;
import dev.roomsdk.core.error.InvalidRequestException;
import dev.roomsdk.core.operation.OperationCall;
import dev.roomsdk.videsk.model.CreateRoomRequest;
import dev.roomsdk.videsk.model.RoomSettings;
import dev.roomsdk.videsk.model.UpdateRoomRequest;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

/**
 * Arguments that break the Videsk contract fail before any request is sent (WireMock's
 * journal stays empty), with an error naming the field and the rule.
 */
class VideskRequestValidationTest {

    @RegisterExtension
    static final ContractServer server = ContractServer.forApi("videsk");

    Videsk videsk;

    @BeforeEach
    void client() {
        videsk = Videsk.builder().baseUrl(server.baseUrl()).apiToken("t").build();
    }

    @AfterEach
    void close() {
        videsk.close();
    }

    List<String> refused(Executable call) {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, call);
        assertEquals(0, server.requests().size(), "nothing may reach the server");
        return e.violations();
    }

    @Test
    void limitBelowOneIsRefused() {
        List<String> v = refused(() -> videsk.rooms().listRooms().$limit(0).execute());
        assertEquals(List.of("$limit: must be at least 1, got 0"), v);
    }

    @Test
    void limitAboveHundredIsRefused() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> videsk.rooms().listRooms().$limit(101).execute());
        assertEquals(List.of("$limit: must be at most 100, got 101"), e.violations());
        assertEquals("listRooms (GET /vpaas/rooms): invalid request: $limit: must be at most 100, got 101", e.getMessage());
        assertEquals(0, server.requests().size());
    }

    @Test
    void everyBrokenRuleIsListedAndStringValuesAreNotEchoed() {
        String secretLike = "s3cr3t-".repeat(15);
        List<String> v = refused(() -> videsk.rooms().listRooms().$limit(101).$skip(-1).externalId(secretLike).execute());
        assertEquals(List.of("$limit: must be at most 100, got 101", "$skip: must be at least 0, got -1",
                "externalId: length must be at most 100, got 105"), v);
        assertFalse(String.join(" ", v).contains("s3cr3t"));
    }

    @Test
    void bodyFieldsAreCheckedAtEveryLevel() {
        CreateRoomRequest body = new CreateRoomRequest().name("n".repeat(501))
                .settings(new RoomSettings().maxParticipants(0));
        List<String> v = refused(() -> videsk.rooms().createRoom(body).execute());
        assertEquals(List.of("name: length must be at most 500, got 501", "settings.maxParticipants: must be at least 1, got 0"), v);
    }

    @Test
    void updateBodyIsCheckedToo() {
        List<String> v = refused(() -> videsk.rooms().updateRoom("r1", new UpdateRoomRequest().name("x".repeat(600))).execute());
        assertEquals(List.of("name: length must be at most 500, got 600"), v);
    }

    @Test
    void anEmptyRoomIdWouldChangeThePathAndIsRefused() {
        // "/vpaas/rooms/" would be the listing, not the room
        List<String> v = refused(() -> videsk.rooms().getRoom("").execute());
        assertEquals(List.of("roomId: length must be at least 1, got 0", "roomId: is empty, which would change the path"), v);
    }

    @Test
    void aValidCallStillGoesThrough() {
        server.stubFor(get(urlPathEqualTo("/vpaas/rooms")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"total\":0,\"limit\":100,\"skip\":0,\"data\":[]}")));
        assertEquals(0, videsk.rooms().listRooms().$limit(100).$skip(0).externalId("x".repeat(100)).execute().getTotal());
        assertEquals("100", server.onlyRequest().queryParameter("$limit").firstValue());
    }

    @Test
    void aNullRequiredArgumentIsRefusedNamingItWithoutAnyRequest() {
        assertEquals(List.of("roomId: is required"), refused(() -> videsk.rooms().getRoom(null).execute()));
        assertEquals(List.of("body: is required"), refused(() -> videsk.rooms().createRoom(null).execute()));
        assertEquals(List.of("roomId: is required", "body: is required"),
                refused(() -> videsk.rooms().updateRoom(null, null).execute()));
        assertEquals(List.of("roomId: is required"), refused(() -> videsk.rooms().joinRoom(null).execute()));
        assertEquals(List.of("roomId: is required"), refused(() -> videsk.rooms().deleteRoom(null).executeWithResponse()));
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> videsk.rooms().getRoom(null).execute());
        assertEquals("getRoom (GET /vpaas/rooms/{roomId}): invalid request: roomId: is required", e.getMessage());
        assertEquals(0, server.requests().size());
    }

    @Test
    void aNullRequiredArgumentFailsTheFutureNotTheCaller() {
        // making the call object and sending it asynchronously throw nothing: the future carries the failure
        OperationCall<?> call = videsk.rooms().getRoom(null);
        CompletableFuture<?> future = call.executeAsync();
        CompletableFuture<?> withResponse = videsk.rooms().updateRoom("r1", null).executeWithResponseAsync();

        assertEquals(List.of("roomId: is required"), refusedAsync(future));
        assertEquals(List.of("body: is required"), refusedAsync(withResponse));
        assertEquals(0, server.requests().size(), "nothing may reach the server");
    }

    @Test
    void roomQueryValuesAreCheckedAsTheyAreSetNamingTheWireField() {
        assertEquals(List.of("$limit: must be between 1 and 100, got 500"), refused(() -> RoomQuery.builder().limit(500)));
        assertEquals(List.of("$limit: must be between 1 and 100, got 0"), refused(() -> RoomQuery.builder().limit(0)));
        assertEquals(List.of("$skip: must be at least 0, got -1"), refused(() -> RoomQuery.builder().skip(-1)));
        assertEquals(List.of("$sort: the field must not be null or empty"),
                refused(() -> RoomQuery.builder().sortBy("", SortDirection.ASCENDING)));
        assertEquals(List.of("$sort: the field must not be null or empty"),
                refused(() -> RoomQuery.builder().sortBy(null, SortDirection.ASCENDING)));
        assertEquals(List.of("$sort: the direction must not be null"), refused(() -> RoomQuery.builder().sortBy("name", null)));
        assertEquals(List.of("externalId: must not be null"), refused(() -> RoomQuery.builder().externalId(null)));
        String secretLike = "s3cr3t-".repeat(15);
        List<String> tooLong = refused(() -> RoomQuery.builder().externalId(secretLike));
        assertEquals(List.of("externalId: length must be at most 100, got 105"), tooLong);
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> RoomQuery.builder().limit(500));
        assertEquals("invalid request: $limit: must be between 1 and 100, got 500", e.getMessage());
    }

    @Test
    void theConvenienceMethodsRefuseNullArgumentsWithoutAnyRequest() {
        InvalidRequestException query = assertThrows(InvalidRequestException.class, () -> videsk.listRooms(null));
        assertEquals("listRooms: invalid request: query: must not be null", query.getMessage());
        assertEquals(List.of("options: must not be null"), refused(() -> videsk.withOptions(null)));
        assertEquals(List.of("continuation: must not be null or empty"),
                refused(() -> videsk.listRooms(RoomQuery.all()).resumeFrom("")));
        List<String> negative = refused(() -> videsk.listRooms(RoomQuery.all()).pagesFrom("-1"));
        assertTrue(negative.get(0).startsWith("continuation: ") && negative.get(0).contains("$skip value (0 or more)"),
                negative.toString());
        assertEquals(0, server.requests().size());
    }

    List<String> refusedAsync(CompletableFuture<?> future) {
        assertTrue(future.isDone(), "refused before any I/O, so already complete");
        CompletionException thrown = assertThrows(CompletionException.class, future::join);
        return assertInstanceOf(InvalidRequestException.class, thrown.getCause()).violations();
    }
}
