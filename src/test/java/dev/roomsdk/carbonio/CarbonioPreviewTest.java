package dev.roomsdk.carbonio;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.roomsdk.carbonio.CarbonioFileFixtures.FILE_ID;
import static dev.roomsdk.carbonio.CarbonioFileFixtures.TOKEN;
import static dev.roomsdk.carbonio.CarbonioFileFixtures.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.roomsdk.carbonio.model.ImageQualityEnum;
import dev.roomsdk.carbonio.model.ImageShapeEnum;
import dev.roomsdk.carbonio.model.ImageTypeEnum;
import dev.roomsdk.contract.ContractServer;
import dev.roomsdk.core.error.BadRequestException;
import dev.roomsdk.core.error.InvalidRequestException;
import dev.roomsdk.core.transfer.Download;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Image and pdf previews and thumbnails: path, query parameters, bytes and content type. */
class CarbonioPreviewTest {

    @RegisterExtension
    static final ContractServer server = ContractServer.forApi("carbonio");

    Carbonio carbonio;

    @BeforeEach
    void client() {
        carbonio = CarbonioFileFixtures.client(server);
    }

    @AfterEach
    void close() {
        carbonio.close();
    }

    void stub(String path, String type, byte[] body) {
        server.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", type).withHeader("Content-Length", Integer.toString(body.length))
                .withBody(body)));
    }

    static byte[] read(Download d, String expectedType) throws IOException {
        try (d; InputStream in = d.inputStream()) {
            assertEquals(expectedType, d.contentType().orElseThrow());
            byte[] bytes = in.readAllBytes();
            assertEquals(bytes.length, d.contentLength());
            return bytes;
        }
    }

    static Map<String, String> query(LoggedRequest r) {
        Map<String, String> q = new TreeMap<>();
        r.getQueryParams().forEach((k, v) -> q.put(k, String.join(",", v.values())));
        return q;
    }

    @Test
    void imagePreviewWithEveryOption() throws IOException {
        String path = "/preview/image/" + FILE_ID + "/100x200/";
        byte[] png = bytes(9000);
        stub(path, "image/png", png);

        byte[] got = read(carbonio.previews().getImagePreview(FILE_ID, "100x200")
                .quality(ImageQualityEnum.HIGH).outputFormat(ImageTypeEnum.PNG).crop(true).execute(), "image/png");

        assertArrayEquals(png, got);
        LoggedRequest r = server.onlyRequest();
        assertEquals(path, r.getUrl().substring(0, r.getUrl().indexOf('?')));
        assertEquals(Map.of("quality", "High", "output_format", "Png", "crop", "true"), query(r));
        assertEquals(TOKEN, r.getCookies().get(Carbonio.AUTH_COOKIE).getValue());
    }

    @Test
    void imagePreviewWithOnlyTheSizeSendsNoQuery() throws IOException {
        String path = "/preview/image/" + FILE_ID + "/0x0/";
        byte[] jpeg = bytes(700);
        stub(path, "image/jpeg", jpeg);

        assertArrayEquals(jpeg, read(carbonio.previews().getImagePreview(FILE_ID, "0x0").execute(), "image/jpeg"));
        assertEquals(path, server.onlyRequest().getUrl());
    }

    @Test
    void imageThumbnailWithShape() throws IOException {
        String path = "/preview/image/" + FILE_ID + "/64x48/thumbnail";
        byte[] jpeg = bytes(2048);
        stub(path, "image/jpeg", jpeg);

        AtomicLong done = new AtomicLong();
        byte[] got = read(carbonio.previews().getImageThumbnail(FILE_ID, "64x48")
                .quality(ImageQualityEnum.LOW).outputFormat(ImageTypeEnum.JPEG).shape(ImageShapeEnum.ROUNDED)
                .progress((n, total) -> done.set(n)).execute(), "image/jpeg");

        assertArrayEquals(jpeg, got);
        LoggedRequest r = server.onlyRequest();
        assertTrue(r.getUrl().startsWith(path + "?"), r.getUrl());
        assertEquals(Map.of("quality", "Low", "output_format", "Jpeg", "shape", "Rounded"), query(r));
        assertEquals(jpeg.length, done.get(), "progress reported up to the whole body");
    }

    @Test
    void pdfPreviewOfSomePages() throws IOException {
        String path = "/preview/pdf/" + FILE_ID + "/";
        byte[] pdf = bytes(30_000);
        stub(path, "application/pdf", pdf);

        assertArrayEquals(pdf, read(carbonio.previews().getPdfPreview(FILE_ID).firstPage(2).lastPage(3).execute(),
                "application/pdf"));
        LoggedRequest r = server.onlyRequest();
        assertEquals(Map.of("firstPage", "2", "lastPage", "3"), query(r));
    }

    @Test
    void pdfPreviewOfEveryPageSendsNoPages() throws IOException {
        String path = "/preview/pdf/" + FILE_ID + "/";
        byte[] pdf = bytes(31_000);
        stub(path, "application/pdf", pdf);

        assertArrayEquals(pdf, read(carbonio.previews().getPdfPreview(FILE_ID).execute(), "application/pdf"));
        assertEquals(path, server.onlyRequest().getUrl());
    }

    @Test
    void pdfThumbnail() throws IOException {
        String path = "/preview/pdf/" + FILE_ID + "/80x80/thumbnail";
        byte[] gif = bytes(1500);
        stub(path, "image/gif", gif);

        assertArrayEquals(gif, read(carbonio.previews().getPdfThumbnail(FILE_ID, "80x80")
                .outputFormat(ImageTypeEnum.GIF).shape(ImageShapeEnum.RECTANGULAR).quality(ImageQualityEnum.HIGHEST)
                .execute(), "image/gif"));
        assertEquals(Map.of("output_format", "Gif", "shape", "Rectangular", "quality", "Highest"),
                query(server.onlyRequest()));
    }

    @Test
    void serverRejectionIsABadRequest() {
        server.stubFor(get(urlPathEqualTo("/preview/image/" + FILE_ID + "/10x10/thumbnail"))
                .willReturn(aResponse().withStatus(400)));
        BadRequestException e = assertThrows(BadRequestException.class,
                () -> carbonio.previews().getImageThumbnail(FILE_ID, "10x10").execute());
        assertEquals(400, e.statusCode());
    }

    @Test
    void anAreaNotOfTheFormWidthxHeightFailsBeforeAnyRequest() {
        String rule = "area: must match ^[0-9]+x[0-9]+$";
        assertRefused(() -> carbonio.previews().getImagePreview(FILE_ID, "100by200").execute(), rule);
        assertRefused(() -> carbonio.previews().getImagePreview(FILE_ID, "-1x10").execute(), rule);
        assertRefused(() -> carbonio.previews().getImageThumbnail(FILE_ID, "100x").execute(), rule);
        assertRefused(() -> carbonio.previews().getPdfThumbnail(FILE_ID, "100x200/../x").execute(), rule);
        CompletionException async = assertThrows(CompletionException.class,
                () -> carbonio.previews().getImagePreview(FILE_ID, "100by200").executeAsync().join());
        assertEquals(List.of(rule), assertInstanceOf(InvalidRequestException.class, async.getCause()).violations());
        assertRefused(() -> carbonio.previews().getImagePreview(FILE_ID, null).execute(), "area: is required");
        assertEquals(0, server.requests().size());
    }

    @Test
    void badOptionsFailBeforeAnyRequest() {
        assertRefused(() -> carbonio.previews().getImagePreview(FILE_ID, "1x1")
                .quality(ImageQualityEnum.UNKNOWN_DEFAULT_OPEN_API).execute(),
                "quality: must be one of the contract's values, got the placeholder for unknown server values");
        assertRefused(() -> carbonio.previews().getImageThumbnail(FILE_ID, "1x1")
                .outputFormat(ImageTypeEnum.UNKNOWN_DEFAULT_OPEN_API).execute(),
                "output_format: must be one of the contract's values, got the placeholder for unknown server values");
        assertRefused(() -> carbonio.previews().getPdfThumbnail(FILE_ID, "1x1")
                .shape(ImageShapeEnum.UNKNOWN_DEFAULT_OPEN_API).execute(),
                "shape: must be one of the contract's values, got the placeholder for unknown server values");
        // a shape for a preview or a crop for a thumbnail cannot even be written: their calls have no such setter
        assertRefused(() -> carbonio.previews().getPdfPreview(FILE_ID).firstPage(0).execute(),
                "firstPage: must be at least 1, got 0");
        assertRefused(() -> carbonio.previews().getPdfPreview(FILE_ID).firstPage(1).lastPage(-1).execute(),
                "lastPage: must be at least 0, got -1");
        assertEquals(0, server.requests().size());
    }

    static void assertRefused(org.junit.jupiter.api.function.Executable call, String violation) {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, call);
        assertEquals(List.of(violation), e.violations());
    }
}
