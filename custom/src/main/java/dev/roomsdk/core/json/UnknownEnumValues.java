package dev.roomsdk.core.json;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Optional;

/**
 * Enum values the server sent but the contract does not know. The generated models read such a
 * value as {@code UNKNOWN_DEFAULT_OPEN_API} ({@code enumUnknownDefaultCase}), which keeps the
 * call working but loses the value; the SDK's reader ({@link StreamingModels}) also stores it in
 * the model's additional properties under the field's JSON name, so
 * {@code room.getAdditionalProperty("type")} returns, say, {@code "webinar"} (a list of raw
 * values for a list of enums), and its writer sends it back as received unless the field was
 * meanwhile set to a known constant. {@link #rawValue(Object, String)} reads it.
 */
public final class UnknownEnumValues {

    private static final String UNKNOWN = "UNKNOWN_DEFAULT_OPEN_API";

    private UnknownEnumValues() {
    }

    /**
     * The raw value the server sent for enum field {@code jsonName} of {@code model} when it
     * was not one the contract knows: a String (a Number for integer enums), or a List of them for a
     * list of enums.
     *
     * @param model a generated model, as decoded; not null
     * @param jsonName the field's JSON name, e.g. {@code type}
     * @return the raw value, or empty when the server sent a known value (or none), or
     *         {@code model} is not a generated model
     */
    public static Optional<Object> rawValue(Object model, String jsonName) {
        try {
            Method get = model.getClass().getMethod("getAdditionalProperty", String.class);
            return Optional.ofNullable(get.invoke(model, jsonName));
        } catch (ReflectiveOperationException notAModel) {
            return Optional.empty();
        }
    }

    static Class<?> elementType(Type t) {
        if (t instanceof ParameterizedType) {
            Type arg = ((ParameterizedType) t).getActualTypeArguments()[0];
            return arg instanceof Class ? (Class<?>) arg : null;
        }
        return null;
    }

    static boolean hasUnknownConstant(Class<?> enumType) {
        for (Object c : enumType.getEnumConstants()) {
            if (((Enum<?>) c).name().equals(UNKNOWN)) {
                return true;
            }
        }
        return false;
    }

    static boolean isUnknown(Object v) {
        return v instanceof Enum && ((Enum<?>) v).name().equals(UNKNOWN);
    }
}
