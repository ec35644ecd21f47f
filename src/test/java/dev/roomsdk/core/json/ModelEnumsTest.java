package dev.roomsdk.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.TypeAdapter;
import java.lang.reflect.Method;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every generated enum (top-level and nested in a model, all four generator runs) reads and
 * writes through the SDK's adapter exactly as its own {@code fromValue} / {@code getValue}
 * say, with an unknown value reading as the placeholder.
 */
class ModelEnumsTest {

    @Test
    void everyGeneratedEnumReadsAndWritesItsContractValues() throws Exception {
        List<Class<?>> enums = GeneratedModels.classes().stream().filter(Class::isEnum).collect(Collectors.toList());
        assertTrue(enums.size() > 30, "found only " + enums.size() + " generated enums");
        for (Class<?> e : enums) {
            Gson gson = GeneratedModels.gsonOf(e);
            TypeAdapter<?> adapter = gson.getAdapter(e);
            assertTrue(adapter.getClass().getName().startsWith(ModelEnums.class.getName()),
                    e.getName() + " is read by " + adapter.getClass().getName());
            Method getValue = e.getMethod("getValue");
            Method fromValue = e.getMethod("fromValue", String.class);
            for (Object constant : e.getEnumConstants()) {
                String value = (String) getValue.invoke(constant);
                String json = gson.toJson(value);
                assertEquals(fromValue.invoke(null, value), gson.fromJson(json, e), e.getName() + " " + value);
                assertEquals(json, gson.toJson(constant), e.getName() + " " + constant);
            }
            assertEquals("UNKNOWN_DEFAULT_OPEN_API", String.valueOf(((Enum<?>) gson.fromJson("\"no such value\"", e)).name()),
                    e.getName());
            assertEquals(null, gson.fromJson("null", e));
        }
    }
}
