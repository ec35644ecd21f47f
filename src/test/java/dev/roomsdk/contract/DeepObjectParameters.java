package dev.roomsdk.contract;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * swagger-request-validator does not understand deepObject query parameters whose schema
 * is a map ({@code $sort[createdAt]=-1}): it reports every key as an unexpected parameter,
 * and it lets the parameter's bare name through unchecked ({@code $sort=} or a map's
 * {@code toString()}, {@code $sort={createdAt=-1}}), which no deepObject reader understands.
 * This takes every query key of such a parameter out of the query before validation and
 * checks it itself: the bare name is a violation; a key must be {@code name[field]} with one
 * non-empty field, named by the schema when it lists its properties, given once; its value
 * must match the value schema (type integer, number, boolean or string; enum; minimum and
 * maximum). Schemas and parameters given as {@code $ref} are resolved.
 */
final class DeepObjectParameters {

    private static final int MAX_REF_DEPTH = 16;

    private DeepObjectParameters() {
    }

    /** Removes the deepObject keys of {@code operationId} from {@code query}; returns the problems found. */
    static List<String> check(ApiSpec spec, String operationId, Map<String, List<String>> query) {
        List<String> problems = new ArrayList<>();
        for (Parameter p : parametersOf(spec, operationId)) {
            if (!"query".equals(p.getIn()) || p.getStyle() != Parameter.StyleEnum.DEEPOBJECT) {
                continue;
            }
            Pattern key = Pattern.compile(Pattern.quote(p.getName()) + "\\[([^\\[\\]]+)\\]");
            Schema<?> schema = resolve(spec.openApi(), p.getSchema());
            for (Iterator<Map.Entry<String, List<String>>> it = query.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<String, List<String>> e = it.next();
                String name = e.getKey();
                if (name.equals(p.getName())) {
                    it.remove();
                    for (String v : e.getValue()) {
                        problems.add(problem(name, v, "deepObject parameter " + p.getName() + " must be sent as "
                                + p.getName() + "[field]=value, one pair per field, not as one value"));
                    }
                    continue;
                }
                if (!name.startsWith(p.getName() + "[")) {
                    continue;
                }
                it.remove();
                Matcher m = key.matcher(name);
                if (!m.matches()) {
                    problems.add(problem(name, String.join(",", e.getValue()), "not a deepObject key of " + p.getName()
                            + " (" + p.getName() + "[field] with one non-empty field)"));
                    continue;
                }
                if (e.getValue().size() > 1) {
                    problems.add(problem(name, String.join(",", e.getValue()), "given " + e.getValue().size() + " times"));
                }
                Schema<?> valueSchema = valueSchema(spec.openApi(), schema, m.group(1));
                if (valueSchema == null) {
                    problems.add(problem(name, String.join(",", e.getValue()), "field " + m.group(1) + " is not declared by "
                            + p.getName() + "'s schema"));
                    continue;
                }
                for (String v : e.getValue()) {
                    String problem = checkValue(valueSchema, v);
                    if (problem != null) {
                        problems.add(problem(name, v, problem));
                    }
                }
            }
        }
        return problems;
    }

    private static String problem(String name, String value, String what) {
        return "[ERROR][REQUEST] query parameter " + name + "=" + value + ": " + what;
    }

    /** The schema of field {@code field} of deepObject {@code schema}, or null when it has none. */
    private static Schema<?> valueSchema(OpenAPI openApi, Schema<?> schema, String field) {
        if (schema == null) {
            return new Schema<>(); // nothing declared: any value
        }
        if (schema.getProperties() != null && schema.getProperties().containsKey(field)) {
            return resolve(openApi, schema.getProperties().get(field));
        }
        Object additional = schema.getAdditionalProperties();
        if (additional instanceof Schema) {
            return resolve(openApi, (Schema<?>) additional);
        }
        if (Boolean.FALSE.equals(additional) || (schema.getProperties() != null && additional == null)) {
            return null;
        }
        return new Schema<>();
    }

