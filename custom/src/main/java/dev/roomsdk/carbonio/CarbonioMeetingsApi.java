package dev.roomsdk.carbonio;

import dev.roomsdk.carbonio.api.MeetingsApi;
import dev.roomsdk.carbonio.invoker.ApiCallback;
import dev.roomsdk.carbonio.invoker.ApiClient;
import dev.roomsdk.carbonio.invoker.ApiResponse;
import dev.roomsdk.carbonio.model.JoinMeetingResult;
import dev.roomsdk.carbonio.model.JoinSettings;
import java.util.UUID;
import okhttp3.Call;

/**
 * The generated meeting operations, with one adaptation: {@code joinMeeting} takes the
 * client's default queue id when the call passes none. The contract makes {@code queue-id}
 * required there (the server answers 400 without it), so the generated method rejects a null
 * argument before the default header could fill it in.
 */
final class CarbonioMeetingsApi extends MeetingsApi {

    private final UUID defaultQueueId;

    /** {@code defaultQueueId} may be null: then every join must pass its own. */
    CarbonioMeetingsApi(ApiClient client, UUID defaultQueueId) {
        super(client);
        this.defaultQueueId = defaultQueueId;
    }

    @Override
    public ApiResponse<JoinMeetingResult> joinMeetingWithHttpInfo(UUID meetingId, UUID queueId, JoinSettings joinSettings) {
        return super.joinMeetingWithHttpInfo(meetingId, queueIdFor(queueId), joinSettings);
    }

    @Override
    public Call joinMeetingAsync(UUID meetingId, UUID queueId, JoinSettings joinSettings,
                                 ApiCallback<JoinMeetingResult> callback) {
        return super.joinMeetingAsync(meetingId, queueIdFor(queueId), joinSettings, callback);
    }

    private UUID queueIdFor(UUID explicit) {
        if (explicit != null) {
            return explicit;
        }
        if (defaultQueueId != null) {
            return defaultQueueId;
        }
        throw new IllegalArgumentException("joinMeeting needs a queue-id (the UUID of the caller's event queue; "
                + "the server answers 400 without it): pass queueId or set Carbonio.builder().queueId(...)");
    }
}
