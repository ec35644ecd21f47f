package dev.roomsdk.contract;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * swagger-request-validator does not understand deepObject query parameters whose schema
 * is a map ({@code $sort[createdAt]=-1}): it reports every key as an unexpected parameter.
 * This takes such keys out of the query before validation and checks their values against
 * the map's value schema (type integer/boolean/string and enum) itself.
 */
final class DeepObjectParameters {

    private static final Pattern KEY = Pattern.compile("^(.+)\\[([^\\]]+)\\]$");

    private DeepObjectParameters() {
    }

    /** Removes the deepObject keys of {@code operationId} from {@code query}; returns the problems found. */
    static List<String> check(ApiSpec spec, String operationId, Map<String, List<String>> query) {
        List<String> problems = new ArrayList<>();
        List<Parameter> parameters = parametersOf(spec, operationId);
        for (Iterator<Map.Entry<String, List<String>>> it = query.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, List<String>> e = it.next();
            Matcher m = KEY.matcher(e.getKey());
            if (!m.matches()) {
                continue;
            }
            Parameter p = parameters.stream()
                    .filter(x -> "query".equals(x.getIn()) && m.group(1).equals(x.getName())
                            && x.getStyle() == Parameter.StyleEnum.DEEPOBJECT)
                    .findFirst().orElse(null);
            if (p == null) {
                continue;
            }
            it.remove();
            Object values = p.getSchema().getAdditionalProperties();
            if (!(values instanceof Schema)) {
                continue;
            }
            Schema<?> valueSchema = (Schema<?>) values;
            for (String v : e.getValue()) {
                String problem = checkValue(valueSchema, v);
                if (problem != null) {
                    problems.add("[ERROR][REQUEST] query parameter " + e.getKey() + "=" + v + ": " + problem);
                }
            }
        }
        return problems;
    }

    private static String checkValue(Schema<?> schema, String value) {
        Object typed = value;
        try {
            if ("integer".equals(schema.getType())) {
                typed = Integer.valueOf(value);
            } else if ("boolean".equals(schema.getType()) && !value.matches("true|false")) {
                return "not a boolean";
            }
        } catch (NumberFormatException e) {
            return "not an integer";
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            for (Object allowed : schema.getEnum()) {
                if (String.valueOf(allowed).equals(String.valueOf(typed))) {
                    return null;
                }
            }
            return "not one of " + schema.getEnum();
        }
        return null;
    }

    private static List<Parameter> parametersOf(ApiSpec spec, String operationId) {
        List<Parameter> result = new ArrayList<>();
        for (PathItem item : spec.openApi().getPaths().values()) {
            for (Operation op : item.readOperations()) {
                if (operationId.equals(op.getOperationId())) {
                    if (item.getParameters() != null) {
                        result.addAll(item.getParameters());
                    }
                    if (op.getParameters() != null) {
                        result.addAll(op.getParameters());
                    }
                }
            }
        }
        return result;
    }
}
