package dev.roomsdk.core.operation;

/** The generator's stand-in for an enum value the contract does not know ({@code enumUnknownDefaultCase}). */
final class UnknownValues {

    private static final String PLACEHOLDER = "UNKNOWN_DEFAULT_OPEN_API";

    private UnknownValues() {
    }

    static boolean isPlaceholder(Enum<?> value) {
        return value.name().equals(PLACEHOLDER);
    }
}
