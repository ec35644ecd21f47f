package dev.roomsdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.roomsdk.contract.ApiSpec;
import dev.roomsdk.core.json.UnknownEnumValues;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Forward compatibility, fuzzed: for every response schema of every contract in
 * {@code specs/} (found by listing the folder, so a new contract is picked up as it lands),
 * {@value #CASES} seeded cases each build a valid example from the schema (required fields,
 * types, formats, enums, bounds), add random unknown fields at every object level and swap
 * enum values for unknown ones, then decode it with the generated client's JSON, the Gson the
 * runtime decodes responses with (built by {@code JsonCodec}, with the SDK's
 * {@link UnknownEnumValues} in front), into
 * {@code dev.roomsdk.<api>.model.<Schema>}. Each case must decode without error, and writing
 * the model back must give every field that was served (known fields with their values,
 * unknown fields, the raw unknown enum values), which {@link UnknownEnumValues#rawValue}
 * also reads directly for top-level enum fields.
 */
class ResponseSchemaFuzzTest {

    static final int CASES = 25;
    static final long SEED = 0x5eed_7L;
    static final int MAX_DEPTH = 6;

    static final AtomicInteger SCHEMAS = new AtomicInteger();
    static final AtomicInteger DECODED = new AtomicInteger();
    static final AtomicInteger UNKNOWN_ENUMS = new AtomicInteger();

    @TestFactory
    Stream<DynamicTest> everyResponseSchemaOfEveryContract() throws IOException {
        List<String> apis;
        try (Stream<Path> files = Files.list(Path.of("specs"))) {
            apis = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length())).sorted().collect(Collectors.toList());
        }
        assertTrue(apis.contains("videsk") && apis.contains("carbonio"), "contracts found: " + apis);
        List<DynamicTest> tests = new ArrayList<>();
        for (String api : apis) {
            ApiSpec spec = ApiSpec.of(api);
            Map<String, Schema<?>> components = components(spec);
            Map<String, String> schemas = responseSchemas(spec, components);
            assertTrue(!schemas.isEmpty(), api + " has no response schema");
            Gson gson = generatedGson(api); // as the runtime decodes: UnknownEnumValues is already in it (JsonCodec)
            schemas.forEach((name, className) -> tests.add(DynamicTest.dynamicTest(api + " " + name,
                    () -> fuzz(api, name, className, components, gson))));
        }
        return tests.stream();
    }

    @AfterAll
    static void count() {
        System.out.println("ResponseSchemaFuzzTest: " + SCHEMAS.get() + " schemas x " + CASES + " cases = " + DECODED.get()
                + " decoded responses, " + UNKNOWN_ENUMS.get() + " unknown enum values read back");
        assertEquals(SCHEMAS.get() * CASES, DECODED.get());
    }

    void fuzz(String api, String name, String className, Map<String, Schema<?>> components, Gson gson) {
        Class<?> type;
        try {
            type = Class.forName(className);
        } catch (ClassNotFoundException e) {
            fail(api + " response schema " + name + " has no generated class " + className);
            return;
        }
        Schema<?> schema = components.get(name);
        Random random = new Random(SEED ^ (api + "/" + name).hashCode());
        for (int c = 0; c < CASES; c++) {
            Generator g = new Generator(random, components, c % 5 != 0);
            JsonElement served = g.value(schema, 0);
            g.addUnknownFields(served);
            String body = served.toString();
            Object decoded;
            try {
                decoded = gson.fromJson(body, type);
            } catch (RuntimeException e) {
                throw new AssertionError(api + " " + name + " case " + c + " failed to decode " + body, e);
            }
            if (type.isEnum()) {
                Object expected = g.unknownEnums.isEmpty() ? enumOf(type, served.getAsString()) : enumOf(type, "UNKNOWN_DEFAULT_OPEN_API");
                assertEquals(expected, decoded, api + " " + name + " case " + c + ": " + body);
            } else {
                JsonElement written = gson.toJsonTree(decoded, type);
                assertContains(served, written, name, body);
                for (Map.Entry<String, JsonElement> e : g.topLevelUnknownEnums.entrySet()) {
                    Object raw = UnknownEnumValues.rawValue(decoded, e.getKey()).orElseThrow(
                            () -> new AssertionError(name + "." + e.getKey() + " lost its raw value in " + body));
                    assertEquals(e.getValue().getAsString(), String.valueOf(raw));
                }
            }
            UNKNOWN_ENUMS.addAndGet(g.unknownEnums.size());
            DECODED.incrementAndGet();
        }
        SCHEMAS.incrementAndGet();
    }

    static Object enumOf(Class<?> type, String wireOrName) {
        for (Object c : type.getEnumConstants()) {
            if (((Enum<?>) c).name().equals(wireOrName) || c.toString().equals(wireOrName)) {
                return c;
            }
        }
        throw new AssertionError(type.getSimpleName() + " has no constant for " + wireOrName);
    }

    /** Everything served is in what the model writes back (JSON nulls may be dropped). */
    static void assertContains(JsonElement served, JsonElement written, String path, String body) {
        if (served.isJsonNull()) {
            return;
        }
        if (served.isJsonObject()) {
            assertTrue(written != null && written.isJsonObject(), path + " is not an object any more in " + body);
            for (Map.Entry<String, JsonElement> e : served.getAsJsonObject().entrySet()) {
                JsonElement w = written.getAsJsonObject().get(e.getKey());
                if (!e.getValue().isJsonNull()) {
                    assertTrue(w != null, path + "." + e.getKey() + " was lost from " + body);
                }
                assertContains(e.getValue(), w, path + "." + e.getKey(), body);
            }
        } else if (served.isJsonArray()) {
            assertTrue(written != null && written.isJsonArray(), path + " is not an array any more in " + body);
            JsonArray s = served.getAsJsonArray();
            JsonArray w = written.getAsJsonArray();
            assertEquals(s.size(), w.size(), path + " size in " + body);
            for (int i = 0; i < s.size(); i++) {
                assertContains(s.get(i), w.get(i), path + "[" + i + "]", body);
            }
        } else {
            JsonPrimitive s = served.getAsJsonPrimitive();
            assertTrue(written != null && written.isJsonPrimitive(), path + " changed type in " + body);
            JsonPrimitive w = written.getAsJsonPrimitive();
            if (s.isNumber()) {
                assertEquals(0, new BigDecimal(s.getAsString()).compareTo(new BigDecimal(w.getAsString())),
                        path + ": " + s + " came back as " + w + " in " + body);
            } else {
                assertEquals(s.getAsString(), w.getAsString(), path + " in " + body);
            }
        }
    }

    /** The generated packages' root: {@code dev.roomsdk.<api>}, a generation's {@code <api>-1.6} as {@code <api>.v16} (see the pom). */
    static String packageOf(String api) {
        int dash = api.indexOf('-');
        return "dev.roomsdk." + (dash < 0 ? api : api.substring(0, dash) + ".v" + api.substring(dash + 1).replace(".", ""));
    }

    static Gson generatedGson(String api) {
        try {
            return (Gson) Class.forName(packageOf(api) + ".invoker.JSON").getMethod("getGson").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("no generated JSON class for " + api, e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Map<String, Schema<?>> components(ApiSpec spec) {
        Map<String, Schema> raw = spec.openApi().getComponents().getSchemas();
        Map<String, Schema<?>> out = new TreeMap<>();
        raw.forEach((k, v) -> out.put(k, v));
        return out;
    }

    /** Schema name -> generated class name, for every schema a response can carry (transitively). */
    static Map<String, String> responseSchemas(ApiSpec spec, Map<String, Schema<?>> components) {
        Map<String, String> found = new TreeMap<>();
        List<String> missing = new ArrayList<>();
        String modelPackage = packageOf(spec.api()) + ".model.";
        for (Map.Entry<String, PathItem> path : spec.openApi().getPaths().entrySet()) {
            for (Operation op : path.getValue().readOperations()) {
                if (op.getResponses() == null) {
                    continue;
                }
                for (Map.Entry<String, ApiResponse> r : op.getResponses().entrySet()) {
                    if (r.getValue().getContent() == null) {
                        continue;
                    }
                    for (Map.Entry<String, MediaType> m : r.getValue().getContent().entrySet()) {
                        Schema<?> s = m.getValue().getSchema();
                        if (!m.getKey().contains("json") || s == null) {
                            continue;
                        }
                        if (s.get$ref() == null && s.getItems() == null && s.getProperties() != null) {
                            // inline object: the generator names it <OperationId><status>Response
                            String inline = className(op.getOperationId()) + r.getKey() + "Response";
                            components.put(inline, s);
                            found.put(inline, modelPackage + inline);
                        }
                        collect(s, components, found, modelPackage, missing);
                    }
                }
            }
        }
        assertTrue(missing.isEmpty(), spec.api() + ": unresolved schema references " + missing);
        return found;
    }

    static void collect(Schema<?> s, Map<String, Schema<?>> components, Map<String, String> found, String pkg,
                        List<String> missing) {
        if (s == null) {
            return;
        }
        if (s.get$ref() != null) {
            String name = refName(s.get$ref());
            if (found.containsKey(name)) {
                return;
            }
            Schema<?> target = components.get(name);
            if (target == null) {
                missing.add(s.get$ref());
                return;
            }
            if (target.getProperties() != null || target.getEnum() != null || target.getAllOf() != null) {
                found.put(name, pkg + className(name));
            }
            collect(target, components, found, pkg, missing);
            return;
        }
        if (s.getProperties() != null) {
            s.getProperties().values().forEach(p -> collect(p, components, found, pkg, missing));
        }
        collect(s.getItems(), components, found, pkg, missing);
        if (s.getAdditionalProperties() instanceof Schema) {
            collect((Schema<?>) s.getAdditionalProperties(), components, found, pkg, missing);
        }
        for (List<Schema> list : List.of(nullToEmpty(s.getAllOf()), nullToEmpty(s.getOneOf()), nullToEmpty(s.getAnyOf()))) {
            list.forEach(p -> collect(p, components, found, pkg, missing));
        }
    }

    static List<Schema> nullToEmpty(List<Schema> l) {
        return l == null ? List.of() : l;
    }

    static String refName(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    /** The generator's class name for a schema name: words joined, each capitalised. */
    static String className(String name) {
        StringBuilder b = new StringBuilder();
        boolean upper = true;
        for (char c : name.toCharArray()) {
            if (!Character.isLetterOrDigit(c)) {
                upper = true;
            } else {
                b.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return b.toString();
    }

    /** Builds one valid example of a schema, with unknown enum values where it chooses to. */
    static final class Generator {
        final Random random;
        final Map<String, Schema<?>> components;
        final boolean swapEnums;
        final List<String> unknownEnums = new ArrayList<>();
        final Map<String, JsonElement> topLevelUnknownEnums = new LinkedHashMap<>();

        Generator(Random random, Map<String, Schema<?>> components, boolean swapEnums) {
            this.random = random;
            this.components = components;
            this.swapEnums = swapEnums;
        }

        JsonElement value(Schema<?> s, int depth) {
            if (s.get$ref() != null) {
                return value(components.get(refName(s.get$ref())), depth);
            }
            if (s.getAllOf() != null) {
                JsonObject merged = new JsonObject();
                for (Schema<?> part : s.getAllOf()) {
                    JsonElement e = value(part, depth);
                    if (e.isJsonObject()) {
                        e.getAsJsonObject().entrySet().forEach(en -> merged.add(en.getKey(), en.getValue()));
                    }
                }
                if (s.getProperties() != null) {
                    object(s, depth).entrySet().forEach(en -> merged.add(en.getKey(), en.getValue()));
                }
                return merged;
            }
            List<Schema> options = s.getOneOf() != null ? s.getOneOf() : s.getAnyOf();
            if (options != null && !options.isEmpty()) {
                return value(options.get(0), depth);
            }
            if (s.getEnum() != null && !s.getEnum().isEmpty()) {
                return enumValue(s);
            }
            String type = s.getType() != null ? s.getType()
                    : s.getTypes() != null && !s.getTypes().isEmpty() ? s.getTypes().iterator().next()
                    : s.getProperties() != null ? "object" : s.getItems() != null ? "array" : "string";
            switch (type) {
                case "object":
                    return object(s, depth);
                case "array":
                    return array(s, depth);
                case "integer":
                    return new JsonPrimitive(integer(s));
                case "number":
                    return new JsonPrimitive(number(s));
                case "boolean":
                    return new JsonPrimitive(random.nextBoolean());
                default:
                    return new JsonPrimitive(string(s));
            }
        }

        JsonElement enumValue(Schema<?> s) {
            List<?> values = s.getEnum();
            Object known = values.get(random.nextInt(values.size()));
            if (swapEnums && random.nextInt(3) > 0) {
                JsonElement unknown = known instanceof Number
                        ? new JsonPrimitive(9_000 + random.nextInt(1_000))
                        : new JsonPrimitive("fuzz_unknown_" + Integer.toHexString(random.nextInt()));
                unknownEnums.add(unknown.getAsString());
                return unknown;
            }
            return known instanceof Number ? new JsonPrimitive((Number) known) : new JsonPrimitive(String.valueOf(known));
        }

        JsonObject object(Schema<?> s, int depth) {
            JsonObject o = new JsonObject();
            if (s.getProperties() != null) {
                List<String> required = s.getRequired() == null ? List.of() : s.getRequired();
                for (Map.Entry<String, Schema> p : s.getProperties().entrySet()) {
                    Schema<?> ps = p.getValue();
                    boolean readOnlyOrOptional = !required.contains(p.getKey());
                    if (readOnlyOrOptional && (depth >= MAX_DEPTH || random.nextBoolean())) {
                        continue;
                    }
                    int before = unknownEnums.size();
                    JsonElement v = value(ps, depth + 1);
                    o.add(p.getKey(), v);
                    if (depth == 0 && unknownEnums.size() > before && v.isJsonPrimitive()) {
                        topLevelUnknownEnums.put(p.getKey(), v);
                    }
                }
            }
            if (s.getAdditionalProperties() instanceof Schema && depth < MAX_DEPTH) {
                for (int i = random.nextInt(3); i > 0; i--) {
                    o.add("key" + random.nextInt(1000), value((Schema<?>) s.getAdditionalProperties(), depth + 1));
                }
            }
            return o;
        }

        JsonArray array(Schema<?> s, int depth) {
            int min = s.getMinItems() == null ? 0 : s.getMinItems();
            int max = s.getMaxItems() == null ? min + 3 : Math.min(s.getMaxItems(), min + 3);
            int n = depth >= MAX_DEPTH ? min : min + random.nextInt(max - min + 1);
            JsonArray a = new JsonArray();
            for (int i = 0; i < n; i++) {
                a.add(value(s.getItems(), depth + 1));
            }
            return a;
        }

        long integer(Schema<?> s) {
            long min = s.getMinimum() == null ? -1_000 : s.getMinimum().longValue();
            if (Boolean.TRUE.equals(s.getExclusiveMinimum())) {
                min++;
            }
            long max = s.getMaximum() == null ? min + 100_000 : s.getMaximum().longValue();
            if (Boolean.TRUE.equals(s.getExclusiveMaximum())) {
                max--;
            }
            if ("int32".equals(s.getFormat())) {
                max = Math.min(max, Integer.MAX_VALUE);
            }
            return min + (long) (random.nextDouble() * (max - min + 1));
        }

        BigDecimal number(Schema<?> s) {
            BigDecimal min = s.getMinimum() == null ? BigDecimal.valueOf(-1_000) : s.getMinimum();
            // quarters are exact in binary, so float/double models give back what was served
            return min.add(BigDecimal.valueOf(random.nextInt(4_000)).divide(BigDecimal.valueOf(4)))
                    .min(s.getMaximum() == null ? BigDecimal.valueOf(1_000_000) : s.getMaximum());
        }

        String string(Schema<?> s) {
            String format = s.getFormat() == null ? "" : s.getFormat();
            switch (format) {
                case "date-time":
                    return Instant.ofEpochSecond(1_600_000_000L + random.nextInt(200_000_000)).toString();
                case "date":
                    return LocalDate.ofEpochDay(18_000 + random.nextInt(3_000)).toString();
                case "uuid":
                    return new UUID(random.nextLong(), random.nextLong()).toString();
                case "email":
                    return "user" + random.nextInt(10_000) + "@example.com";
                default:
                    break;
            }
            if (s.getPattern() != null && s.getExample() instanceof String) {
                return (String) s.getExample();
            }
            int min = s.getMinLength() == null ? 0 : s.getMinLength();
            int max = s.getMaxLength() == null ? min + 12 : Math.min(s.getMaxLength(), min + 12);
            int n = min + random.nextInt(max - min + 1);
            StringBuilder b = new StringBuilder();
            String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789 -_äé日";
            for (int i = 0; i < n; i++) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            return b.toString();
        }

        /** Unknown fields at every object level of {@code e}, of every JSON type. */
        void addUnknownFields(JsonElement e) {
            if (e.isJsonObject()) {
                List<JsonElement> children = new ArrayList<>();
                e.getAsJsonObject().entrySet().forEach(en -> children.add(en.getValue()));
                children.forEach(this::addUnknownFields);
                for (int i = 1 + random.nextInt(3); i > 0; i--) {
                    e.getAsJsonObject().add("fuzz_extra_" + Integer.toHexString(random.nextInt()), randomJson(2));
                }
            } else if (e.isJsonArray()) {
                e.getAsJsonArray().forEach(this::addUnknownFields);
            }
        }

        JsonElement randomJson(int depth) {
            switch (random.nextInt(depth > 0 ? 7 : 5)) {
                case 0: return new JsonPrimitive("v" + random.nextInt(1000));
                case 1: return new JsonPrimitive(random.nextInt(1_000_000));
                case 2: return new JsonPrimitive(random.nextInt(1000) / 8.0);
                case 3: return new JsonPrimitive(random.nextBoolean());
                case 4: return JsonNull.INSTANCE;
                case 5: {
                    JsonObject o = new JsonObject();
                    o.add("nested", randomJson(depth - 1));
                    o.add("n", new JsonPrimitive(random.nextInt(10)));
                    return o;
                }
                default: {
                    JsonArray a = new JsonArray();
                    a.add(randomJson(depth - 1));
                    a.add(new JsonPrimitive("x"));
                    return a;
                }
            }
        }
    }
}
