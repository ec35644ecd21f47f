package dev.roomsdk.core.error;

/**
 * A client or setting was configured with a value it cannot use: a malformed base URL, an
 * empty token, a negative timeout, a missing required setting or environment variable, a
 * null where a value is needed. Thrown while configuring (by a builder, its {@code build()}
 * or {@code fromEnv()}, or a settings or credentials factory), before any client or call
 * exists, so nothing was sent. The SDK's counterpart of {@link IllegalArgumentException} and
 * {@link IllegalStateException} for configuration; bad arguments of a call are an
 * {@link InvalidRequestException} instead. The message names the setting (or environment
 * variable) and the rule, and never quotes a secret.
 */
public class InvalidConfigurationException extends RoomSdkException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message names the setting and the rule, e.g. {@code apiToken must not be null or empty};
     *                must not contain a credential
     */
    public InvalidConfigurationException(String message) {
        super(message);
    }
}
