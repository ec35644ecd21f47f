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

    private final List<String> violations;

    public InvalidRequestException(String operation, List<String> violations) {
        super((operation == null ? "" : operation + ": ") + "invalid request: " + String.join("; ", violations));
        this.violations = List.copyOf(violations);
    }

    /** One entry per broken rule, e.g. {@code name: length must be between 1 and 128, got 129}. */
    public List<String> violations() {
        return violations;
    }
}