    private static String checkValue(Schema<?> schema, String value) {
        BigDecimal number = null;
        String type = schema.getType();
        if ("integer".equals(type) || "number".equals(type)) {
            try {
                number = new BigDecimal(value);
            } catch (NumberFormatException e) {
                return "not " + ("integer".equals(type) ? "an integer" : "a number");
            }
            if ("integer".equals(type)) {
                if (number.stripTrailingZeros().scale() > 0 || value.contains(".") || value.contains("e") || value.contains("E")) {
                    return "not an integer";
                }
                if ("int32".equals(schema.getFormat()) && (number.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) < 0
                        || number.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0)) {
                    return "out of the int32 range";
                }
            }
            if (schema.getMinimum() != null && number.compareTo(schema.getMinimum()) < 0) {
                return "less than the minimum " + schema.getMinimum();
            }
            if (schema.getMaximum() != null && number.compareTo(schema.getMaximum()) > 0) {
                return "more than the maximum " + schema.getMaximum();
            }
        } else if ("boolean".equals(type) && !value.matches("true|false")) {
            return "not a boolean";
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            for (Object allowed : schema.getEnum()) {
                String text = String.valueOf(allowed);
                if (text.equals(value) || (number != null && isNumber(text) && new BigDecimal(text).compareTo(number) == 0)) {
                    return null;
                }
            }
            return "not one of " + schema.getEnum();
        }
        return null;
    }

    private static boolean isNumber(String text) {
        try {
            new BigDecimal(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** {@code schema} with its {@code $ref} (to {@code #/components/schemas/...}) followed. */
    private static Schema<?> resolve(OpenAPI openApi, Schema<?> schema) {
        for (int depth = 0; schema != null && schema.get$ref() != null; depth++) {
            if (depth >= MAX_REF_DEPTH) {
                throw new IllegalStateException("$ref chain too long at " + schema.get$ref());
            }
            String ref = schema.get$ref();
            Schema<?> target = openApi.getComponents() == null || openApi.getComponents().getSchemas() == null ? null
                    : openApi.getComponents().getSchemas().get(ref.substring(ref.lastIndexOf('/') + 1));
            if (target == null) {
                throw new IllegalStateException("unresolvable schema " + ref);
            }
            schema = target;
        }
        return schema;
    }

    private static Parameter resolve(OpenAPI openApi, Parameter p) {
        for (int depth = 0; p.get$ref() != null; depth++) {
            if (depth >= MAX_REF_DEPTH) {
                throw new IllegalStateException("$ref chain too long at " + p.get$ref());
            }
            String ref = p.get$ref();
            Parameter target = openApi.getComponents() == null || openApi.getComponents().getParameters() == null ? null
                    : openApi.getComponents().getParameters().get(ref.substring(ref.lastIndexOf('/') + 1));
            if (target == null) {
                throw new IllegalStateException("unresolvable parameter " + ref);
            }
            p = target;
        }
        return p;
    }

    /** The operation's parameters, path-level ones first, an operation-level one replacing a path-level one of its name. */
    private static Collection<Parameter> parametersOf(ApiSpec spec, String operationId) {
        Map<String, Parameter> byLocationAndName = new LinkedHashMap<>();
        for (PathItem item : spec.openApi().getPaths().values()) {
            for (Operation op : item.readOperations()) {
                if (operationId.equals(op.getOperationId())) {
                    List<Parameter> all = new ArrayList<>();
                    if (item.getParameters() != null) {
                        all.addAll(item.getParameters());
                    }
                    if (op.getParameters() != null) {
                        all.addAll(op.getParameters());
                    }
                    for (Parameter p : all) {
                        Parameter resolved = resolve(spec.openApi(), p);
                        byLocationAndName.put(resolved.getIn() + " " + resolved.getName(), resolved);
                    }
                }
            }
        }
        return byLocationAndName.values();
    }
}
