package dev.roomsdk.core.json;

import com.google.gson.Gson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The classes of the generated model packages (all four generator runs), and each one's API Gson. */
final class GeneratedModels {

    private GeneratedModels() {
    }

    /** Every class compiled into a {@code dev.roomsdk..model} package, nested ones included, by name. */
    static List<Class<?>> classes() throws Exception {
        Path root = Path.of(dev.roomsdk.videsk.invoker.JSON.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(root.resolve("dev/roomsdk"))) {
            List<String> names = files.filter(p -> p.getParent().getFileName().toString().equals("model"))
                    .map(p -> root.relativize(p).toString())
                    .filter(n -> n.endsWith(".class"))
                    .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
                    .sorted().collect(Collectors.toList());
            List<Class<?>> classes = new ArrayList<>();
            for (String n : names) {
                classes.add(Class.forName(n));
            }
            return classes;
        }
    }

    /** The generated {@code JSON} Gson of {@code type}'s API. */
    static Gson gsonOf(Class<?> type) throws ReflectiveOperationException {
        String api = type.getPackageName().substring(0, type.getPackageName().length() - ".model".length());
        return (Gson) Class.forName(api + ".invoker.JSON").getMethod("getGson").invoke(null);
    }
}
