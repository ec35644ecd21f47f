package dev.roomsdk.core.operation;

import dev.roomsdk.core.error.Checks;
import dev.roomsdk.core.error.InvalidConfigurationException;

/**
 * The one version of an API's contract a client speaks, for APIs with several contract
 * generations (Carbonio 1.3.1 and 1.6): the runtime refuses, before any I/O, an operation
 * generated from another version's contract, with a message naming the API, both versions and
 * how to choose ({@link #howToChoose()}). Immutable.
 */
public final class ContractVersion {

    private final String api;
    private final String version;
    private final String howToChoose;

    private ContractVersion(String api, String version, String howToChoose) {
        this.api = Checks.settingNotNull("api", api);
        this.version = Checks.settingNotNull("version", version);
        this.howToChoose = Checks.settingNotNull("howToChoose", howToChoose);
    }

    /**
     * The client speaks {@code version} (the contract's {@code info.version}) of {@code api};
     * {@code howToChoose} tells how to build a client of another version, e.g.
     * {@code Carbonio.builder().generation(...)}.
     *
     * @param api what messages call the API, e.g. {@code Carbonio}; not null
     * @param version the contract version the client speaks, e.g. {@code 1.6}; not null
     * @param howToChoose how to build a client of another version; not null
     * @return the version
     * @throws InvalidConfigurationException if any argument is null
     */
    public static ContractVersion of(String api, String version, String howToChoose) {
        return new ContractVersion(api, version, howToChoose);
    }

    /** {@return what messages call the API, e.g. {@code Carbonio}} */
    public String api() {
        return api;
    }

    /** {@return the contract version, as the generated operations carry it ({@link Operation#contractVersion()})} */
    public String version() {
        return version;
    }

    /** {@return how to build a client of another version, e.g. {@code Carbonio.builder().generation(...)}} */
    public String howToChoose() {
        return howToChoose;
    }

    @Override
    public String toString() {
        return api + " " + version;
    }
}
