package dev.roomsdk.carbonio;

import dev.roomsdk.contract.ContractServer;
import dev.roomsdk.core.http.HttpSettings;
import dev.roomsdk.core.http.RetryPolicy;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** Ids, payloads and clients shared by the Carbonio file and paging tests. */
final class CarbonioFileFixtures {

    static final String TOKEN = "zm-auth-token-1";
    static final UUID ROOM_ID = UUID.fromString("7a3e5c1d-2b4f-4e8a-9c6d-1f0e2d3c4b5a");
    static final UUID USER_ID = UUID.fromString("3f9a1c7e-6d2b-4a8e-b5c4-7e1d0f2a9b36");
    static final UUID FILE_ID = UUID.fromString("9d1e4b7a-2c5f-4a8d-b3e6-1f7c0a9d2e58");
    static final String ID_JSON = "{\"id\":\"" + FILE_ID + "\"}";

    private CarbonioFileFixtures() {
    }

    /** A client of {@code server} that never retries. */
    static Carbonio client(ContractServer server) {
        return Carbonio.builder().baseUrl(server.baseUrl()).authToken(TOKEN)
                .httpSettings(HttpSettings.builder().retryPolicy(RetryPolicy.none()).build()).build();
    }

    /** A client of {@code server} retrying up to 3 attempts; waits are recorded in {@code waits}, not slept. */
    static Carbonio retryingClient(ContractServer server, List<Duration> waits) {
        RetryPolicy retries = RetryPolicy.builder().maxAttempts(3).maxDelay(Duration.ofSeconds(10))
                .sleeper(waits::add).build();
        return Carbonio.builder().baseUrl(server.baseUrl()).authToken(TOKEN)
                .httpSettings(HttpSettings.builder().retryPolicy(retries).build()).build();
    }

    static List<Duration> waits() {
        return new CopyOnWriteArrayList<>();
    }

    /** {@code n} bytes of a pattern that shows any reordering or loss (not a multiple of a buffer size). */
    static byte[] bytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) ((i * 31 + 7) % 253);
        }
        return b;
    }

    /** One attachment's metadata as the server sends it. */
    static String attachmentJson(int i) {
        return "{\"id\":\"" + attachmentId(i) + "\",\"name\":\"file-" + i + ".png\",\"size\":" + (1000 + i)
                + ",\"mimeType\":\"image/png\",\"userId\":\"" + USER_ID + "\",\"roomId\":\"" + ROOM_ID
                + "\",\"createdAt\":\"2026-11-21T16:45:12.250Z\",\"area\":\"640x480\"}";
    }

    static UUID attachmentId(int i) {
        return UUID.fromString(String.format("00000000-0000-4000-8000-%012d", i));
    }
}
