package dev.roomsdk.carbonio;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.roomsdk.carbonio.CarbonioFileFixtures.ROOM_ID;
import static dev.roomsdk.carbonio.CarbonioFileFixtures.TOKEN;
import static dev.roomsdk.carbonio.CarbonioFileFixtures.attachmentId;
import static dev.roomsdk.carbonio.CarbonioFileFixtures.attachmentJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.matching.StringValuePattern;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.roomsdk.carbonio.model.Attachment;
import dev.roomsdk.contract.ContractServer;
import dev.roomsdk.core.error.InvalidRequestException;
import dev.roomsdk.core.error.NotFoundException;
import dev.roomsdk.core.paging.Page;
import dev.roomsdk.core.paging.PageFetchException;
import dev.roomsdk.core.paging.Paged;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** listRoomAttachmentInfo walked with its opaque {@code filter} cursor through {@link Carbonio#listAttachments(UUID)}. */
class CarbonioPaginationTest {

    @RegisterExtension
    static final ContractServer server = ContractServer.forApi("carbonio");

    static final String PATH = "/rooms/" + ROOM_ID + "/attachments";
    // cursors as the server makes them (Base64 of a JSON keyset), with the characters that need URL encoding
    static final String CURSOR_1 = "eyJpZCI6IjAwMDAiLCJjcmVhdGVkQXQiOiIyMDI2In0+/w==";
    static final String CURSOR_2 = "eyJpZCI6IjAwMDQiLCJjcmVhdGVkQXQiOiIyMDI2In0/+g==";

    Carbonio carbonio;

    @BeforeEach
    void client() {
        carbonio = CarbonioFileFixtures.client(server);
    }

    @AfterEach
    void close() {
        carbonio.close();
    }

    /** A page holding attachments {@code from} until {@code to} (exclusive), with {@code next} as its cursor or none. */
    static String page(int from, int to, String next) {
        String items = IntStream.range(from, to).mapToObj(CarbonioFileFixtures::attachmentJson)
                .collect(Collectors.joining(","));
        return "{" + (next == null ? "" : "\"filter\":\"" + next + "\",") + "\"attachments\":[" + items + "]}";
    }

    /** Serves {@code body} to the request carrying {@code filter}, as step {@code state} of a scenario. */
    void stubPage(StringValuePattern filter, String state, String nextState, String body) {
        server.stubFor(get(urlPathEqualTo(PATH)).withQueryParam("filter", filter)
                .inScenario("pages").whenScenarioStateIs(state).willSetStateTo(nextState)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body)));
    }

    void threePages() {
        stubPage(absent(), Scenario.STARTED, "second", page(0, 2, CURSOR_1));
        stubPage(equalTo(CURSOR_1), "second", "third", page(2, 4, CURSOR_2));
        stubPage(equalTo(CURSOR_2), "third", "done", page(4, 5, null));
    }

    static List<UUID> ids(int from, int to) {
        return IntStream.range(from, to).mapToObj(CarbonioFileFixtures::attachmentId).collect(Collectors.toList());
    }

    @Test
    void walksEveryPagePassingEachCursorBackUnchanged() {
        threePages();

        List<UUID> got = carbonio.listAttachments(ROOM_ID, 2).stream().map(Attachment::getId).collect(Collectors.toList());

        assertEquals(ids(0, 5), got);
        List<LoggedRequest> requests = server.requests();
        assertEquals(3, requests.size());
        for (LoggedRequest r : requests) {
            assertEquals("GET", r.getMethod().getName());
            assertEquals("2", r.queryParameter("itemsNumber").firstValue());
            assertEquals(TOKEN, r.getCookies().get(Carbonio.AUTH_COOKIE).getValue());
        }
        assertFalse(requests.get(0).queryParameter("filter").isPresent(), "no cursor on the first page");
        assertEquals(CURSOR_1, requests.get(1).queryParameter("filter").firstValue());
        assertEquals(CURSOR_2, requests.get(2).queryParameter("filter").firstValue());
        assertTrue(requests.get(1).getUrl().contains("filter=" + CURSOR_1.replace("+", "%2B").replace("/", "%2F")
                .replace("=", "%3D")), "cursor percent-encoded on the wire: " + requests.get(1).getUrl());
    }

    @Test
    void isLazyAndFetchesOnlyThePagesUsed() {
        threePages();
        Paged<Attachment> all = carbonio.listAttachments(ROOM_ID, 2);
        assertEquals(0, server.requests().size(), "nothing sent before iteration");

        Iterator<Attachment> it = all.iterator();
        assertEquals(0, server.requests().size(), "nothing sent by iterator()");
        assertEquals(attachmentId(0), it.next().getId());
        assertEquals(1, server.requests().size(), "the first item needs the first page only");
        it.next();
        assertEquals(1, server.requests().size(), "the rest of the first page is already here");
        assertEquals(attachmentId(2), it.next().getId());
        assertEquals(2, server.requests().size());

        server.wireMock().resetRequests();
        server.wireMock().resetScenarios();
        assertEquals(3, carbonio.listAttachments(ROOM_ID, 2).stream().limit(3).count());
        assertEquals(2, server.requests().size(), "limit(3) at 2 per page needs two pages");
    }

    @Test
    void defaultPageSizeIsTheSdkDefaultAndOneLastPageEndsIt() {
        stubPage(absent(), Scenario.STARTED, "done", page(0, 3, null));

        assertEquals(ids(0, 3), carbonio.listAttachments(ROOM_ID).stream().map(Attachment::getId).collect(Collectors.toList()));

        LoggedRequest r = server.onlyRequest();
        assertEquals(Integer.toString(Carbonio.DEFAULT_ATTACHMENT_PAGE_SIZE), r.queryParameter("itemsNumber").firstValue());
    }

    @Test
    void anEmptyPageEndsTheWalkWhateverItsCursor() {
        stubPage(absent(), Scenario.STARTED, "second", page(0, 2, CURSOR_1));
        stubPage(equalTo(CURSOR_1), "second", "done", page(0, 0, CURSOR_2));

        assertEquals(2, carbonio.listAttachments(ROOM_ID, 2).stream().count());
        assertEquals(2, server.requests().size(), "the empty page's cursor is not followed");

        server.wireMock().resetRequests();
        server.wireMock().resetScenarios();
        Page<Attachment> first = carbonio.listAttachments(ROOM_ID, 2).firstPage();
        Page<Attachment> second = first.nextPage();
        assertTrue(second.items().isEmpty());
        assertFalse(second.hasNextPage());
    }

    @Test
    void aRepeatedCursorFailsNamingItInsteadOfLooping() {
        stubPage(absent(), Scenario.STARTED, "second", page(0, 2, CURSOR_1));
        // a broken server hands out the same cursor again
        stubPage(equalTo(CURSOR_1), "second", "second", page(2, 4, CURSOR_1));
        List<UUID> seen = new ArrayList<>();

        PageFetchException e = assertThrows(PageFetchException.class,
                () -> carbonio.listAttachments(ROOM_ID, 2).forEach(a -> seen.add(a.getId())));

        assertTrue(e.getMessage().contains(CURSOR_1), e.getMessage());
        assertEquals(3, e.pageNumber());
        assertEquals(ids(0, 4), seen, "items already returned stay returned");
        assertEquals(2, server.requests().size(), "the repeated cursor is never sent");
    }

    @Test
    void anErrorOnPageTwoNamesThePageAndItsCursor() {
        stubPage(absent(), Scenario.STARTED, "second", page(0, 2, CURSOR_1));
        server.stubFor(get(urlPathEqualTo(PATH)).withQueryParam("filter", equalTo(CURSOR_1))
                .inScenario("pages").whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(404)));
        Iterator<Attachment> it = carbonio.listAttachments(ROOM_ID, 2).iterator();
        it.next();
        it.next();

        PageFetchException e = assertThrows(PageFetchException.class, it::hasNext);

        assertEquals(2, e.pageNumber());
        assertEquals(CURSOR_1, e.continuation());
        assertTrue(e.getMessage().contains("page 2") && e.getMessage().contains(CURSOR_1), e.getMessage());
        assertEquals(404, ((NotFoundException) e.getCause()).statusCode());
    }

    @Test
    void pagesCanBeWalkedAndResumedFromASavedCursor() {
        threePages();
        Page<Attachment> first = carbonio.listAttachments(ROOM_ID, 2).firstPage();
        assertEquals(ids(0, 2), first.items().stream().map(Attachment::getId).collect(Collectors.toList()));
        assertTrue(first.hasNextPage());
        String saved = first.nextContinuation().orElseThrow();
        assertEquals(CURSOR_1, saved);
        assertFalse(first.total().isPresent(), "Carbonio reports no total");

        List<UUID> rest = carbonio.listAttachments(ROOM_ID, 2).resumeFrom(saved).stream().map(Attachment::getId)
                .collect(Collectors.toList());
        assertEquals(ids(2, 5), rest);
        assertEquals(CURSOR_1, server.requests().get(1).queryParameter("filter").firstValue(),
                "the resumed walk starts at the saved cursor");
        assertEquals(3, server.requests().size());
    }

    @Test
    void invalidPageSizeFailsBeforeAnyRequest() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> carbonio.listAttachments(ROOM_ID, 0));
        assertEquals(List.of("itemsNumber: must be at least 1, got 0"), e.violations());
        assertTrue(e.getMessage().contains("itemsNumber") && e.getMessage().contains("at least 1"), e.getMessage());
        InvalidRequestException noRoom = assertThrows(InvalidRequestException.class, () -> carbonio.listAttachments(null));
        assertEquals(List.of("roomId: is required"), noRoom.violations());
        assertEquals(0, server.requests().size());
    }
}
