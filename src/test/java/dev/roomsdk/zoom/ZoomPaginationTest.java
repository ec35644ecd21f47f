package dev.roomsdk.zoom;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.roomsdk.zoom.ZoomWire.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.matching.StringValuePattern;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.roomsdk.contract.ContractServer;
import dev.roomsdk.core.error.BadRequestException;
import dev.roomsdk.core.error.InvalidRequestException;
import dev.roomsdk.core.error.NotFoundException;
import dev.roomsdk.core.error.RoomSdkException;
import dev.roomsdk.core.paging.Page;
import dev.roomsdk.core.paging.PageFetchException;
import dev.roomsdk.core.paging.Paged;
import dev.roomsdk.zoom.model.Location;
import dev.roomsdk.zoom.model.SignageContent;
import dev.roomsdk.zoom.model.ZoomRoom;
import dev.roomsdk.zoom.model.ZoomRoomStatus;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Zoom's page_size / next_page_token paging through the lazy listings of {@link ZoomRooms}. */
class ZoomPaginationTest {

    @RegisterExtension
    static final ContractServer server = ContractServer.forApi("zoom");

    static final String EXPIRED_TOKEN = "{\"code\":300,\"message\":\"The next page token is invalid or expired.\"}";

    ZoomRooms zoom;

    @BeforeEach
    void client() {
        zoom = ZoomWire.client(server);
    }

    @AfterEach
    void close() {
        zoom.close();
    }

    static String roomsPage(int from, int count, String next) {
        String rooms = IntStream.range(from, from + count)
                .mapToObj(i -> "{\"id\":\"room-" + i + "\",\"name\":\"Room " + i + "\",\"status\":\"Available\"}")
                .collect(Collectors.joining(","));
        return "{\"page_size\":" + count + (next == null ? "" : ",\"next_page_token\":\"" + next + "\"")
                + ",\"rooms\":[" + rooms + "]}";
    }

    static StringValuePattern token(String token) {
        return token == null ? absent() : equalTo(token);
    }

    /** Page {@code token} of /rooms answers {@code body}, whatever the scenario state. */
    void stubRooms(String token, String body) {
        server.stubFor(get(urlPathEqualTo("/v2/rooms")).withQueryParam("next_page_token", token(token))
                .willReturn(json(200, body)));
    }

    static List<String> ids(Paged<ZoomRoom> rooms) {
        return rooms.stream().map(ZoomRoom::getId).collect(Collectors.toList());
    }

    @Test
    void walksEveryPageWithTheSameFilters() {
        // a scenario: each page may only be asked for after the one before it
        String[] states = {Scenario.STARTED, "page-2", "page-3"};
        String[] tokens = {null, "tok-2", "tok-3"};
        String[] next = {"tok-2", "tok-3", ""};
        for (int i = 0; i < 3; i++) {
            server.stubFor(get(urlPathEqualTo("/v2/rooms")).inScenario("rooms").whenScenarioStateIs(states[i])
                    .withQueryParam("next_page_token", token(tokens[i]))
                    .willReturn(json(200, roomsPage(i * 2, 2, next[i])))
                    .willSetStateTo(i < 2 ? states[i + 1] : "done"));
        }

        List<String> ids = ids(zoom.listRooms(ZoomRoomQuery.builder().status(ZoomRoomStatus.AVAILABLE)
                .locationId("loc-1").queryName("Room").pageSize(2).build()));

        assertEquals(List.of("room-0", "room-1", "room-2", "room-3", "room-4", "room-5"), ids);
        List<LoggedRequest> requests = server.requests();
        assertEquals(3, requests.size());
        for (LoggedRequest r : requests) {
            assertEquals("GET", r.getMethod().getName());
            assertEquals("/v2/rooms", r.getUrl().split("\\?")[0]);
            assertEquals("Bearer " + ZoomWire.TOKEN, r.getHeader("Authorization"));
            assertEquals("2", r.queryParameter("page_size").firstValue());
            assertEquals("Available", r.queryParameter("status").firstValue());
            assertEquals("loc-1", r.queryParameter("location_id").firstValue());
            assertEquals("Room", r.queryParameter("query_name").firstValue());
        }
        assertFalse(requests.get(0).queryParameter("next_page_token").isPresent());
        assertEquals("tok-2", requests.get(1).queryParameter("next_page_token").firstValue());
        assertEquals("tok-3", requests.get(2).queryParameter("next_page_token").firstValue());
    }

