package dev.roomsdk.core.json;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.internal.LazilyParsedNumber;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes the generated models in one streaming pass, through the field table the
 * templates write (no annotation is read), where their own adapters build a {@code JsonElement}
 * tree, validate it, then bind it again through a tree reader. What those adapters gave is
 * kept. Reading: a required field that is missing or null fails naming the field (never quoting
 * the body); an unknown field is kept as an additional property (strings, numbers as Gson's
 * lazily parsed numbers, booleans, lists, maps); an unknown enum value reads as the
 * placeholder and its raw value is kept under the field's name; a value of the wrong JSON type
 * fails. Writing: null fields are left out, additional properties follow the fields and win
 * over a field of the same name, except that an enum field set to a known constant wins over
 * the raw value kept for it. Reflection is done once per model class; thread-safe.
 */
final class StreamingModels implements TypeAdapterFactory {

    private final ModelFields table;

    StreamingModels(ModelFields table) {
        this.table = table;
    }

    @Override
    public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
        Class<? super T> raw = type.getRawType();
        if (!isModel(raw) || !table.lists(raw)) {
            return null;
        }
        Shape shape = Shape.of(raw, table);
        if (shape == null) {
            return null;
        }
        return new ModelAdapter<>(gson, shape);
    }

    /** The fields {@code adapter} reads, by JSON name; empty when it is not this factory's. For tests. */
    static Map<String, Field> fieldsReadBy(TypeAdapter<?> adapter) {
        Map<String, Field> fields = new HashMap<>();
        if (adapter instanceof ModelAdapter) {
            ((ModelAdapter<?>) adapter).shape.properties.forEach((json, p) -> fields.put(json, p.field));
        }
        return fields;
    }

    private static boolean isModel(Class<?> type) {
        return !type.isEnum() && !type.isInterface() && !Modifier.isAbstract(type.getModifiers());
    }

    /** One model class: its fields by JSON name, its required names, how to make one. */
    private static final class Shape {
        final String name;
        final Constructor<?> constructor;
        final Map<String, Property> properties;
        /** In the table's order, which is the fields' declaration order: the order they are written in. */
        final Property[] ordered;
        final Property[] required;
        final Method putAdditional;
        final Method getAdditional;

        private Shape(Class<?> type, Constructor<?> constructor, Map<String, Property> properties, Property[] ordered,
                      Property[] required, Method putAdditional, Method getAdditional) {
            this.name = type.getSimpleName();
            this.constructor = constructor;
            this.properties = properties;
            this.ordered = ordered;
            this.required = required;
            this.putAdditional = putAdditional;
            this.getAdditional = getAdditional;
        }

        @SuppressWarnings("unchecked")
        static Shape of(Class<?> type, ModelFields table) {
            try {
                Constructor<?> constructor = type.getConstructor();
                Method put = type.getMethod("putAdditionalProperty", String.class, Object.class);
                Method get = type.getMethod("getAdditionalProperties");
                Set<String> requiredNames = (Set<String>) type.getField("openapiRequiredFields").get(null);
                Map<String, Property> properties = new HashMap<>();
                List<Property> ordered = new ArrayList<>();
                for (Map.Entry<String, Field> f : table.of(type).entrySet()) {
                    Property p = new Property(f.getKey(), f.getValue(), ordered.size());
                    properties.put(p.jsonName, p);
                    ordered.add(p);
                }
                List<Property> required = new ArrayList<>();
                for (String r : requiredNames) {
                    Property p = properties.get(r);
                    if (p != null) {
                        required.add(p);
                    }
                }
                return new Shape(type, constructor, properties, ordered.toArray(new Property[0]),
                        required.toArray(new Property[0]), put, get);
            } catch (ReflectiveOperationException | ClassCastException notAGeneratedModel) {
                return null;
            }
        }
    }

    /** One field: its adapter (looked up on first use) and whether it holds enums whose raw value must be kept. */
    private static final class Property {
        final String jsonName;
        final Field field;
        final int index;
        final Class<?> enumType;
        final boolean enumList;
        volatile TypeAdapter<Object> adapter;
        volatile TypeAdapter<Object> fieldAdapter;

        Property(String jsonName, Field field, int index) {
            this.jsonName = jsonName;
            this.field = field;
            this.index = index;
            boolean list = List.class.isAssignableFrom(field.getType());
            Class<?> element = list ? UnknownEnumValues.elementType(field.getGenericType()) : field.getType();
            boolean keepsRaw = element != null && element.isEnum() && UnknownEnumValues.hasUnknownConstant(element);
            this.enumType = keepsRaw ? element : null;
            this.enumList = keepsRaw && list;
        }

        @SuppressWarnings("unchecked")
        TypeAdapter<Object> adapter(Gson gson) {
            TypeAdapter<Object> a = adapter;
            if (a == null) {
                Type t = enumType == null ? field.getGenericType() : enumType;
                a = (TypeAdapter<Object>) gson.getAdapter(TypeToken.get(t));
                adapter = a;
            }
            return a;
        }

        /** The adapter of the field's whole type (a list of enums as a list). */
        @SuppressWarnings("unchecked")
        TypeAdapter<Object> fieldAdapter(Gson gson) {
            TypeAdapter<Object> a = fieldAdapter;
            if (a == null) {
                a = enumList ? (TypeAdapter<Object>) gson.getAdapter(TypeToken.get(field.getGenericType())) : adapter(gson);
                fieldAdapter = a;
            }
            return a;
        }

        /** Whether this enum field holds only constants the contract knows, so it wins over a raw value kept for it. */
        boolean holdsKnown(Object value) {
            if (enumType == null || value == null) {
                return false;
            }
            if (enumList) {
                for (Object v : (List<?>) value) {
                    if (UnknownEnumValues.isUnknown(v)) {
                        return false;
                    }
                }
                return true;
            }
            return !UnknownEnumValues.isUnknown(value);
        }
    }

    private static final class ModelAdapter<T> extends TypeAdapter<T> {
        private final Gson gson;
        private final Shape shape;

        ModelAdapter(Gson gson, Shape shape) {
            this.gson = gson;
            this.shape = shape;
        }

        @Override
        @SuppressWarnings("unchecked")
        public void write(JsonWriter out, T value) throws IOException {
            if (value == null) {
                out.nullValue();
                return;
            }
            Map<String, Object> additional;
            try {
                additional = (Map<String, Object>) shape.getAdditional.invoke(value);
            } catch (ReflectiveOperationException e) {
                throw new JsonParseException("cannot read the additional fields of " + shape.name, e);
            }
            boolean[] written = new boolean[shape.ordered.length];
            out.beginObject();
            for (Property p : shape.ordered) {
                Object v = get(value, p);
                boolean shadowed = additional != null && additional.containsKey(p.jsonName) && !p.holdsKnown(v);
                if (v == null || shadowed) {
                    continue;
                }
                out.name(p.jsonName);
                p.fieldAdapter(gson).write(out, v);
                written[p.index] = true;
            }
            if (additional != null) {
                for (Map.Entry<String, Object> e : additional.entrySet()) {
                    Property p = shape.properties.get(e.getKey());
                    if (p != null && written[p.index]) {
                        continue;
                    }
                    out.name(e.getKey());
                    writeAny(out, e.getValue());
                }
            }
            out.endObject();
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private void writeAny(JsonWriter out, Object value) throws IOException {
            if (value == null) {
                out.nullValue();
            } else {
                ((TypeAdapter) gson.getAdapter(value.getClass())).write(out, value);
            }
        }

        private Object get(T instance, Property p) {
            try {
                return p.field.get(instance);
            } catch (IllegalAccessException e) {
                throw new JsonParseException("cannot read field `" + p.jsonName + "` of " + shape.name, e);
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public T read(JsonReader in) throws IOException {
            JsonToken token = in.peek();
            if (token == JsonToken.NULL) {
                in.nextNull();
                return null;
            }
            if (token != JsonToken.BEGIN_OBJECT) {
                throw new JsonParseException("expected a " + shape.name + " object but was " + token + " at path " + in.getPath());
            }
            T instance;
            try {
                instance = (T) shape.constructor.newInstance();
            } catch (ReflectiveOperationException e) {
                throw new JsonParseException("cannot create a " + shape.name, e);
            }
            boolean[] present = new boolean[shape.properties.size()];
            in.beginObject();
            while (in.hasNext()) {
                String name = in.nextName();
                Property p = shape.properties.get(name);
                if (p == null) {
                    putAdditional(instance, name, readAny(in));
                    continue;
                }
                Object value = p.enumType == null ? p.adapter(gson).read(in) : readEnum(instance, p, in);
                present[p.index] = value != null;
                set(instance, p, value);
            }
            in.endObject();
            for (Property r : shape.required) {
                if (!present[r.index]) {
                    throw new JsonParseException("The required field `" + r.jsonName + "` of " + shape.name
                            + " is missing or null at path " + in.getPath());
                }
            }
            return instance;
        }

        /** An enum (or list of them), keeping the raw value when the contract does not know it. */
        private Object readEnum(T instance, Property p, JsonReader in) throws IOException {
            if (in.peek() == JsonToken.NULL) {
                in.nextNull();
                return null;
            }
            if (!p.enumList) {
                Object raw = readPrimitive(in, p);
                Object value = p.adapter(gson).fromJsonTree(primitive(raw));
                if (UnknownEnumValues.isUnknown(value)) {
                    putAdditional(instance, p.jsonName, raw);
                }
                return value;
            }
            List<Object> values = new ArrayList<>();
            List<Object> raws = new ArrayList<>();
            boolean unknown = false;
            in.beginArray();
            while (in.hasNext()) {
                if (in.peek() == JsonToken.NULL) {
                    in.nextNull();
                    values.add(null);
                    raws.add(null);
                    continue;
                }
                Object raw = readPrimitive(in, p);
                Object value = p.adapter(gson).fromJsonTree(primitive(raw));
                unknown |= UnknownEnumValues.isUnknown(value);
                values.add(value);
                raws.add(raw);
            }
            in.endArray();
            if (unknown) {
                putAdditional(instance, p.jsonName, raws);
            }
            return values;
        }

        private Object readAny(JsonReader in) throws IOException {
            switch (in.peek()) {
                case STRING:
                    return in.nextString();
                case NUMBER:
                    return new LazilyParsedNumber(in.nextString());
                case BOOLEAN:
                    return in.nextBoolean();
                case NULL:
                    in.nextNull();
                    return null;
                case BEGIN_ARRAY:
                    return gson.getAdapter(List.class).read(in);
                default:
                    return gson.getAdapter(HashMap.class).read(in);
            }
        }

        private void putAdditional(T instance, String name, Object value) {
            try {
                shape.putAdditional.invoke(instance, name, value);
            } catch (ReflectiveOperationException e) {
                throw new JsonParseException("cannot keep field `" + name + "` of " + shape.name, e);
            }
        }

        private void set(T instance, Property p, Object value) {
            try {
                p.field.set(instance, value);
            } catch (IllegalAccessException | IllegalArgumentException e) {
                throw new JsonParseException("field `" + p.jsonName + "` of " + shape.name + " has the wrong type", e);
            }
        }
    }

    private static Object readPrimitive(JsonReader in, Property p) throws IOException {
        JsonToken t = in.peek();
        if (t == JsonToken.NUMBER) {
            return new LazilyParsedNumber(in.nextString());
        }
        if (t == JsonToken.STRING || t == JsonToken.BOOLEAN) {
            return t == JsonToken.BOOLEAN ? Boolean.toString(in.nextBoolean()) : in.nextString();
        }
        throw new JsonParseException("Expected the field `" + p.jsonName + "` to be a primitive but was " + t
                + " at path " + in.getPath());
    }

    private static JsonPrimitive primitive(Object raw) {
        return raw instanceof Number ? new JsonPrimitive((Number) raw) : new JsonPrimitive((String) raw);
    }
}
