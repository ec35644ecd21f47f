package dev.roomsdk.readme;

import dev.roomsdk.carbonio.Carbonio;
import dev.roomsdk.carbonio.model.Attachment;
import dev.roomsdk.carbonio.model.Id;
import dev.roomsdk.carbonio.model.Room;
import dev.roomsdk.carbonio.model.RoomType;
import dev.roomsdk.core.transfer.Download;
import dev.roomsdk.core.transfer.TransferBody;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.UUID;
import java.util.function.Supplier;

/** The README's Carbonio 1.3.1 snippets; see {@link ReadmeVideskSnippets}. */
final class ReadmeCarbonioSnippets {

    private ReadmeCarbonioSnippets() {
    }

    static void quickstart(String wscUrl, Supplier<String> zmAuthToken, UUID queueId, Path report, Path copy)
            throws IOException {
        // README: carbonio-quickstart
        try (Carbonio carbonio = Carbonio.builder()
                .baseUrl(wscUrl)                 // the WSC service, e.g. https://mail.example.com/services/chats
                .authToken(zmAuthToken)          // the signed-in user's ZM_AUTH_TOKEN, asked again after a 401
                .queueId(queueId)                // sent as queue-id
                .build()) {
            Room room = carbonio.rooms().listRoom().execute().stream()
                    .filter(r -> r.getType() == RoomType.GROUP).findFirst().orElseThrow();
            Id uploaded = carbonio.files().uploadAttachment(room.getId(), TransferBody.of(report))   // streamed
                    .description("Q3 figures").execute();
            try (Download download = carbonio.attachments().getAttachment(uploaded.getId()).execute()) {
                download.saveTo(copy);           // atomically: a temporary file, fsync, rename
            }
            for (Attachment attachment : carbonio.listAttachments(room.getId())) {   // newest first, lazily
                System.out.println(attachment.getName());
            }
        }
        // END
    }

    static void downloads(Carbonio carbonio, UUID fileId) throws IOException {
        // README: downloads
        try (Download download = carbonio.attachments().getAttachment(fileId)
                .progress((done, total) -> System.out.printf("%d / %d bytes%n", done, total)).execute()) {
            System.out.println(download.fileName().orElse("?") + ", " + download.contentType().orElse("?"));
            try (InputStream in = download.inputStream()) {              // or writeTo(out), saveTo(path)
                in.transferTo(System.out);
            }
        }
        // END
    }
}