    @Test
    void isLazyAndDefaultsToTheMaximumPageSize() {
        stubRooms(null, roomsPage(0, 2, "tok-2"));
        stubRooms("tok-2", roomsPage(2, 2, ""));
        Paged<ZoomRoom> rooms = zoom.listRooms(ZoomRoomQuery.all());
        assertEquals(0, server.requests().size(), "nothing sent when the listing is made");

        Iterator<ZoomRoom> it = rooms.iterator();
        assertEquals(0, server.requests().size(), "nothing sent by iterator()");
        assertEquals("room-0", it.next().getId());
        assertEquals(1, server.requests().size(), "the first item needs only the first page");
        assertEquals("300", server.requests().get(0).queryParameter("page_size").firstValue());
        it.next();
        assertEquals(1, server.requests().size(), "the rest of page 1 is already here");

        assertEquals(2, rooms.stream().limit(2).count());
        assertEquals(2, server.requests().size(), "limit(2) fits in one page");
        assertEquals(3, rooms.stream().limit(3).count());
        assertEquals(4, server.requests().size(), "limit(3) needs two pages");
    }

    @Test
    void pagesExposeTheirTokensAndResume() {
        stubRooms(null, roomsPage(0, 2, "tok-2"));
        stubRooms("tok-2", roomsPage(2, 1, ""));

        Page<ZoomRoom> first = zoom.listRooms(ZoomRoomQuery.all()).firstPage();
        assertTrue(first.hasNextPage());
        assertEquals("tok-2", first.nextContinuation().orElseThrow());
        assertTrue(first.total().isEmpty(), "Zoom does not report a total here");

        assertEquals(List.of("room-2"), ids(zoom.listRooms(ZoomRoomQuery.all()).resumeFrom("tok-2")));
        assertEquals("tok-2", server.requests().get(1).queryParameter("next_page_token").firstValue());
    }

    @Test
    void aMissingTokenEndsTheWalkToo() {
        stubRooms(null, roomsPage(0, 3, null));

        assertEquals(3, zoom.listRooms(ZoomRoomQuery.all()).stream().count());
        assertEquals(1, server.requests().size());
    }

    @Test
    void aRepeatedTokenFailsNamingItInsteadOfLooping() {
        stubRooms(null, roomsPage(0, 1, "tok-2"));
        stubRooms("tok-2", roomsPage(1, 1, "tok-2"));
        List<String> seen = new ArrayList<>();
        Iterator<ZoomRoom> it = zoom.listRooms(ZoomRoomQuery.all()).iterator();

        PageFetchException e = assertThrows(PageFetchException.class, () -> {
            for (int i = 0; i < 10 && it.hasNext(); i++) {
                seen.add(it.next().getId());
            }
        });

        assertEquals(List.of("room-0", "room-1"), seen, "items before the failure stay returned");
        assertTrue(e.getMessage().contains("'tok-2'"), e.getMessage());
        assertEquals("tok-2", e.continuation());
        assertEquals(2, server.requests().size());
    }

    @Test
    void anErrorOnPageKNamesThePageAndToken() {
        stubRooms(null, roomsPage(0, 2, "tok-2"));
        server.stubFor(get(urlPathEqualTo("/v2/rooms")).withQueryParam("next_page_token", equalTo("tok-2"))
                .willReturn(json(429, "{\"code\":429,\"message\":\"You have reached the maximum per-second rate limit"
                        + " for this API. Try again later.\"}").withHeader("X-RateLimit-Type", "QPS")));
        Iterator<ZoomRoom> it = zoom.listRooms(ZoomRoomQuery.all()).iterator();
        it.next();
        it.next();

        PageFetchException e = assertThrows(PageFetchException.class, it::hasNext);

        assertEquals(2, e.pageNumber());
        assertEquals("tok-2", e.continuation());
        assertTrue(e.getMessage().contains("page 2") && e.getMessage().contains("'tok-2'"), e.getMessage());
        assertEquals(429, ((dev.roomsdk.core.error.RateLimitException) e.getCause()).statusCode());
    }

