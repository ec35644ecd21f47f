package dev.roomsdk.sandbox;

import com.github.tomakehurst.wiremock.http.Request;

/**
 * The sandbox side of one API: checks credentials, answers the operations it keeps state for,
 * and says how the API writes errors. Operations it does not handle are answered with the
 * contract's own example of their first 2xx response. Implementations synchronize their state.
 */
abstract class ApiBackend {

    final SandboxContract contract;

    ApiBackend(String api) {
        this.contract = SandboxContract.of(api);
    }

    String api() {
        return contract.api();
    }

    /** Whether {@code rawPath} is outside the contract but served all the same (Zoom's OAuth endpoint). */
    boolean isOffContract(String rawPath) {
        return false;
    }

    /** The answer to a request for which {@link #isOffContract} is true; the backend checks it itself. */
    Reply offContract(Request request, String rawPath) {
        throw new IllegalStateException(rawPath + " is not served outside the contract");
    }

    /** Null when the request of a secured operation carries valid credentials, else the 401 to answer. */
    abstract Reply authenticate(Exchange exchange);

    /** The API's error answer with {@code status} for {@code operationId} (a declared status where possible). */
    abstract Reply error(String operationId, int status, String message);

    /** The answer to a valid, authenticated request, or null to answer with the contract's example. */
    abstract Reply handle(Exchange exchange);

    /** Headers the API sends on every answer (Zoom's tracking id). */
    void decorate(Reply reply) {
    }
}
