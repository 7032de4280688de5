package org.pingppopenapi.sandbox;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.pingppopenapi.spec.PingppSpec;

/** Answers judged against the bundled spec by an independent OpenAPI validator, swagger-request-validator. */
final class SpecAnswers {

    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
            .createForInlineApiSpecification(bundledSpec())
            .build();

    private SpecAnswers() {
    }

    /** What is wrong with an answer to {@code method path} by the spec: its status, headers and body; empty when nothing. */
    static List<String> problems(String method, String path, SandboxHttp.Answer answer) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(answer.status());
        if (!answer.body().isEmpty()) {
            response.withBody(answer.body());
        }
        answer.response().headers().map().forEach((name, values) -> response.withHeader(name, new ArrayList<>(values)));
        ValidationReport report = VALIDATOR.validateResponse(path, Request.Method.valueOf(method), response.build());
        List<String> problems = new ArrayList<>();
        for (ValidationReport.Message message : report.getMessages()) {
            if (message.getLevel() == ValidationReport.Level.ERROR) {
                problems.add(message.getKey() + ": " + message.getMessage());
            }
        }
        return problems;
    }

    private static String bundledSpec() {
        try (InputStream in = PingppSpec.open()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
