package dev.roomsdk.core.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;

/** {@link Download#fileName()}: {@code Content-Disposition} read per RFC 6266 and RFC 8187 (5987), reduced to a safe name. */
class DownloadFileNameTest {

    static Optional<String> name(String contentDisposition) {
        Response.Builder r = new Response.Builder().request(new Request.Builder().url("http://127.0.0.1/f").build())
                .protocol(Protocol.HTTP_1_1).code(200).message("OK")
                .body(ResponseBody.create(new byte[0], MediaType.get("application/octet-stream")));
        if (contentDisposition != null) {
            r.header("Content-Disposition", contentDisposition);
        }
        try (Download d = new Download(r.build(), null)) {
            return d.fileName();
        }
    }

    static void assertName(String expected, String header) {
        assertEquals(Optional.of(expected), name(header), header);
    }

    static void assertNoName(String header) {
        assertEquals(Optional.empty(), name(header), header);
    }

    @Test
    void aQuotedOrPlainFilename() {
        assertName("snoopy.png", "attachment; filename=\"snoopy.png\"");
        assertName("plain.txt", "attachment; filename=plain.txt; size=3");
        assertName("report.pdf", "inline;filename=report.pdf");
        assertName("upper.txt", "ATTACHMENT; FILENAME=\"upper.txt\"");
    }

    @Test
    void theExtendedValueIsPercentDecoded() {
        assertName("R\u00e9sum\u00e9.pdf", "attachment; filename*=UTF-8''R%C3%A9sum%C3%A9.pdf");
        assertName("\u00a3 rates.txt", "attachment; filename*=iso-8859-1'en'%A3%20rates.txt");
        assertName("\u65e5\u672c.txt", "attachment; filename*=utf-8'ja'%E6%97%A5%E6%9C%AC.txt");
    }

    @Test
    void theExtendedValueIsPreferredWhicheverComesFirst() {
        assertName("R\u00e9sum\u00e9.pdf", "attachment; filename=\"Resume.pdf\"; filename*=UTF-8''R%C3%A9sum%C3%A9.pdf");
        assertName("R\u00e9sum\u00e9.pdf", "attachment; filename*=UTF-8''R%C3%A9sum%C3%A9.pdf; filename=\"Resume.pdf\"");
    }

    @Test
    void anUnusableExtendedValueFallsBackToFilename() {
        assertName("Resume.pdf", "attachment; filename*=KOI8-R''%C1; filename=\"Resume.pdf\"");
        assertName("Resume.pdf", "attachment; filename*=UTF-8''bad%ZZ; filename=\"Resume.pdf\"");
        assertName("Resume.pdf", "attachment; filename*=UTF-8''%C3; filename=\"Resume.pdf\"");
        assertName("Resume.pdf", "attachment; filename*=no-quotes; filename=\"Resume.pdf\"");
        assertNoName("attachment; filename*=UTF-8''bad%ZZ");
    }

    @Test
    void aSemicolonInsideQuotesBelongsToTheName() {
        assertName("a;b.txt", "attachment; filename=\"a;b.txt\"");
        assertName("x; y=z.txt", "attachment; filename=\"x; y=z.txt\"; size=10");
    }

    @Test
    void quotedPairsAreUnescaped() {
        assertName("say \"hi\".txt", "attachment; filename=\"say \\\"hi\\\".txt\"");
        assertName("semi;\"colon\".txt", "attachment; filename=\"semi;\\\"colon\\\".txt\"; x=1");
    }

    @Test
    void pathsAreReducedToTheirLastSegment() {
        assertName("passwd", "attachment; filename=\"../../etc/passwd\"");
        assertName("passwd", "attachment; filename=/etc/passwd");
        assertName("evil.exe", "attachment; filename=\"C:\\\\Users\\\\me\\\\evil.exe\"");
        assertName("evil.sh", "attachment; filename*=UTF-8''..%2F..%2Fevil.sh");
        assertName("evil.sh", "attachment; filename*=UTF-8''..%5C..%5Cevil.sh");
    }

    @Test
    void nothingUsableMeansNoName() {
        assertNoName(null);
        assertNoName("inline");
        assertNoName("attachment");
        assertNoName("attachment; filename=");
        assertNoName("attachment; filename=\"\"");
        assertNoName("attachment; filename=\"..\"");
        assertNoName("attachment; filename=\"dir/\"");
        assertNoName("attachment; filename*=UTF-8''..%2F..");
    }

    @Test
    void controlCharactersAreDropped() {
        assertName("ab.txt", "attachment; filename*=UTF-8''a%00b%0D%0A.txt");
    }

    @Test
    void parametersOnlyNamedLikeFilenameAreIgnored() {
        assertName("real.txt", "attachment; myfilename=\"decoy.txt\"; filename=\"real.txt\"");
        assertNoName("attachment; xfilename=\"decoy.txt\"");
    }

    @Test
    void sloppyServersAreStillUnderstood() {
        assertName("my file.pdf", "attachment; filename=my file.pdf");
        assertName("open.txt", "attachment; filename=\"open.txt");
        assertName("no-type.txt", "filename=\"no-type.txt\"");
        assertName("quoted-ext.txt", "attachment; filename*=\"UTF-8''quoted-ext.txt\"");
        assertName("after-empty.txt", "attachment; ; filename=after-empty.txt");
    }
}
