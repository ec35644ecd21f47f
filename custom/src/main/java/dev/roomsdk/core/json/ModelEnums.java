package dev.roomsdk.core.json;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads and writes the generated enums by their contract values ({@code getValue()}), as their
 * own adapters do, without the {@code @JsonAdapter} annotation Gson would otherwise read to
 * find those adapters, and with a map lookup where {@code fromValue} scans every constant. A
 * value the map lacks goes to {@code fromValue}, so an unknown value reads as the generated
 * placeholder exactly as before. Only String-valued enums of the generated model packages are
 * taken; any other enum is left to Gson.
 */
final class ModelEnums implements TypeAdapterFactory {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
        Class<? super T> raw = type.getRawType();
        if (!raw.isEnum() || !raw.getPackageName().startsWith("dev.roomsdk.") || !raw.getPackageName().endsWith(".model")) {
            return null;
        }
        try {
            Method fromValue = raw.getMethod("fromValue", String.class);
            Method getValue = raw.getMethod("getValue");
            if (getValue.getReturnType() != String.class || fromValue.getReturnType() != raw) {
                return null;
            }
            Map<String, Object> byValue = new HashMap<>();
            Map<Object, String> values = new HashMap<>();
            for (Object constant : raw.getEnumConstants()) {
                String value = (String) getValue.invoke(constant);
                byValue.putIfAbsent(value, constant);
                values.put(constant, value);
            }
            return (TypeAdapter<T>) new EnumAdapter(raw.getSimpleName(), byValue, values, fromValue);
        } catch (ReflectiveOperationException notAGeneratedEnum) {
            return null;
        }
    }

    private static final class EnumAdapter extends TypeAdapter<Object> {
        private final String name;
        private final Map<String, Object> byValue;
        private final Map<Object, String> values;
        private final Method fromValue;

        EnumAdapter(String name, Map<String, Object> byValue, Map<Object, String> values, Method fromValue) {
            this.name = name;
            this.byValue = byValue;
            this.values = values;
            this.fromValue = fromValue;
        }

        @Override
        public void write(JsonWriter out, Object value) throws IOException {
            if (value == null) {
                out.nullValue();
            } else {
                out.value(values.get(value));
            }
        }

        @Override
        public Object read(JsonReader in) throws IOException {
            if (in.peek() == JsonToken.NULL) {
                in.nextNull();
                return null;
            }
            String value = in.nextString();
            Object constant = byValue.get(value);
            if (constant != null) {
                return constant;
            }
            try {
                return fromValue.invoke(null, value);
            } catch (InvocationTargetException | IllegalAccessException e) {
                // the value is the server's, not quoted
                throw new JsonParseException("not a " + name + " value at path " + in.getPath());
            }
        }
    }
}
