package dev.roomsdk.core.operation;

import okhttp3.Request;

/** Test access to the request a typed call would send, without sending it. */
public final class Requests {

    private Requests() {
    }

    /** What {@code call.execute()} would send now. */
    public static Request of(OperationCall<?> call) {
        return call.toRequest();
    }
}
