package dev.roomsdk.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.LoggedResponse;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates one request/response pair that went through WireMock against an API's spec
 * with swagger-request-validator. Two modes: strict (everything, including the validator's
 * default of rejecting undeclared properties) and forward-compatible (undeclared response
 * properties and unknown response enum values allowed).
 */
final class InteractionValidator {

    private static final Map<String, OpenApiInteractionValidator> CACHE = new ConcurrentHashMap<>();

    private InteractionValidator() {
    }

    /** Empty when the pair satisfies the contract, else a readable report. */
    static String validate(ApiSpec spec, String operationId, boolean forwardCompatible,
                           LoggedRequest request, LoggedResponse response) {
        OpenApiInteractionValidator validator = CACHE.computeIfAbsent(
                spec.api() + ":" + forwardCompatible, k -> build(spec, forwardCompatible));
        URI uri = URI.create(request.getUrl());
        Map<String, List<String>> query = queryParams(uri.getRawQuery());
        List<String> problems = new ArrayList<>(DeepObjectParameters.check(spec, operationId, query));
        ValidationReport report = validator.validate(toRequest(request, uri, query), toResponse(response));
        if (report.hasErrors()) {
            problems.add(SimpleValidationReportFormat.getInstance().apply(report));
        }
        return problems.isEmpty() ? ""
                : request.getMethod() + " " + request.getUrl() + " -> " + response.getStatus() + "\n"
                        + String.join("\n", problems);
    }

    /** Empty when the request satisfies the contract, else a readable report. */
    static String validateRequest(ApiSpec spec, String operationId, LoggedRequest request) {
        OpenApiInteractionValidator validator = CACHE.computeIfAbsent(spec.api() + ":false", k -> build(spec, false));
        URI uri = URI.create(request.getUrl());
        Map<String, List<String>> query = queryParams(uri.getRawQuery());
        List<String> problems = new ArrayList<>(DeepObjectParameters.check(spec, operationId, query));
        ValidationReport report = validator.validateRequest(toRequest(request, uri, query));
        if (report.hasErrors()) {
            problems.add(SimpleValidationReportFormat.getInstance().apply(report));
        }
        return problems.isEmpty() ? "" : request.getMethod() + " " + request.getUrl() + "\n" + String.join("\n", problems);
    }

    private static OpenApiInteractionValidator build(ApiSpec spec, boolean forwardCompatible) {
        LevelResolver.Builder levels = LevelResolver.create();
        if (forwardCompatible) {
            levels.withLevel("validation.response.body.schema.additionalProperties", ValidationReport.Level.IGNORE)
                    .withLevel("validation.response.body.schema.enum", ValidationReport.Level.IGNORE);
        }
        return OpenApiInteractionValidator.createForSpecificationUrl(spec.file().toUri().toString())
                .withLevelResolver(levels.build())
                // merge allOf before the validator injects additionalProperties=false per branch
                .withResolveCombinators(true)
                .build();
    }

    private static Request toRequest(LoggedRequest logged, URI uri, Map<String, List<String>> query) {
        SimpleRequest.Builder b = new SimpleRequest.Builder(logged.getMethod().getName(), uri.getRawPath());
        for (Map.Entry<String, List<String>> q : query.entrySet()) {
            b.withQueryParam(q.getKey(), q.getValue());
        }
        for (HttpHeader h : logged.getHeaders().all()) {
            b.withHeader(h.key(), h.values());
        }
        byte[] body = logged.getBody();
        if (body != null && body.length > 0) {
            if (isText(logged.getHeader("Content-Type"))) {
                b.withBody(new String(body, StandardCharsets.UTF_8));
            } else {
                b.withBody(body);
            }
        }
        return b.build();
    }

    private static com.atlassian.oai.validator.model.Response toResponse(LoggedResponse logged) {
        SimpleResponse.Builder b = SimpleResponse.Builder.status(logged.getStatus());
        if (logged.getHeaders() != null) {
            for (HttpHeader h : logged.getHeaders().all()) {
                b.withHeader(h.key(), h.values());
            }
        }
        byte[] body = logged.getBody();
        if (body != null && body.length > 0) {
            String contentType = logged.getHeaders() == null ? null
                    : logged.getHeaders().getContentTypeHeader().firstValue();
            if (isText(contentType)) {
                b.withBody(new String(body, StandardCharsets.UTF_8));
            } else {
                b.withBody(body);
            }
        }
        return b.build();
    }

    private static boolean isText(String contentType) {
        if (contentType == null) {
            return false;
        }
        String ct = contentType.toLowerCase(Locale.ROOT);
        return ct.contains("json") || ct.startsWith("text/") || ct.contains("x-www-form-urlencoded");
    }

    static Map<String, List<String>> queryParams(String rawQuery) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return params;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
