package dev.roomsdk.core.error;

import java.util.List;

/**
 * A call was refused before any network I/O because an argument breaks the contract: a
 * value out of its range or length, a missing required field, too many items, a path
 * parameter that would change the path, a header with a line break. The SDK's counterpart of
 * {@link IllegalArgumentException}. Each violation names the field (its JSON or wire name,
 * with a path for nested values) and the rule; string values are never quoted, so a secret
 * passed in the wrong place does not end up in a log.
 */
public class InvalidRequestException extends RoomSdkException {

    private static final long serialVersionUID = 1L;

    /** The broken rules, an unmodifiable copy. */
    private final List<String> violations;

    /**
     * Creates the exception; its message joins the violations with {@code "; "}.
     *
     * @param operation how the message names the call, e.g. {@code createRoom (POST /rooms)};
     *                  null for none
     * @param violations one entry per broken rule; not null, copied
     */
    public InvalidRequestException(String operation, List<String> violations) {
        super((operation == null ? "" : operation + ": ") + "invalid request: " + String.join("; ", violations));
        this.violations = List.copyOf(violations);
    }

    /**
     * {@return one entry per broken rule, e.g. {@code name: length must be between 1 and 128, got 129}}
     * Unmodifiable.
     */
    public List<String> violations() {
        return violations;
    }
}
