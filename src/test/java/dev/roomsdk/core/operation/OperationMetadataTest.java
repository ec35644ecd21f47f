package dev.roomsdk.core.operation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomsdk.contract.ApiSpec;
import io.swagger.v3.oas.models.PathItem;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The generated API classes are the new surface and nothing of the old one: found by
 * scanning {@code target/classes/dev/roomsdk/<api>/api/} (so a new class is checked as it
 * appears), none has a public no-arg constructor, a setter, the old client plumbing
 * ({@code setApiClient}, {@code getApiClient}, {@code setDebugging}, {@code setCustomBaseUrl},
 * {@code setHostIndex}) or a method returning {@link File} (downloads are streamed); and their
 * {@link Operation} constants, read reflectively, are exactly the operations of the spec, as many
 * as its scope says, each with the spec's method and path.
 */
class OperationMetadataTest {

    static final Path CLASSES = Path.of("target", "classes", "dev", "roomsdk");
    static final Set<String> OLD_PLUMBING = Set.of("setApiClient", "getApiClient", "setDebugging", "setCustomBaseUrl",
            "setHostIndex");

    /** The top-level classes of {@code dev.roomsdk.<api>.api}, by scanning the compiled classes. */
    static List<Class<?>> apiClasses(String api) throws IOException, ClassNotFoundException {
        Path dir = CLASSES.resolve(api).resolve("api");
        assertTrue(Files.isDirectory(dir), "no compiled API classes in " + dir.toAbsolutePath());
        List<String> names;
        try (Stream<Path> files = Files.list(dir)) {
            names = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".class") && !n.contains("$"))
                    .map(n -> "dev.roomsdk." + api + ".api." + n.substring(0, n.length() - ".class".length()))
                    .sorted().collect(Collectors.toList());
        }
        List<Class<?>> classes = new ArrayList<>();
        for (String name : names) {
            classes.add(Class.forName(name));
        }
        return classes;
    }

    /** Every static final Operation field of the API's classes, by operationId. */
    static Map<String, Operation> operations(String api) throws Exception {
        Map<String, Operation> byId = new TreeMap<>();
        for (Class<?> type : apiClasses(api)) {
            for (Field f : type.getDeclaredFields()) {
                int m = f.getModifiers();
                if (f.getType() == Operation.class && Modifier.isStatic(m) && Modifier.isFinal(m)) {
                    f.setAccessible(true);
                    Operation op = (Operation) f.get(null);
                    Operation before = byId.put(op.id(), op);
                    assertTrue(before == null, op.id() + " is declared twice (" + type.getSimpleName() + "." + f.getName() + ")");
                }
            }
        }
        return byId;
    }

    /** What the spec says each operation is: {@code GET /rooms/{roomId}}, by operationId. */
    static Map<String, String> specOperations(String api) {
        Map<String, String> byId = new TreeMap<>();
        ApiSpec.of(api).openApi().getPaths().forEach((path, item) -> {
            for (Map.Entry<PathItem.HttpMethod, io.swagger.v3.oas.models.Operation> e : item.readOperationsMap().entrySet()) {
                byId.put(e.getValue().getOperationId(), e.getKey().name() + " " + path);
            }
        });
        return byId;
    }

    @ParameterizedTest(name = "{0}: {1} classes")
    @CsvSource({"carbonio, 8", "zoom, 6", "videsk, 1"})
    void everyApiClassIsOfTheNewSurface(String api, int expectedClasses) throws Exception {
        List<Class<?>> classes = apiClasses(api);
        assertEquals(expectedClasses, classes.size(), classes.toString());
        List<String> problems = new ArrayList<>();
        for (Class<?> type : classes) {
            List<Class<?>> checked = new ArrayList<>(List.of(type));
            checked.addAll(List.of(type.getDeclaredClasses()));
            for (Class<?> c : checked) {
                for (Constructor<?> k : c.getDeclaredConstructors()) {
                    if (Modifier.isPublic(k.getModifiers()) && k.getParameterCount() == 0) {
                        problems.add(c.getName() + " has a public no-arg constructor");
                    }
                }
                for (Method m : c.getDeclaredMethods()) {
                    if (!Modifier.isPublic(m.getModifiers())) {
                        continue;
                    }
                    String n = m.getName();
                    if (OLD_PLUMBING.contains(n)) {
                        problems.add(c.getName() + "." + n + " is the old client's plumbing");
                    }
                    if (c == type && isSetterLike(m)) {
                        problems.add(c.getName() + "." + n + " is a setter: an Api class is immutable");
                    }
                    if (File.class.isAssignableFrom(m.getReturnType())) {
                        problems.add(c.getName() + "." + n + " returns a File: downloads are streamed");
                    }
                }
            }
            assertTrue(Modifier.isFinal(type.getModifiers()), type + " is final");
        }
        assertEquals(List.of(), problems);
    }

    static boolean isSetterLike(Method m) {
        String n = m.getName();
        return n.length() > 3 && n.startsWith("set") && Character.isUpperCase(n.charAt(3)) && m.getParameterCount() == 1;
    }

    @ParameterizedTest(name = "{0}: {1} operations")
    @CsvSource({"carbonio, 60", "zoom, 28", "videsk, 6"})
    void theOperationConstantsAreTheSpecsOperations(String api, int count) throws Exception {
        Map<String, Operation> operations = operations(api);
        assertEquals(count, operations.size(), "Operation constants of dev.roomsdk." + api + ".api: " + operations.keySet());

        Map<String, String> spec = specOperations(api);
        assertEquals(count, spec.size(), "operations of specs/" + api + ".yaml");
        Map<String, String> generated = new TreeMap<>();
        operations.forEach((id, op) -> generated.put(id, op.method() + " " + op.pathTemplate()));
        assertEquals(spec, generated, "each constant is its spec operation, with the spec's method and path");
    }

    /** The scan is not vacuous: it sees the classes the entry points hand out. */
    @Test
    void theScanFindsTheClassesTheEntryPointsUse() throws Exception {
        assertTrue(apiClasses("videsk").contains(dev.roomsdk.videsk.api.RoomsApi.class));
        assertTrue(apiClasses("zoom").contains(dev.roomsdk.zoom.api.DevicesApi.class));
        assertTrue(apiClasses("carbonio").contains(dev.roomsdk.carbonio.api.MeetingsApi.class));
    }
}
