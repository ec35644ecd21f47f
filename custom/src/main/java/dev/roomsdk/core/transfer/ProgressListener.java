package dev.roomsdk.core.transfer;

/**
 * Told how far an upload or download has got. Called from the thread doing the I/O, at most
 * about ten times a second, and always once when the transfer completes. Must be quick and
 * must not throw.
 */
@FunctionalInterface
public interface ProgressListener {

    /**
     * @param bytesDone  bytes transferred so far
     * @param totalBytes the expected total, or -1 when unknown
     */
    void onProgress(long bytesDone, long totalBytes);

    /** A listener that ignores progress. */
    ProgressListener NONE = (done, total) -> { };
}