    @Test
    void aFailureOnPageKIsCaughtByTheSdkRootException() {
        server.stubFor(get(urlPathEqualTo("/v2/rooms/locations")).withQueryParam("next_page_token", absent())
                .willReturn(json(200, "{\"page_size\":1,\"next_page_token\":\"loc-2\",\"locations\":[{\"id\":\"l1\",\"name\":\"Italy\"}]}")));
        server.stubFor(get(urlPathEqualTo("/v2/rooms/locations")).withQueryParam("next_page_token", equalTo("loc-2"))
                .willReturn(json(404, "{\"code\":404,\"message\":\"Location does not exist.\"}")));
        List<String> seen = new ArrayList<>();
        RoomSdkException caught = null;

        try {
            for (Location location : zoom.listLocations()) {
                seen.add(location.getId());
            }
        } catch (RoomSdkException e) { // the one catch a caller writes around single calls and iterations
            caught = e;
        }

        assertEquals(List.of("l1"), seen);
        PageFetchException e = assertInstanceOf(PageFetchException.class, caught);
        assertEquals(2, e.pageNumber());
        assertEquals("loc-2", e.continuation());
        assertEquals(404, assertInstanceOf(NotFoundException.class, e.getCause()).statusCode());
    }

    @Test
    void anErrorOnTheFirstPageSaysFirstPage() {
        server.stubFor(get(urlPathEqualTo("/v2/rooms/locations")).willReturn(json(404,
                "{\"code\":404,\"message\":\"Location does not exist.\"}")));

        PageFetchException e = assertThrows(PageFetchException.class, () -> zoom.listLocations().iterator().hasNext());

        assertEquals(1, e.pageNumber());
        assertTrue(e.getMessage().contains("first page"), e.getMessage());
        assertInstanceOf(NotFoundException.class, e.getCause());
    }

    @Test
    void anExpiredPageTokenSaysSoAndNamesIt() {
        stubRooms(null, roomsPage(0, 2, "tok-2"));
        server.stubFor(get(urlPathEqualTo("/v2/rooms")).withQueryParam("next_page_token", equalTo("tok-2"))
                .willReturn(json(400, EXPIRED_TOKEN)));
        Iterator<ZoomRoom> it = zoom.listRooms(ZoomRoomQuery.all()).iterator();
        it.next();
        it.next();

        PageFetchException e = assertThrows(PageFetchException.class, it::hasNext);

        assertEquals("tok-2", e.continuation());
        ZoomPageTokenExpiredException expired = assertInstanceOf(ZoomPageTokenExpiredException.class, e.getCause());
        assertEquals("tok-2", expired.pageToken());
        assertTrue(expired.getMessage().contains("'tok-2'") && expired.getMessage().contains("expired"), expired.getMessage());
        assertTrue(e.getMessage().contains("expired"), e.getMessage());
        BadRequestException zoomAnswer = assertInstanceOf(BadRequestException.class, expired.getCause());
        assertEquals("300", zoomAnswer.vendorError().orElseThrow().code().orElseThrow());
    }

    @Test
    void resumingFromAStaleTokenFailsOnTheFirstPage() {
        server.stubFor(get(urlPathEqualTo("/v2/rooms/digital_signage")).withQueryParam("next_page_token", equalTo("old"))
                .willReturn(json(400, EXPIRED_TOKEN)));

        PageFetchException e = assertThrows(PageFetchException.class,
                () -> zoom.listDigitalSignageContent().resumeFrom("old").stream().count());

        assertEquals(1, e.pageNumber());
        assertEquals("old", assertInstanceOf(ZoomPageTokenExpiredException.class, e.getCause()).pageToken());
    }

