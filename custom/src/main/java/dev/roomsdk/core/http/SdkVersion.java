package dev.roomsdk.core.http;

/** The SDK's version, read from the jar manifest when there is one. */
final class SdkVersion {

    static final String VERSION = read();

    private SdkVersion() {
    }

    private static String read() {
        String v = SdkVersion.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
