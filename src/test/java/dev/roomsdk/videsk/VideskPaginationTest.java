package dev.roomsdk.videsk;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.matching.StringValuePattern;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.roomsdk.contract.ContractServer;
import dev.roomsdk.core.error.InvalidRequestException;
import dev.roomsdk.core.error.ServerException;
import dev.roomsdk.core.paging.Page;
import dev.roomsdk.core.paging.PageFetchException;
import dev.roomsdk.core.paging.Paged;
import dev.roomsdk.videsk.model.Room;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Videsk's $skip/$limit/total paging through {@link Videsk#listRooms(RoomQuery)}. */
class VideskPaginationTest {

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

    static String page(int total, int limit, int skip, int count) {
        String data = IntStream.range(skip, skip + count)
                .mapToObj(i -> "{\"id\":\"room-" + i + "\",\"name\":\"Room " + i + "\"}")
                .collect(Collectors.joining(","));
        return "{\"total\":" + total + ",\"limit\":" + limit + ",\"skip\":" + skip + ",\"data\":[" + data + "]}";
    }

    void stubPage(StringValuePattern skip, String body) {
        MappingBuilder m = get(urlPathEqualTo("/vpaas/rooms")).withQueryParam("$skip", skip);
        server.stubFor(m.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body)));
    }

    @Test
    void walksEveryPageCarryingFiltersAndSort() {
        stubPage(absent(), page(5, 2, 0, 2));
        stubPage(equalTo("2"), page(5, 2, 2, 2));
        stubPage(equalTo("4"), page(5, 2, 4, 1));

        List<String> ids = videsk.listRooms(RoomQuery.builder().limit(2).ended(true)
                        .sortBy("createdAt", SortDirection.DESCENDING).build())
                .stream().map(Room::getId).collect(Collectors.toList());

        assertEquals(List.of("room-0", "room-1", "room-2", "room-3", "room-4"), ids);
        List<LoggedRequest> requests = server.requests();
        assertEquals(3, requests.size());
        for (LoggedRequest r : requests) {
            assertEquals("2", r.queryParameter("$limit").firstValue());
            assertEquals("true", r.queryParameter("ended").firstValue());
            assertEquals("-1", r.queryParameter("$sort[createdAt]").firstValue());
        }
        assertFalse(requests.get(0).queryParameter("$skip").isPresent());
        assertEquals("2", requests.get(1).queryParameter("$skip").firstValue());
        assertEquals("4", requests.get(2).queryParameter("$skip").firstValue());
    }

    @Test
    void defaultsToTheMaximumPageSizeAndIsLazy() {
        stubPage(absent(), page(150, 100, 0, 100));
        stubPage(equalTo("100"), page(150, 100, 100, 50));

        Paged<Room> rooms = videsk.listRooms(RoomQuery.all());
        Iterator<Room> it = rooms.iterator();
        assertEquals(0, server.requests().size(), "nothing sent before iteration");
        it.next();
        assertEquals(1, server.requests().size());
        assertEquals("100", server.requests().get(0).queryParameter("$limit").firstValue());

        assertEquals(101, rooms.stream().limit(101).count());
        assertEquals(3, server.requests().size(), "limit(101) needs exactly two pages");
    }

    @Test
    void shrinkingTotalEndsTheWalk() {
        stubPage(absent(), page(6, 2, 0, 2));
        // two rooms were removed meanwhile: the server now reports total 3
        stubPage(equalTo("2"), page(3, 2, 2, 1));

        assertEquals(3, videsk.listRooms(RoomQuery.builder().limit(2).build()).stream().count());
        assertEquals(2, server.requests().size());
    }

    @Test
    void emptyPageEndsTheWalkEvenIfTotalSaysMore() {
        stubPage(absent(), page(10, 2, 0, 2));
        stubPage(equalTo("2"), page(10, 2, 2, 0));

        assertEquals(2, videsk.listRooms(RoomQuery.builder().limit(2).build()).stream().count());
        assertEquals(2, server.requests().size());
    }

    @Test
    void resumesFromASavedSkip() {
        stubPage(absent(), page(4, 2, 0, 2));
        stubPage(equalTo("2"), page(4, 2, 2, 2));

        Page<Room> first = videsk.listRooms(RoomQuery.builder().limit(2).build()).firstPage();
        String saved = first.nextContinuation().orElseThrow();
        assertEquals("2", saved);
        assertEquals(4, first.total().getAsLong());

        List<String> rest = videsk.listRooms(RoomQuery.builder().limit(2).build()).resumeFrom(saved)
                .stream().map(Room::getId).collect(Collectors.toList());
        assertEquals(List.of("room-2", "room-3"), rest);
    }

    @Test
    void failingPageSaysWhichSkipFailed() {
        stubPage(absent(), page(4, 2, 0, 2));
        server.stubFor(get(urlPathEqualTo("/vpaas/rooms")).withQueryParam("$skip", equalTo("2"))
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                        .withBody("{\"name\":\"GeneralError\",\"message\":\"boom\",\"code\":500,\"className\":\"general-error\"}")));
        Iterator<Room> it = videsk.listRooms(RoomQuery.builder().limit(2).build()).iterator();
        it.next();
        it.next();

        PageFetchException e = assertThrows(PageFetchException.class, it::hasNext);

        assertEquals(2, e.pageNumber());
        assertEquals("2", e.continuation());
        assertEquals(500, ((ServerException) e.getCause()).statusCode());
    }

    @Test
    void invalidPageSizeFailsBeforeAnyRequest() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> RoomQuery.builder().limit(101));
        assertTrue(e.getMessage().contains("$limit") && e.getMessage().contains("100"));
        InvalidRequestException bad = assertThrows(InvalidRequestException.class,
                () -> videsk.listRooms(RoomQuery.all()).resumeFrom("abc"));
        assertEquals(1, bad.violations().size());
        assertTrue(bad.violations().get(0).startsWith("continuation: ") && bad.getMessage().contains("$skip"), bad.getMessage());
        assertFalse(bad.getMessage().contains("abc"), "the value passed is not quoted: " + bad.getMessage());
        assertEquals(0, server.requests().size());
    }
}
