package dev.roomsdk.carbonio;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.roomsdk.carbonio.CarbonioFileFixtures.ID_JSON;
import static dev.roomsdk.carbonio.CarbonioFileFixtures.ROOM_ID;
import static dev.roomsdk.carbonio.CarbonioFileFixtures.USER_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.roomsdk.contract.ContractServer;
import dev.roomsdk.core.transfer.TransferBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The fileName/description header encoding Carbonio's server checks with
 * {@code (\\[uU][0-9a-fA-F]{4})*}: the caller gives plain text and the SDK writes every UTF-16
 * unit as {@code \}{@code uXXXX} on the wire (the contract's {@code x-sdk-encoding}).
 */
class CarbonioUnicodeEscapesTest {

    @RegisterExtension
    static final ContractServer server = ContractServer.forApi("carbonio");

    static final String ESCAPES = "(\\\\[uU][0-9a-fA-F]{4})*";
    static final String ATTACHMENTS = "/rooms/" + ROOM_ID + "/attachments";
    // non-ASCII from Latin-1 and CJK, and an emoji outside the BMP (a surrogate pair)
    static final String NAME = "r\u00e9sum\u00e9 \u65e5\u672c \ud83d\ude00.pdf";
    static final String DESCRIPTION = "Q3 \u2013 \ud83d\udcc8 \u00fcber";

    Carbonio carbonio;

    @BeforeEach
    void client() {
        carbonio = CarbonioFileFixtures.client(server);
    }

    @AfterEach
    void close() {
        carbonio.close();
    }

    void created() {
        server.stubFor(post(urlPathEqualTo(server.path(ATTACHMENTS))).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(ID_JSON)));
    }

    /** The text a header of escapes stands for; fails on anything else. */
    static String decode(String escaped) {
        assertTrue(escaped.matches(ESCAPES), "only \\uXXXX escapes on the wire: " + escaped);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < escaped.length(); i += 6) {
            b.append((char) Integer.parseInt(escaped.substring(i + 2, i + 6), 16));
        }
        return b.toString();
    }

    @Test
    void everyCharacterIsSentAsAnEscape() {
        created();

        carbonio.attachments().insertAttachment(ROOM_ID, "snoopy.jpg", "image/jpeg",
                TransferBody.of(new byte[] {1, 2}, "snoopy.jpg", "image/jpeg")).description("Hi").execute();

        LoggedRequest r = server.onlyRequest();
        // the vendor's own example
        assertEquals("\\u0073\\u006e\\u006f\\u006f\\u0070\\u0079\\u002e\\u006a\\u0070\\u0067", r.getHeader("fileName"));
        assertEquals("\\u0048\\u0069", r.getHeader("description"));
    }

    @Test
    void nonAsciiAndSurrogatePairsGoOutAsEscapesAndRoundTrip() {
        created();

        carbonio.files().uploadAttachment(ROOM_ID, TransferBody.of(new byte[] {7}, NAME, "application/pdf"))
                .description(DESCRIPTION).execute();

        LoggedRequest r = server.onlyRequest();
        String fileName = r.getHeader("fileName");
        String description = r.getHeader("description");
        assertTrue(fileName.startsWith("\\u0072\\u00e9\\u0073"), fileName);
        assertTrue(fileName.contains("\\u65e5\\u672c"), fileName);
        assertTrue(fileName.contains("\\ud83d\\ude00"), "the emoji as its two UTF-16 escapes: " + fileName);
        assertEquals(NAME.length() * 6, fileName.length(), "six ASCII characters per UTF-16 unit");
        assertEquals(NAME, decode(fileName));
        assertTrue(description.contains("\\u2013") && description.contains("\\ud83d\\udcc8"), description);
        assertEquals(DESCRIPTION, decode(description));
    }

    @Test
    void pictureFileNamesAreEscapedToo() {
        server.stubFor(put(urlPathEqualTo(server.path("/users/" + USER_ID + "/picture")))
                .willReturn(aResponse().withStatus(204)));

        carbonio.files().uploadUserPicture(USER_ID, TransferBody.of(new byte[] {1}, "\ud83d\ude00.png", "image/png")).execute();

        assertEquals("\\ud83d\\ude00\\u002e\\u0070\\u006e\\u0067", server.onlyRequest().getHeader("fileName"));
    }

    @Test
    void alreadyEscapedTextIsTakenAsPlainTextAndEscapedAgain() {
        created();

        // the caller gives plain text: a backslash is a character like any other
        carbonio.attachments().insertAttachment(ROOM_ID, "\\u0061.txt", "text/plain",
                TransferBody.of(new byte[] {1}, "a.txt", "text/plain")).execute();

        String fileName = server.onlyRequest().getHeader("fileName");
        assertTrue(fileName.startsWith("\\u005c\\u0075\\u0030\\u0030\\u0036\\u0031"), fileName);
        assertEquals("\\u0061.txt", decode(fileName));
    }
}
