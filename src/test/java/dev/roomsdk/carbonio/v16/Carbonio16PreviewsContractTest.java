package dev.roomsdk.carbonio.v16;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.FILE;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.assertCall;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.binary;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.roomsdk.carbonio.Carbonio;
import dev.roomsdk.carbonio.v16.model.ImageQualityEnum;
import dev.roomsdk.carbonio.v16.model.ImageShapeEnum;
import dev.roomsdk.carbonio.v16.model.ImageTypeEnum;
import dev.roomsdk.contract.ContractServer;
import dev.roomsdk.core.transfer.Download;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Previews and thumbnails of the 1.6 generation: the query in the contract's names, the bytes streamed back. */
class Carbonio16PreviewsContractTest {

    @RegisterExtension
    static final ContractServer server = ContractServer.forApi("carbonio-1.6");

    static final byte[] IMAGE = "png-preview".getBytes(StandardCharsets.US_ASCII);

    private static byte[] read(Download d) throws Exception {
        try (d) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            d.writeTo(out);
            return out.toByteArray();
        }
    }

    @Test
    void imagePreviewAndThumbnail() throws Exception {
        server.stubFor(get(urlPathEqualTo("/preview/image/" + FILE + "/100x200/")).willReturn(binary("image/png", IMAGE)));
        server.stubFor(get(urlPathEqualTo("/preview/image/" + FILE + "/100x200/thumbnail")).willReturn(binary("image/jpeg", IMAGE)));

        try (Carbonio carbonio = Carbonio16Fixtures.client(server.baseUrl(), null)) {
            assertArrayEquals(IMAGE, read(carbonio.v16().previews().getImagePreview(FILE, "100x200")
                    .quality(ImageQualityEnum.HIGH).outputFormat(ImageTypeEnum.PNG).crop(true).execute()));
            assertArrayEquals(IMAGE, read(carbonio.v16().previews().getImageThumbnail(FILE, "100x200")
                    .shape(ImageShapeEnum.ROUNDED).execute()));
        }

        List<LoggedRequest> requests = server.requests();
        assertCall(requests.get(0), "GET", "/preview/image/" + FILE + "/100x200/?quality=High&output_format=Png&crop=true");
        assertCall(requests.get(1), "GET", "/preview/image/" + FILE + "/100x200/thumbnail?shape=Rounded");
    }

    @Test
    void pdfPreviewAndThumbnail() throws Exception {
        server.stubFor(get(urlPathEqualTo("/preview/pdf/" + FILE + "/")).willReturn(binary("application/pdf", IMAGE)));
        server.stubFor(get(urlPathEqualTo("/preview/pdf/" + FILE + "/300x400/thumbnail")).willReturn(binary("image/png", IMAGE)));

        try (Carbonio carbonio = Carbonio16Fixtures.client(server.baseUrl(), null)) {
            assertArrayEquals(IMAGE, read(carbonio.v16().previews().getPdfPreview(FILE).firstPage(1).lastPage(3).execute()));
            assertArrayEquals(IMAGE, read(carbonio.v16().previews().getPdfThumbnail(FILE, "300x400")
                    .quality(ImageQualityEnum.LOW).outputFormat(ImageTypeEnum.JPEG).execute()));
        }

        List<LoggedRequest> requests = server.requests();
        assertCall(requests.get(0), "GET", "/preview/pdf/" + FILE + "/?firstPage=1&lastPage=3");
        assertCall(requests.get(1), "GET", "/preview/pdf/" + FILE + "/300x400/thumbnail?quality=Low&output_format=Jpeg");
        assertEquals("identity", requests.get(1).getHeader("Accept-Encoding"));
    }
}
