package dev.roomsdk.core.http;

import dev.roomsdk.core.error.InvalidRequestException;
import java.lang.StackWalker.StackFrame;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a request the generated client is about to build, before any network I/O, and
 * throws {@link InvalidRequestException} naming every field and rule it breaks:
 * <ul>
 *   <li>the contract's constraints on query and header parameters ({@code $limit} 1..100, at
 *       most 10 {@code userIds}, lengths, patterns), read from the Jakarta constraint
 *       annotations the generator puts on each operation's {@code ...WithHttpInfo} method
 *       ({@code useBeanValidation}) and matched to wire names through the parameter names the
 *       build keeps ({@code -parameters});</li>
 *   <li>the constraints on the JSON body, read from the annotations of the generated models
 *       (see {@link ModelConstraints});</li>
 *   <li>path safety ({@link #checkPathParameter}): the generated client percent-encodes path
 *       parameters ({@code /}, {@code ?}, {@code #}, {@code %}, spaces, unicode), but an empty,
 *       {@code .} or {@code ..} value would still be dropped or resolved by URL normalisation
 *       and reach another resource, so it is refused;</li>
 *   <li>header safety: a CR or LF (or any other character outside printable ASCII) in a header
 *       value is refused, naming the header but never echoing its value.</li>
 * </ul>
 * Per-API {@code ApiClient} subclasses call {@link #check} from {@code buildRequest}.
 * Thread-safe; reflection results are cached per operation.
 */
public final class RequestValidator {

    private static final StackWalker STACK = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    private static final Map<String, List<ParamRule>> OPERATIONS = new ConcurrentHashMap<>();

    private RequestValidator() {
    }

    /**
     * Checks one request; returns normally when it is valid.
     *
     * @param query   query parameters as (wire name, value) pairs, repeated names for exploded lists
     * @param headers header parameters by wire name
     * @param body    the body object (a generated model, a list of them, or anything else), may be null
     * @throws InvalidRequestException listing every violation
     */
    public static void check(List<Map.Entry<String, String>> query, Map<String, String> headers, Object body) {
        List<String> violations = new ArrayList<>();
        Optional<StackFrame> frame = STACK.walk(s -> s.filter(RequestValidator::isGeneratedCallBuilder).findFirst());
        String operation = frame.map(RequestValidator::operation).orElse(null);
        checkHeaderValues(headers, violations);
        frame.ifPresent(f -> checkParameters(rules(f), query, headers, violations));
        ModelConstraints.check(body, "", violations);
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(operation, violations);
        }
    }

    /** Refuses header values that could split the header or are not printable ASCII; for caller-supplied headers. */
    public static void checkHeaders(Map<String, String> headers) {
        List<String> violations = new ArrayList<>();
        checkHeaderValues(headers, violations);
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(null, violations);
        }
    }

    private static String operation(StackFrame f) {
        return f.getMethodName().substring(0, f.getMethodName().length() - "Call".length());
    }

    private static boolean isGeneratedCallBuilder(StackFrame f) {
        // every generated operation builds its request inside <operationId>Call(...) of an *.api class
        return f.getMethodName().endsWith("Call") && f.getMethodName().length() > "Call".length()
                && f.getDeclaringClass().getPackageName().endsWith(".api");
    }

    /**
     * Refuses a path parameter value that URL normalisation would drop or resolve, so that it
     * would reach another resource: empty ({@code /rooms/} is the listing), {@code .} or
     * {@code ..}. Everything else is percent-encoded by the generated client and stays inside
     * its segment. Called by the per-API clients for each path parameter they escape.
     */
    public static void checkPathParameter(String value) {
        String violation = null;
        if (value.isEmpty()) {
            violation = "path: a path parameter is empty, which would change the path";
        } else if (value.equals(".") || value.equals("..")) {
            violation = "path: a path parameter must not be '.' or '..', which would change the path, got '" + value + "'";
        }
        if (violation != null) {
            Optional<StackFrame> frame = STACK.walk(st -> st.filter(RequestValidator::isGeneratedCallBuilder).findFirst());
            throw new InvalidRequestException(frame.map(RequestValidator::operation).orElse(null), List.of(violation));
        }
    }

    private static void checkHeaderValues(Map<String, String> headers, List<String> violations) {
        if (headers == null) {
            return;
        }
        headers.forEach((name, value) -> {
            if (value == null) {
                return;
            }
            if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                violations.add("header " + name + ": must not contain CR or LF");
                return;
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c != '\t' && (c < 0x20 || c > 0x7e)) {
                    violations.add("header " + name + ": must contain only printable ASCII, got U+"
                            + String.format(Locale.ROOT, "%04X", (int) c) + " at index " + i);
                    return;
                }
            }
        });
    }

    private static void checkParameters(List<ParamRule> rules, List<Map.Entry<String, String>> query,
                                        Map<String, String> headers, List<String> violations) {
        for (ParamRule rule : rules) {
            List<String> values = new ArrayList<>();
            String wireName = null;
            if (query != null) {
                for (Map.Entry<String, String> e : query) {
                    if (e.getValue() != null && rule.key.equals(normalize(e.getKey()))) {
                        wireName = e.getKey();
                        values.add(e.getValue());
                    }
                }
            }
            if (wireName == null && headers != null) {
                for (Map.Entry<String, String> e : headers.entrySet()) {
                    if (e.getValue() != null && rule.key.equals(normalize(e.getKey()))) {
                        wireName = e.getKey();
                        values.add(e.getValue());
                    }
                }
            }
            if (wireName != null) {
                ModelConstraints.checkValue(rule.parameter.getAnnotations(), rule.typed(values), wireName, violations);
            }
        }
    }

    private static List<ParamRule> rules(StackFrame frame) {
        Class<?> api = frame.getDeclaringClass();
        String op = frame.getMethodName().substring(0, frame.getMethodName().length() - "Call".length());
        return OPERATIONS.computeIfAbsent(api.getName() + "#" + op, k -> {
            List<ParamRule> rules = new ArrayList<>();
            for (Method m : api.getMethods()) {
                if (!m.getName().equals(op + "WithHttpInfo")) {
                    continue;
                }
                for (Parameter p : m.getParameters()) {
                    if (p.isNamePresent() && ModelConstraints.hasConstraints(p.getAnnotations())) {
                        rules.add(new ParamRule(p));
                    }
                }
            }
            return List.copyOf(rules);
        });
    }

    /** Wire and Java names of one parameter agree once case and punctuation are dropped ({@code page_size}, {@code pageSize}). */
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

    private static final class ParamRule {
        final Parameter parameter;
        final String key;

        ParamRule(Parameter parameter) {
            this.parameter = parameter;
            this.key = normalize(parameter.getName());
        }

        /** The wire values as the Java type the constraint was written for. */
        Object typed(List<String> values) {
            Class<?> type = parameter.getType();
            if (Collection.class.isAssignableFrom(type)) {
                List<String> items = new ArrayList<>();
                // csv-style lists arrive as one pair; their items are escaped, so a comma splits them
                values.forEach(v -> items.addAll(List.of(v.split(",", -1))));
                return items;
            }
            String v = values.get(0);
            if (Number.class.isAssignableFrom(type)) {
                try {
                    return new java.math.BigDecimal(v);
                } catch (NumberFormatException notANumber) {
                    return null;
                }
            }
            return v;
        }
    }
}
