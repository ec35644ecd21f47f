package dev.roomsdk.carbonio;

/**
 * The generations of the Carbonio Workstream Collaboration API the SDK speaks, one contract each.
 * A {@link Carbonio} client speaks one, chosen with {@code Carbonio.builder().generation(...)};
 * operations of the other generation fail before any I/O with an
 * {@link dev.roomsdk.core.error.OperationVersionException}. {@code specs/CARBONIO-GENERATIONS.md}
 * lists every wire difference between them.
 */
public enum CarbonioGeneration {

    /**
     * The Chats API 1.3.1 ({@code specs/carbonio.yaml}): rooms with {@code membersIds},
     * workspaces and channels, user pictures, no guest users, no {@code X-WSC-API-VERSION}.
     * Its operations are {@code carbonio.rooms()}, {@code carbonio.members()}, ... The default.
     */
    V1_3_1("1.3.1", null),

    /**
     * The later API, 1.6.0 and its patch releases ({@code specs/carbonio-1.6.yaml}): rooms created
     * with {@code members[]}, members with {@code external}, member arrays, guest users, the
     * {@code X-WSC-API-VERSION} header (sent by default as {@code 1.6.0}). Its operations are
     * {@code carbonio.v16().rooms()}, {@code carbonio.v16().members()}, ...
     */
    V1_6("1.6", "1.6.0");

    private final String contractVersion;
    private final String baseApiVersion;

    CarbonioGeneration(String contractVersion, String baseApiVersion) {
        this.contractVersion = contractVersion;
        this.baseApiVersion = baseApiVersion;
    }

    /** {@return the {@code info.version} of the generation's contract, which its generated operations carry} */
    public String contractVersion() {
        return contractVersion;
    }

    /**
     * The {@code X-WSC-API-VERSION} a client of this generation sends unless built with another
     * {@code apiVersion(...)}: the lowest version of the generation, which every server of it
     * accepts; null for 1.3.1, whose contract has no such header.
      *
      * @return e.g. {@code 1.6.0}, or null for 1.3.1
     */
    public String defaultApiVersion() {
        return baseApiVersion;
    }

    /** Whether semantic version {@code version} is one of this generation's (1.6: {@code 1.6.x}). */
    boolean covers(String version) {
        return baseApiVersion != null && version.startsWith(contractVersion + ".");
    }

    @Override
    public String toString() {
        return "Carbonio " + contractVersion;
    }
}
