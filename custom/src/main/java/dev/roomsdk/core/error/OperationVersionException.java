package dev.roomsdk.core.error;

import java.util.List;

/**
 * A call was refused before any network I/O because its operation belongs to another version
 * of the API's contract than the one the client speaks: a Carbonio client built for 1.6 was
 * asked for an operation of the 1.3.1 generation, or the reverse. The message names the
 * operation, both versions and how to build a client of the other version, e.g.
 * {@code listRoom exists in Carbonio 1.3.1; this client speaks Carbonio 1.6 (choose with
 * Carbonio.builder().generation(...))}. An {@link InvalidRequestException}, so code that
 * catches bad input catches it too.
 */
public class OperationVersionException extends InvalidRequestException {

    private static final long serialVersionUID = 1L;

    /** The refused operation's operationId. */
    private final String operationId;
    /** The contract version the refused operation comes from. */
    private final String operationVersion;
    /** The contract version the client speaks. */
    private final String clientVersion;

    /**
     * Creates the exception with a single violation naming both versions.
     *
     * @param operation how messages name the call, e.g. {@code listRoom (GET /rooms)}
     * @param operationId the contract's operationId
     * @param api what messages call the API, e.g. {@code Carbonio}
     * @param operationVersion the contract version the operation comes from
     * @param clientVersion the contract version the client speaks
     * @param howToChoose how to build a client of another version
     */
    public OperationVersionException(String operation, String operationId, String api, String operationVersion,
                                     String clientVersion, String howToChoose) {
        super(operation, List.of(operationId + " exists in " + api + " " + operationVersion + "; this client speaks "
                + api + " " + clientVersion + " (choose with " + howToChoose + ")"));
        this.operationId = operationId;
        this.operationVersion = operationVersion;
        this.clientVersion = clientVersion;
    }

    /** {@return the refused operation's operationId} */
    public String operationId() {
        return operationId;
    }

    /** {@return the contract version the refused operation comes from, e.g. {@code 1.3.1}} */
    public String operationVersion() {
        return operationVersion;
    }

    /** {@return the contract version the client speaks, e.g. {@code 1.6}} */
    public String clientVersion() {
        return clientVersion;
    }
}
