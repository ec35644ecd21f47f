package dev.roomsdk.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.annotations.SerializedName;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The field table the templates write into each API's {@code JSON} class is what the models'
 * own {@code @SerializedName} annotations say: every generated model (all four generator
 * runs) is read through it, field by field, and nothing the annotations name is missing.
 */
class ModelFieldsTest {

    @Test
    void everyGeneratedModelIsReadThroughTheFieldsItsAnnotationsName() throws Exception {
        List<Class<?>> models = GeneratedModels.classes().stream().filter(c -> !c.getName().contains("$"))
                .collect(Collectors.toList());
        assertTrue(models.size() > 120, "found only " + models.size() + " generated model classes");
        List<String> readByTable = new ArrayList<>();
        for (Class<?> model : models) {
            if (model.isEnum() || Modifier.isAbstract(model.getModifiers())) {
                continue;
            }
            assertTrue(hasGeneratedShape(model), model.getName() + " lacks what the one-pass reader needs");
            Map<String, Field> read = StreamingModels.fieldsReadBy(GeneratedModels.gsonOf(model).getAdapter(model));
            assertFalse(read.isEmpty() && !annotated(model).isEmpty(), model.getName() + " is not read in one pass");
            assertEquals(annotated(model), read, model.getName());
            readByTable.add(model.getName());
        }
        assertTrue(readByTable.size() > 100, "only " + readByTable.size() + " models read through the table");
        assertTrue(readByTable.contains("dev.roomsdk.carbonio.v16.model.Room"), "Carbonio 1.6 models are covered");
    }

    private static boolean hasGeneratedShape(Class<?> model) {
        try {
            model.getField("openapiRequiredFields");
            model.getMethod("putAdditionalProperty", String.class, Object.class);
            model.getConstructor();
            return true;
        } catch (ReflectiveOperationException no) {
            return false;
        }
    }

    private static Map<String, Field> annotated(Class<?> model) {
        Map<String, Field> fields = new HashMap<>();
        for (Class<?> c = model; c != null && c.getPackageName().endsWith(".model"); c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                SerializedName name = f.getAnnotation(SerializedName.class);
                if (name != null && !Modifier.isStatic(f.getModifiers())) {
                    fields.putIfAbsent(name.value(), f);
                }
            }
        }
        return fields;
    }
}
