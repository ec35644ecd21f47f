package dev.roomsdk.carbonio;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.roomsdk.carbonio.CarbonioFileFixtures.FILE_ID;
import static dev.roomsdk.carbonio.CarbonioFileFixtures.TOKEN;
import static dev.roomsdk.carbonio.CarbonioFileFixtures.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.roomsdk.carbonio.model.ImageQualityEnum;
import dev.roomsdk.carbonio.model.ImageShapeEnum;
import dev.roomsdk.carbonio.model.ImageTypeEnum;
import dev.roomsdk.contract.ContractServer;
import dev.roomsdk.core.error.BadRequestException;
import dev.roomsdk.core.transfer.Download;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.TreeMap;
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

        byte[] got = read(carbonio.files().imagePreview(FILE_ID, ImageOptions.builder(100, 200)
                .quality(ImageQualityEnum.HIGH).format(ImageTypeEnum.PNG).crop(true).build()), "image/png");

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

        assertArrayEquals(jpeg, read(carbonio.files().imagePreview(FILE_ID, ImageOptions.of(0, 0)), "image/jpeg"));
        assertEquals(path, server.onlyRequest().getUrl());
    }

    @Test
    void imageThumbnailWithShape() throws IOException {
        String path = "/preview/image/" + FILE_ID + "/64x48/thumbnail";
        byte[] jpeg = bytes(2048);
        stub(path, "image/jpeg", jpeg);

        byte[] got = read(carbonio.files().imageThumbnail(FILE_ID, ImageOptions.builder(64, 48)
                .quality(ImageQualityEnum.LOW).format(ImageTypeEnum.JPEG).shape(ImageShapeEnum.ROUNDED).build(),
                (done, total) -> { }), "image/jpeg");

        assertArrayEquals(jpeg, got);
        LoggedRequest r = server.onlyRequest();
        assertTrue(r.getUrl().startsWith(path + "?"), r.getUrl());
        assertEquals(Map.of("quality", "Low", "output_format", "Jpeg", "shape", "Rounded"), query(r));
    }

    @Test
    void pdfPreviewOfSomePages() throws IOException {
        String path = "/preview/pdf/" + FILE_ID + "/";
        byte[] pdf = bytes(30_000);
        stub(path, "application/pdf", pdf);

        assertArrayEquals(pdf, read(carbonio.files().pdfPreview(FILE_ID, 2, 3), "application/pdf"));
        LoggedRequest r = server.onlyRequest();
        assertEquals(Map.of("firstPage", "2", "lastPage", "3"), query(r));
    }

    @Test
    void pdfPreviewOfEveryPageSendsNoPages() throws IOException {
        String path = "/preview/pdf/" + FILE_ID + "/";
        byte[] pdf = bytes(31_000);
        stub(path, "application/pdf", pdf);

        assertArrayEquals(pdf, read(carbonio.files().pdfPreview(FILE_ID), "application/pdf"));
        assertEquals(path, server.onlyRequest().getUrl());
    }

    @Test
    void pdfThumbnail() throws IOException {
        String path = "/preview/pdf/" + FILE_ID + "/80x80/thumbnail";
        byte[] gif = bytes(1500);
        stub(path, "image/gif", gif);

        assertArrayEquals(gif, read(carbonio.files().pdfThumbnail(FILE_ID, ImageOptions.builder(80, 80)
                .format(ImageTypeEnum.GIF).shape(ImageShapeEnum.RECTANGULAR).quality(ImageQualityEnum.HIGHEST)
                .build()), "image/gif"));
        assertEquals(Map.of("output_format", "Gif", "shape", "Rectangular", "quality", "Highest"),
                query(server.onlyRequest()));
    }

    @Test
    void serverRejectionIsABadRequest() {
        server.stubFor(get(urlPathEqualTo("/preview/image/" + FILE_ID + "/10x10/thumbnail"))
                .willReturn(aResponse().withStatus(400)));
        BadRequestException e = assertThrows(BadRequestException.class,
                () -> carbonio.files().imageThumbnail(FILE_ID, ImageOptions.of(10, 10)));
        assertEquals(400, e.statusCode());
    }

    @Test
    void badOptionsFailBeforeAnyRequest() {
        assertMessage(() -> ImageOptions.of(-1, 10), "width and height");
        assertMessage(() -> ImageOptions.builder(1, 1).quality(ImageQualityEnum.UNKNOWN_DEFAULT_OPEN_API), "quality");
        assertMessage(() -> ImageOptions.builder(1, 1).format(ImageTypeEnum.UNKNOWN_DEFAULT_OPEN_API), "output_format");
        assertMessage(() -> carbonio.files().imagePreview(FILE_ID,
                ImageOptions.builder(1, 1).shape(ImageShapeEnum.ROUNDED).build()), "shape");
        assertMessage(() -> carbonio.files().imageThumbnail(FILE_ID,
                ImageOptions.builder(1, 1).crop(true).build()), "crop");
        assertMessage(() -> carbonio.files().pdfThumbnail(FILE_ID,
                ImageOptions.builder(1, 1).crop(false).build()), "crop");
        assertMessage(() -> carbonio.files().pdfPreview(FILE_ID, 0, 0), "firstPage");
        assertMessage(() -> carbonio.files().pdfPreview(FILE_ID, 3, 2), "lastPage");
        assertEquals(0, server.requests().size());
    }

    static void assertMessage(org.junit.jupiter.api.function.Executable call, String field) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(field), e.getMessage());
    }
}
