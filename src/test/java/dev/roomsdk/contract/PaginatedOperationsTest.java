package dev.roomsdk.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every paginated operation of the three contracts has its lazy listing, proven by the
 * wire: an operation is paginated when it takes a paging query parameter, and one test
 * method of {@code <Api>PaginationTest} must have sent it (validated against the spec) for at
 * least two different pages, with the page size on every request. A paging parameter added
 * to a spec fails here, naming the operation, until it is wired and walked. Like
 * {@link SpecCoverageTest}, it reads the coverage files of the build ({@link ExercisedOperations})
 * in surefire's {@code coverage} execution, after every other test has run.
 */
class PaginatedOperationsTest {

    /** The paging styles the SDK supports: the page-size parameter and the one that points at the next page. */
    enum Style {
        ZOOM("page_size", "next_page_token"),
        VIDESK("$limit", "$skip"),
        CARBONIO_CURSOR("itemsNumber", "filter");

        final String size;
        final String continuation;

        Style(String size, String continuation) {
            this.size = size;
            this.continuation = continuation;
        }
    }

    /** Query names that look like paging in any API; an operation using one must match a {@link Style}. */
    static final Set<String> OTHER_PAGING_NAMES = Set.of("page", "page_number", "pagenumber", "per_page", "limit",
            "offset", "skip", "cursor", "page_token", "pagetoken", "top", "$top", "after", "before");

    static final String ABSENT = "(absent: first page)";

    /** Query parameter names of each operation of {@code api}, with path-level ones and $refs resolved. */
    static Map<String, Set<String>> queryParameters(OpenAPI openApi) {
        Map<String, Set<String>> byOperation = new TreeMap<>();
        for (PathItem item : openApi.getPaths().values()) {
            for (Operation operation : item.readOperations()) {
                List<Parameter> parameters = new ArrayList<>();
                if (item.getParameters() != null) {
                    parameters.addAll(item.getParameters());
                }
                if (operation.getParameters() != null) {
                    parameters.addAll(operation.getParameters());
                }
                Set<String> names = new TreeSet<>();
                for (Parameter p : parameters) {
                    Parameter resolved = resolve(openApi, p);
                    if ("query".equals(resolved.getIn())) {
                        names.add(resolved.getName());
                    }
                }
                byOperation.put(operation.getOperationId(), names);
            }
        }
        return byOperation;
    }

    private static Parameter resolve(OpenAPI openApi, Parameter p) {
        if (p.get$ref() == null) {
            return p;
        }
        String name = p.get$ref().substring(p.get$ref().lastIndexOf('/') + 1);
        Parameter target = openApi.getComponents().getParameters().get(name);
        if (target == null) {
            throw new IllegalStateException("unresolvable parameter " + p.get$ref());
        }
        return resolve(openApi, target);
    }

    static boolean isPagingName(String name) {
        return Arrays.stream(Style.values()).anyMatch(s -> s.size.equals(name) || s.continuation.equals(name))
                || OTHER_PAGING_NAMES.contains(name.toLowerCase(Locale.ROOT));
    }

    /** Operations of {@code openApi} taking any paging parameter, with those parameters. */
    static Map<String, Set<String>> paginatedOperations(OpenAPI openApi) {
        Map<String, Set<String>> paginated = new TreeMap<>();
        queryParameters(openApi).forEach((operation, names) -> {
            Set<String> paging = names.stream().filter(PaginatedOperationsTest::isPagingName)
                    .collect(Collectors.toCollection(TreeSet::new));
            if (!paging.isEmpty()) {
                paginated.put(operation, paging);
            }
        });
        return paginated;
    }

    static Map<String, Set<String>> queryParameters(String api) {
        return queryParameters(ApiSpec.of(api).openApi());
    }

    static Map<String, Set<String>> paginatedOperations(String api) {
        return paginatedOperations(ApiSpec.of(api).openApi());
    }

    /** The style whose two parameters the operation takes, or null. */
    static Style styleOf(Set<String> queryNames) {
        return Arrays.stream(Style.values())
                .filter(s -> queryNames.contains(s.size) && queryNames.contains(s.continuation))
                .findFirst().orElse(null);
    }

    static String paginationTestClass(String api) {
        return api.substring(0, 1).toUpperCase(Locale.ROOT) + api.substring(1) + "PaginationTest";
    }

