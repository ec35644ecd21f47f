package dev.roomsdk.core.operation;

import com.google.gson.annotations.SerializedName;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Evaluates the Jakarta constraint annotations the generator writes from the contract
 * ({@code @NotNull} for required, {@code @Size}, {@code @Min}/{@code @Max},
 * {@code @DecimalMin}/{@code @DecimalMax}, {@code @Pattern}, {@code @Valid} to descend) on
 * generated models and operation parameters. A deliberately small reader of those
 * annotations rather than a Bean Validation provider: the generator's own
 * {@code performBeanValidation} output does not compile in 7.25.0, and this keeps the
 * runtime to the annotation jar. It also refuses the generator's unknown-enum placeholder
 * ({@code UNKNOWN_DEFAULT_OPEN_API}) in a request. Messages name the JSON field and the
 * rule, with lengths and numbers but never string contents.
 */
final class ModelConstraints {

    private static final String UNKNOWN_ENUM = "UNKNOWN_DEFAULT_OPEN_API";
    private static final Map<Class<?>, List<Property>> PROPERTIES = new ConcurrentHashMap<>();
    private static final Map<String, Method> GETTERS = new ConcurrentHashMap<>();
    private static final Map<String, java.util.regex.Pattern> PATTERNS = new ConcurrentHashMap<>();

    private ModelConstraints() {
    }

    static boolean hasConstraints(Annotation[] annotations) {
        for (Annotation a : annotations) {
            if (a instanceof NotNull || a instanceof Size || a instanceof Min || a instanceof Max || a instanceof DecimalMin
                    || a instanceof DecimalMax || a instanceof Pattern || a instanceof Valid) {
                return true;
            }
        }
        return false;
    }

    /** Checks {@code value} and, for generated models and collections of them, everything inside. */
    static void check(Object value, String path, List<String> violations) {
        if (value == null) {
            return;
        }
        if (value instanceof Collection) {
            int i = 0;
            for (Object item : (Collection<?>) value) {
                check(item, path + "[" + i++ + "]", violations);
            }
        } else if (value instanceof Map) {
            ((Map<?, ?>) value).forEach((k, v) -> check(v, join(path, String.valueOf(k)), violations));
        } else if (value instanceof Enum) {
            if (((Enum<?>) value).name().equals(UNKNOWN_ENUM)) {
                violations.add((path.isEmpty() ? "value" : path) + ": must be one of the contract's values, got the "
                        + "placeholder for unknown server values");
            }
        } else if (isModel(value.getClass())) {
            for (Property p : properties(value.getClass())) {
                Object v = p.get(value);
                String field = join(path, p.jsonName);
                checkValue(p.annotations, v, field, violations);
                if (!keepsServerValue(value, p.jsonName, v)) {
                    check(v, field, violations);
                }
            }
        }
    }

    /**
     * Whether {@code v}, read from field {@code jsonName} of {@code model}, is the unknown-enum
     * placeholder standing for a raw value the server sent and the model kept
     * ({@link dev.roomsdk.core.json.UnknownEnumValues}): that value goes back out as it came, so a
     * model read from a newer server can be sent back (read-modify-write).
     */
    private static boolean keepsServerValue(Object model, String jsonName, Object v) {
        boolean placeholder = v instanceof Enum && ((Enum<?>) v).name().equals(UNKNOWN_ENUM);
        if (v instanceof Collection) {
            for (Object item : (Collection<?>) v) {
                placeholder |= item instanceof Enum && ((Enum<?>) item).name().equals(UNKNOWN_ENUM);
            }
        }
        return placeholder && dev.roomsdk.core.json.UnknownEnumValues.rawValue(model, jsonName).isPresent();
    }

