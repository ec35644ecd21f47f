package dev.roomsdk.bench.perf;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Proves, before anything is timed, that what the server sends is valid per the contracts
 * (strict: no undeclared fields, required fields present, formats and enums respected), with
 * the same validator the contract tests use. Every body is checked whole, the 7.5 MB
 * Carbonio list included.
 */
final class SpecCheck {

    private SpecCheck() {
    }

    /** One line per body checked; throws naming the problems if one is invalid. */
    static List<String> check(Bodies bodies) {
        OpenApiInteractionValidator videsk = validator("videsk");
        OpenApiInteractionValidator carbonio = validator("carbonio");
        List<String> done = new ArrayList<>();
        done.add(expectValid(videsk, "/vpaas/rooms/" + Bodies.VIDESK_ROOM_ID, Request.Method.GET, 200,
                new String(bodies.videskRoom, StandardCharsets.UTF_8), "Videsk getRoom"));
        done.add(expectValid(videsk, "/vpaas/rooms", Request.Method.GET, 200, bodies.videskPage(0, 100),
                "Videsk listRooms page ($skip=0)"));
        done.add(expectValid(videsk, "/vpaas/rooms", Request.Method.GET, 200,
                bodies.videskPage(Bodies.VIDESK_LISTING_TOTAL - 100, 100), "Videsk listRooms last page"));
        done.add(expectValid(carbonio, "/rooms", Request.Method.GET, 200,
                new String(bodies.carbonioRooms, StandardCharsets.UTF_8), "Carbonio listRoom (10,000 rooms)"));
        done.add(expectValid(carbonio, "/rooms/" + Bodies.CARBONIO_ROOM_ID + "/attachments", Request.Method.POST, 201,
                new String(bodies.carbonioUploadId, StandardCharsets.UTF_8), "Carbonio insertAttachment"));
        return done;
    }

    private static OpenApiInteractionValidator validator(String api) {
        return OpenApiInteractionValidator.createForSpecificationUrl(Path.of("specs", api + ".yaml").toUri().toString())
                .withResolveCombinators(true).build();
    }

    private static String expectValid(OpenApiInteractionValidator v, String path, Request.Method method, int status,
                                      String json, String what) {
        ValidationReport report = v.validateResponse(path, method,
                SimpleResponse.Builder.status(status).withContentType("application/json").withBody(json).build());
        if (report.hasErrors()) {
            throw new IllegalStateException(what + " body is not valid per the spec:\n"
                    + SimpleValidationReportFormat.getInstance().apply(report));
        }
        return what + ": valid";
    }
}