    @Test
    void detectionFindsPagingParametersOnOperationsPathsAndRefsAndRejectsUnknownStyles() {
        String yaml = String.join("\n",
                "openapi: 3.0.3",
                "info: {title: t, version: '1'}",
                "paths:",
                "  /rooms:",
                "    parameters:",
                "      - $ref: '#/components/parameters/Token'",
                "    get:",
                "      operationId: listThings",
                "      parameters:",
                "        - {name: page_size, in: query, schema: {type: integer}}",
                "      responses: {'200': {description: ok}}",
                "  /things:",
                "    post:",
                "      operationId: createThing",
                "      parameters:",
                "        - {name: page_size, in: header, schema: {type: integer}}",
                "      responses: {'200': {description: ok}}",
                "  /logs:",
                "    get:",
                "      operationId: listLogs",
                "      parameters:",
                "        - {name: offset, in: query, schema: {type: integer}}",
                "        - {name: name, in: query, schema: {type: string}}",
                "      responses: {'200': {description: ok}}",
                "components:",
                "  parameters:",
                "    Token: {name: next_page_token, in: query, schema: {type: string}}",
                "");
        OpenAPI openApi = new OpenAPIV3Parser().readContents(yaml, null, new ParseOptions()).getOpenAPI();

        Map<String, Set<String>> paginated = paginatedOperations(openApi);

        assertEquals(Map.of("listThings", Set.of("next_page_token", "page_size"), "listLogs", Set.of("offset")), paginated,
                "createThing takes page_size only as a header");
        assertEquals(Style.ZOOM, styleOf(queryParameters(openApi).get("listThings")));
        assertNull(styleOf(queryParameters(openApi).get("listLogs")), "offset alone is no supported style");
    }

    @Test
    void aWalkNeedsTwoDistinctPagesWithThePageSizeOnEach() {
        Map<String, List<String>> first = Map.of("$limit", List.of("2"));
        Map<String, List<String>> second = Map.of("$limit", List.of("2"), "$skip", List.of("2"));

        assertTrue(walksSeveralPages(List.of(first, second), Style.VIDESK));
        assertFalse(walksSeveralPages(List.of(first), Style.VIDESK), "one page is no walk");
        assertFalse(walksSeveralPages(List.of(Map.of(), Map.of("$skip", List.of("2"))), Style.VIDESK),
                "page size missing");
        assertFalse(walksSeveralPages(List.of(first, Map.of("$limit", List.of("5"))), Style.VIDESK),
                "the same page twice with other sizes is still one page");
    }

    @ParameterizedTest(name = "specs/{0}.yaml paginates {1}")
    @CsvSource({
        "carbonio, listRoomAttachmentInfo",
        "zoom, listDigitalSignageContent listZRLocations listZoomRooms",
        "videsk, listRooms"})
    void theSpecsPaginatedOperationsAreTheKnownOnes(String api, String expected) {
        Set<String> found = paginatedOperations(api).keySet();
        assertEquals(new TreeSet<>(Arrays.asList(expected.split(" "))), found,
                "paginated operations of specs/" + api + ".yaml (operations with a paging query parameter)");
    }

    @ParameterizedTest(name = "specs/{0}.yaml")
    @ValueSource(strings = {"carbonio", "zoom", "videsk"})
    void everyPaginatedOperationHasAPagingStyleTheSdkSupports(String api) {
        Map<String, Set<String>> queries = queryParameters(api);
        List<String> unsupported = new ArrayList<>();
        paginatedOperations(api).forEach((operation, paging) -> {
            if (styleOf(queries.get(operation)) == null) {
                unsupported.add(operation + " takes " + paging + ", which is no supported pair of page size and continuation");
            }
        });
        assertEquals(List.of(), unsupported);
    }

    @ParameterizedTest(name = "specs/{0}.yaml")
    @ValueSource(strings = {"carbonio", "zoom", "videsk"})
    void everyPaginatedOperationIsWalkedOverSeveralPagesByItsPaginationTest(String api) {
        ExercisedOperations records = CoverageRun.recordsOfThisBuild();
        Map<String, Set<String>> queries = queryParameters(api);
        String testClass = paginationTestClass(api);
        List<String> unwalked = new ArrayList<>();
        for (String operation : paginatedOperations(api).keySet()) {
            Style style = styleOf(queries.get(operation));
            if (style == null) {
                unwalked.add(operation + ": no supported paging style");
                continue;
            }
            Map<String, List<Map<String, List<String>>>> byTest = records.queriesByTest(api, operation);
            boolean walked = byTest.entrySet().stream()
                    .filter(e -> e.getKey().startsWith(testClass + "#"))
                    .anyMatch(e -> walksSeveralPages(e.getValue(), style));
            if (!walked) {
                unwalked.add(operation + ": no test method of " + testClass + " sent it for two different "
                        + style.continuation + " values with " + style.size + " on every request; tests that sent it: "
                        + new TreeSet<>(byTest.keySet()));
            }
        }
        assertEquals(List.of(), unwalked, "paginated operations of specs/" + api + ".yaml without a multi-page walk");
    }

    /** At least two pages (distinct continuations, the first page having none) and the page size on each request. */
    static boolean walksSeveralPages(List<Map<String, List<String>>> queries, Style style) {
        Set<String> continuations = new TreeSet<>();
        for (Map<String, List<String>> query : queries) {
            if (!query.containsKey(style.size)) {
                return false;
            }
            List<String> continuation = query.get(style.continuation);
            continuations.add(continuation == null ? ABSENT : String.join(",", continuation));
        }
        return continuations.size() >= 2;
    }
}
