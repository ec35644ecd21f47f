package dev.roomsdk.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import com.github.tomakehurst.wiremock.http.LoggedResponse;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.roomsdk.sandbox.ValidatorMessages;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
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
        Map<String, List<String>> query = ValidatorMessages.queryParams(uri.getRawQuery());
        List<String> problems = new ArrayList<>(DeepObjectParameters.check(spec, operationId, query));
        ValidationReport report = validator.validate(ValidatorMessages.request(request, uri, query), ValidatorMessages.response(response.getStatus(), response.getHeaders(), response.getBody()));
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
        Map<String, List<String>> query = ValidatorMessages.queryParams(uri.getRawQuery());
        List<String> problems = new ArrayList<>(DeepObjectParameters.check(spec, operationId, query));
        ValidationReport report = validator.validateRequest(ValidatorMessages.request(request, uri, query));
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
}
