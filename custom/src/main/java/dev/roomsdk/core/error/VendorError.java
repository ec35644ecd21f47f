package dev.roomsdk.core.error;

import java.util.Optional;

/**
 * The error object a vendor put in an error response: Zoom's {@code {code, message}} or
 * Videsk's Feathers {@code {name, message, code, className}}. Carbonio sends none.
 * Immutable.
 */
public final class VendorError {

    private final String code;
    private final String message;
    private final String name;

    VendorError(String code, String message, String name) {
        this.code = code;
        this.message = message;
        this.name = name;
    }

    /** {@return the vendor's code as text, e.g. Zoom's {@code "1001"} or Videsk's {@code "404"}} */
    public Optional<String> code() {
        return Optional.ofNullable(code);
    }

    /** {@return the vendor's error message, as sent} */
    public Optional<String> message() {
        return Optional.ofNullable(message);
    }

    /** {@return Videsk's error class name, e.g. {@code NotAuthenticated}; empty for Zoom} */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        if (name != null) {
            b.append(name).append(' ');
        }
        if (code != null) {
            b.append("code ").append(code);
        }
        if (message != null) {
            b.append(b.length() > 0 ? ": " : "").append(message);
        }
        return b.toString().trim();
    }
}
