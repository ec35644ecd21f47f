package dev.roomsdk.bench.perf;

import java.util.List;

/** The three contenders by name, raw first (the reference every ratio divides by). */
final class Contenders {

    static final List<String> NAMES = List.of("raw", "plain", "sdk");

    private Contenders() {
    }

    static Contender create(String name, Endpoints endpoints) {
        switch (name) {
            case "raw": return new RawContender(endpoints);
            case "plain": return new PlainContender(endpoints);
            case "sdk": return new SdkContender(endpoints);
            default: throw new IllegalArgumentException("no contender " + name);
        }
    }
}