    /**
     * The value of the property serialized as {@code jsonName} of generated model {@code model},
     * or null when it has none or is unset. For SDK hints that name a body field ({@code x-sdk-retry}).
     */
    static Object property(Object model, String jsonName) {
        if (!isModel(model.getClass())) {
            return null;
        }
        Method getter = GETTERS.computeIfAbsent(model.getClass().getName() + "#" + jsonName, k -> findGetter(model.getClass(), jsonName));
        if (getter == null) {
            return null;
        }
        try {
            return getter.invoke(model);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + jsonName + " of " + model.getClass().getName(), e);
        }
    }

    private static Method findGetter(Class<?> type, String jsonName) {
        for (Class<?> c = type; c != null && isModel(c); c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                SerializedName json = f.getAnnotation(SerializedName.class);
                if (json != null && json.value().equals(jsonName)) {
                    return getter(type, f.getName());
                }
            }
        }
        return null;
    }

    /** Wire and Java names of one property agree once case and punctuation are dropped ({@code page_size}, {@code pageSize}). */
    static String normalize(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = Character.toLowerCase(name.charAt(i));
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Checks one value (a String, Number, Collection or Map) against its annotations. */
    static void checkValue(Annotation[] annotations, Object v, String field, List<String> violations) {
        for (Annotation a : annotations) {
            if (a instanceof NotNull) {
                if (v == null) {
                    violations.add(field + ": is required");
                }
            } else if (v == null) {
                continue;
            } else if (a instanceof Size) {
                size((Size) a, v, field, violations);
            } else if (a instanceof Min) {
                bound(v, BigDecimal.valueOf(((Min) a).value()), true, field, violations);
            } else if (a instanceof Max) {
                bound(v, BigDecimal.valueOf(((Max) a).value()), false, field, violations);
            } else if (a instanceof DecimalMin) {
                bound(v, new BigDecimal(((DecimalMin) a).value()), true, field, violations);
            } else if (a instanceof DecimalMax) {
                bound(v, new BigDecimal(((DecimalMax) a).value()), false, field, violations);
            } else if (a instanceof Pattern && v instanceof CharSequence) {
                String regexp = ((Pattern) a).regexp();
                if (!PATTERNS.computeIfAbsent(regexp, java.util.regex.Pattern::compile).matcher((CharSequence) v).matches()) {
                    violations.add(field + ": must match " + regexp);
                }
            }
        }
    }

    private static void size(Size s, Object v, String field, List<String> violations) {
        int n;
        String what;
        if (v instanceof CharSequence) {
            n = ((CharSequence) v).length();
            what = "length";
        } else if (v instanceof Collection) {
            n = ((Collection<?>) v).size();
            what = "number of items";
        } else if (v instanceof Map) {
            n = ((Map<?, ?>) v).size();
            what = "number of entries";
        } else {
            return;
        }
        if (n >= s.min() && n <= s.max()) {
            return;
        }
        String rule = s.max() == Integer.MAX_VALUE ? "must be at least " + s.min()
                : s.min() == 0 ? "must be at most " + s.max()
                : "must be between " + s.min() + " and " + s.max();
        violations.add(field + ": " + what + " " + rule + ", got " + n);
    }

    private static void bound(Object v, BigDecimal limit, boolean lower, String field, List<String> violations) {
        BigDecimal n;
        if (v instanceof BigDecimal) {
            n = (BigDecimal) v;
        } else if (v instanceof Number) {
            n = new BigDecimal(v.toString());
        } else {
            return;
        }
        int c = n.compareTo(limit);
        if (lower && c < 0) {
            violations.add(field + ": must be at least " + limit.toPlainString() + ", got " + n.toPlainString());
        } else if (!lower && c > 0) {
            violations.add(field + ": must be at most " + limit.toPlainString() + ", got " + n.toPlainString());
        }
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static boolean isModel(Class<?> type) {
        // generated models live in dev.roomsdk.<api>.model
        return type.getPackageName().startsWith("dev.roomsdk.") && type.getPackageName().endsWith(".model");
    }

    private static List<Property> properties(Class<?> type) {
        return PROPERTIES.computeIfAbsent(type, t -> {
            List<Property> props = new ArrayList<>();
            for (Class<?> c = t; c != null && isModel(c); c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    SerializedName json = f.getAnnotation(SerializedName.class);
                    if (json == null || Modifier.isStatic(f.getModifiers())) {
                        continue;
                    }
                    Method getter = getter(t, f.getName());
                    if (getter != null && hasConstraints(getter.getAnnotations())) {
                        props.add(new Property(json.value(), getter));
                    }
                }
            }
            return List.copyOf(props);
        });
    }

    private static Method getter(Class<?> type, String fieldName) {
        String key = normalize(fieldName);
        for (Method m : type.getMethods()) {
            String n = m.getName();
            String prop = n.startsWith("get") ? n.substring(3) : n.startsWith("is") ? n.substring(2) : null;
            if (prop != null && m.getParameterCount() == 0 && normalize(prop).equals(key)) {
                return m;
            }
        }
        return null;
    }

    private static final class Property {
        final String jsonName;
        final Method getter;
        final Annotation[] annotations;

        Property(String jsonName, Method getter) {
            this.jsonName = jsonName;
            this.getter = getter;
            this.annotations = getter.getAnnotations();
        }

        Object get(Object target) {
            try {
                return getter.invoke(target);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + jsonName + " of " + target.getClass().getName(), e);
            }
        }
    }
}
