package dev.roomsdk.core.json;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.annotations.SerializedName;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the raw value of an enum the server sent but the contract does not know. The
 * generated models read such a value as {@code UNKNOWN_DEFAULT_OPEN_API}
 * ({@code enumUnknownDefaultCase}), which keeps the call working but loses the value; this
 * Gson factory, installed on a generated client's {@code JSON}, also stores it in the model's
 * additional properties under the field's JSON name, so
 * {@code room.getAdditionalProperty("type")} returns, say, {@code "webinar"} (a list of raw
 * values for a list of enums). {@link #rawValue(Object, String)} reads it. When the model is
 * written again the raw value goes back out, unless the field was meanwhile set to a known
 * constant. Thread-safe; reflection is cached per model class.
 */
public final class UnknownEnumValues implements TypeAdapterFactory {

    private static final String UNKNOWN = "UNKNOWN_DEFAULT_OPEN_API";
    private static final Map<Class<?>, List<EnumField>> FIELDS = new ConcurrentHashMap<>();

    private UnknownEnumValues() {
    }

    /**
     * Adds unknown-enum handling to a Gson.
     *
     * @param gson the Gson with the generated model adapters; not null, not changed
     * @return a new Gson with this factory in front of the generated model adapters
     */
    public static Gson install(Gson gson) {
        return gson.newBuilder().registerTypeAdapterFactory(new UnknownEnumValues()).create();
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

    @Override
    public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
        Class<?> raw = type.getRawType();
        List<EnumField> fields = FIELDS.computeIfAbsent(raw, UnknownEnumValues::enumFields);
        if (fields.isEmpty()) {
            return null;
        }
        TypeAdapter<T> delegate = gson.getDelegateAdapter(this, type);
        TypeAdapter<JsonElement> elements = gson.getAdapter(JsonElement.class);
        return new TypeAdapter<T>() {
            @Override
            public void write(JsonWriter out, T value) throws IOException {
                JsonElement tree = delegate.toJsonTree(value);
                if (value != null && tree.isJsonObject()) {
                    for (EnumField f : fields) {
                        f.restoreKnown(value, tree.getAsJsonObject(), gson);
                    }
                }
                elements.write(out, tree);
            }

            @Override
            public T read(JsonReader in) throws IOException {
                JsonElement tree = elements.read(in);
                T value = delegate.fromJsonTree(tree);
                if (value != null && tree != null && tree.isJsonObject()) {
                    for (EnumField f : fields) {
                        f.keepRaw(value, tree.getAsJsonObject());
                    }
                }
                return value;
            }
        };
    }

    private static List<EnumField> enumFields(Class<?> type) {
        Method put;
        try {
            put = type.getMethod("putAdditionalProperty", String.class, Object.class);
        } catch (NoSuchMethodException noAdditionalProperties) {
            return List.of();
        }
        List<EnumField> fields = new ArrayList<>();
        for (Field f : type.getDeclaredFields()) {
            SerializedName name = f.getAnnotation(SerializedName.class);
            if (name == null || Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            boolean list = List.class.isAssignableFrom(f.getType());
            Class<?> enumType = list ? elementType(f.getGenericType()) : f.getType();
            if (enumType != null && enumType.isEnum() && hasUnknownConstant(enumType)) {
                f.setAccessible(true);
                fields.add(new EnumField(f, name.value(), list, put));
            }
        }
        return List.copyOf(fields);
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

    private static final class EnumField {
        final Field field;
        final String jsonName;
        final boolean list;
        final Method put;

        EnumField(Field field, String jsonName, boolean list, Method put) {
            this.field = field;
            this.jsonName = jsonName;
            this.list = list;
            this.put = put;
        }

        void keepRaw(Object model, JsonObject json) throws IOException {
            Object v = get(model);
            JsonElement raw = json.get(jsonName);
            if (raw == null) {
                return;
            }
            if (!list && isUnknown(v) && raw.isJsonPrimitive()) {
                set(model, raw.getAsJsonPrimitive().isNumber() ? raw.getAsNumber() : raw.getAsString());
            } else if (list && v instanceof List && ((List<?>) v).stream().anyMatch(UnknownEnumValues::isUnknown)
                    && raw.isJsonArray()) {
                List<Object> values = new ArrayList<>();
                for (JsonElement e : raw.getAsJsonArray()) {
                    values.add(e.isJsonNull() ? null : e.getAsJsonPrimitive().isNumber() ? e.getAsNumber() : e.getAsString());
                }
                set(model, values);
            }
        }

        /** A field set to a known constant after reading wins over the raw value kept for it. */
        void restoreKnown(Object model, JsonObject json, Gson gson) throws IOException {
            Object v = get(model);
            boolean known = v != null && (list ? ((List<?>) v).stream().noneMatch(UnknownEnumValues::isUnknown) : !isUnknown(v));
            if (known) {
                json.add(jsonName, gson.toJsonTree(v));
            }
        }

        private Object get(Object model) throws IOException {
            try {
                return field.get(model);
            } catch (IllegalAccessException e) {
                throw new IOException("cannot read " + jsonName, e);
            }
        }

        private void set(Object model, Object raw) throws IOException {
            try {
                put.invoke(model, jsonName, raw);
            } catch (ReflectiveOperationException e) {
                throw new IOException("cannot keep the raw value of " + jsonName, e);
            }
        }
    }
}
