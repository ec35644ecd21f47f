package dev.roomsdk.core.json;

import java.lang.reflect.Field;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON name of every field of one API's generated models, as the templates wrote them into
 * the generated {@code JSON} class. Models are read through this table rather than through
 * their fields' {@code @SerializedName}: the first annotation read in a JVM generates proxy
 * classes, 10 to 20 ms of a fresh JVM's first call. Thread-safe; fields are resolved once per
 * model class.
 */
final class ModelFields {

    /** Per model class name (names, so no model class is loaded before it is used): JSON name, field name, ... */
    private final Map<String, String[]> names;
    private final Map<Class<?>, Map<String, Field>> resolved = new ConcurrentHashMap<>();

    ModelFields(Map<String, String[]> names) {
        this.names = Map.copyOf(names);
    }

    boolean lists(Class<?> type) {
        return names.containsKey(type.getName());
    }

    /**
     * The fields of {@code type} and of its listed superclasses, by JSON name, in table order,
     * accessible; empty when the table does not list {@code type}.
     */
    Map<String, Field> of(Class<?> type) {
        return resolved.computeIfAbsent(type, this::resolve);
    }

    private Map<String, Field> resolve(Class<?> type) {
        Map<String, Field> fields = new LinkedHashMap<>();
        for (Class<?> c = type; c != null && lists(c); c = c.getSuperclass()) {
            String[] pairs = names.get(c.getName());
            for (int i = 0; i < pairs.length; i += 2) {
                fields.putIfAbsent(pairs[i], field(c, pairs[i + 1]));
            }
        }
        return Collections.unmodifiableMap(fields);
    }

    private static Field field(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f;
            } catch (NoSuchFieldException notHere) {
                // declared by a superclass
            }
        }
        throw new IllegalStateException("the generated field table of " + type.getName() + " names field " + name
                + ", which the class does not have");
    }
}
