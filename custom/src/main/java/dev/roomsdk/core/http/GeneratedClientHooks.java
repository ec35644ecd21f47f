package dev.roomsdk.core.http;

import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import okhttp3.Request;

/**
 * What every API's subclass of its generated {@code ApiClient} does before and after the
 * generated code builds a request, kept here once: the contract check before any I/O
 * ({@link RequestValidator}, path parameters included) and the tags the policies read ({@link RequestOptions},
 * {@link Idempotent}). The generated {@code Pair} type differs per API, hence the two
 * accessor functions. Stateless and thread-safe.
 */
public final class GeneratedClientHooks {

    private static final StackWalker STACK = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private GeneratedClientHooks() {
    }

    /** Checks a request about to be built; see {@link RequestValidator#check}. */
    public static <P> void check(List<P> queryParams, List<P> collectionQueryParams,
                                 Function<P, String> name, Function<P, String> value,
                                 Map<String, String> headerParams, Object body) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        for (List<P> list : List.of(nullToEmpty(queryParams), nullToEmpty(collectionQueryParams))) {
            list.forEach(p -> pairs.add(new SimpleImmutableEntry<>(name.apply(p), value.apply(p))));
        }
        RequestValidator.check(pairs, headerParams, body);
    }

    /**
     * Called with every value the generated client percent-encodes. Values escaped by a
     * generated API class are path parameters, which must not be empty, {@code .} or
     * {@code ..} ({@link RequestValidator#checkPathParameter}); query values, escaped by the
     * client itself, may be anything. Only those three values cost a look at the stack.
     */
    public static void checkEscaped(String value) {
        if (value != null && (value.isEmpty() || value.equals(".") || value.equals(".."))) {
            boolean pathParameter = STACK.walk(frames -> frames.skip(2).findFirst())
                    .map(f -> f.getDeclaringClass().getPackageName().endsWith(".api")).orElse(false);
            if (pathParameter) {
                RequestValidator.checkPathParameter(value);
            }
        }
    }

    /** {@code request} carrying {@code options} (when not null) and, when {@code idempotent}, the retry-safe mark. */
    public static Request tag(Request request, RequestOptions options, boolean idempotent) {
        if (options == null && !idempotent) {
            return request;
        }
        Request.Builder b = request.newBuilder();
        if (options != null) {
            b.tag(RequestOptions.class, options);
        }
        if (idempotent) {
            b.tag(Idempotent.class, Idempotent.YES);
        }
        return b.build();
    }

    private static <P> List<P> nullToEmpty(List<P> list) {
        return list == null ? List.of() : list;
    }
}