    @Test
    void aBadRequestUnrelatedToTheTokenStaysABadRequest() {
        server.stubFor(get(urlPathEqualTo("/v2/rooms")).willReturn(json(400,
                "{\"code\":300,\"message\":\"Invalid field: location_id.\"}")));

        PageFetchException e = assertThrows(PageFetchException.class,
                () -> zoom.listRooms(ZoomRoomQuery.builder().locationId("bad").build()).iterator().hasNext());

        assertInstanceOf(BadRequestException.class, e.getCause());
    }

    @Test
    void locationsWalkEveryPage() {
        server.stubFor(get(urlPathEqualTo("/v2/rooms/locations")).withQueryParam("next_page_token", absent())
                .willReturn(json(200, "{\"page_size\":1,\"next_page_token\":\"loc-tok\",\"locations\":[{\"id\":\"l1\",\"name\":\"Italy\",\"type\":\"country\"}]}")));
        server.stubFor(get(urlPathEqualTo("/v2/rooms/locations")).withQueryParam("next_page_token", equalTo("loc-tok"))
                .willReturn(json(200, "{\"page_size\":1,\"next_page_token\":\"\",\"locations\":[{\"id\":\"l2\",\"name\":\"Milano\",\"type\":\"city\"}]}")));

        List<String> names = zoom.listLocations("root", "city", 1).stream().map(Location::getName).collect(Collectors.toList());

        assertEquals(List.of("Italy", "Milano"), names);
        for (LoggedRequest r : server.requests()) {
            assertEquals("root", r.queryParameter("parent_location_id").firstValue());
            assertEquals("city", r.queryParameter("type").firstValue());
            assertEquals("1", r.queryParameter("page_size").firstValue());
        }
        assertEquals(2, server.requests().size());
    }

    @Test
    void signageContentsWalkEveryPage() {
        server.stubFor(get(urlPathEqualTo("/v2/rooms/digital_signage")).withQueryParam("next_page_token", absent())
                .willReturn(json(200, "{\"page_size\":300,\"next_page_token\":\"s2\",\"contents\":[{\"id\":\"c1\"}]}")));
        server.stubFor(get(urlPathEqualTo("/v2/rooms/digital_signage")).withQueryParam("next_page_token", equalTo("s2"))
                .willReturn(json(200, "{\"page_size\":300,\"next_page_token\":\"\",\"contents\":[{\"id\":\"c2\"}]}")));

        List<String> ids = zoom.listDigitalSignageContent("content", "f1", 300).stream()
                .map(SignageContent::getId).collect(Collectors.toList());

        assertEquals(List.of("c1", "c2"), ids);
        assertEquals("f1", server.requests().get(1).queryParameter("folder_id").firstValue());
        assertEquals("content", server.requests().get(1).queryParameter("type").firstValue());
    }

    @Test
    void pageSizeIsCheckedBeforeAnyRequest() {
        for (int bad : new int[] {0, -1, 301}) {
            InvalidRequestException e = assertThrows(InvalidRequestException.class,
                    () -> ZoomRoomQuery.builder().pageSize(bad));
            assertTrue(e.getMessage().contains("page_size") && e.getMessage().contains("300")
                    && e.getMessage().contains(Integer.toString(bad)), e.getMessage());
            assertThrows(InvalidRequestException.class, () -> zoom.listLocations(null, null, bad));
            assertThrows(InvalidRequestException.class, () -> zoom.listDigitalSignageContent(null, null, bad));
        }
        assertEquals(300, zoom.listLocations(null, null, 300).pageSize());
        assertEquals(1, zoom.listDigitalSignageContent(null, null, 1).pageSize());
        assertEquals(0, server.requests().size());
    }

    @Test
    void aBadPageSizeOrAMissingQueryIsNamedInTheViolation() {
        InvalidRequestException size = assertThrows(InvalidRequestException.class, () -> zoom.listLocations(null, null, 301));
        assertEquals(List.of("page_size: must be between 1 and 300 (Zoom's maximum), got 301"), size.violations());
        InvalidRequestException query = assertThrows(InvalidRequestException.class, () -> zoom.listRooms(null));
        assertEquals("listZoomRooms: invalid request: query: must not be null", query.getMessage());
        assertEquals(0, server.requests().size());
    }
}
