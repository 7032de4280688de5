package org.pingppopenapi.server;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pingppopenapi.spec.PingppSpec;

/**
 * Exchanges judged against the real spec (the bundled spec, from the spec jar) by an independent
 * OpenAPI validator, swagger-request-validator.
 */
final class SpecValidation {

    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
            .createForInlineApiSpecification(realSpec())
            .build();

    private static final Pattern STRING_WHERE_INTEGER = Pattern.compile(
            "\\[Path '/([^'/]+)'] Instance type \\(string\\) does not match any allowed primitive type \\(allowed: \\[\"integer\"]\\)");
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");

    private SpecValidation() {
    }

    /** The response obeys the spec for the operation of {@code method} and {@code path}. */
    static ValidationReport validateResponse(String method, String path, int status, Map<String, List<String>> headers,
            byte[] body) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
        if (body.length > 0) {
            response.withBody(new String(body, StandardCharsets.UTF_8));
        }
        headers.forEach((name, values) -> response.withHeader(name, new ArrayList<>(values)));
        return VALIDATOR.validateResponse(path, Request.Method.valueOf(method), response.build());
    }

    /** The response of a recorded exchange obeys the spec. */
    static ValidationReport validateResponse(RecordingProxy.Exchange exchange) {
        return validateResponse(exchange.method(), exchange.uri().getRawPath(), exchange.status(),
                exchange.responseHeaders(), exchange.responseBody());
    }

    /**
     * The request of a recorded exchange obeys the spec: path, query parameters, headers (security included), body.
     * One known false report of the validator is left out, see {@link #isDeepObjectIntegerReadAsString}.
     */
    static ValidationReport validateRequest(RecordingProxy.Exchange exchange) {
        Map<String, List<String>> query = queryParameters(exchange.uri().getRawQuery());
        SimpleRequest.Builder request = new SimpleRequest.Builder(exchange.method(), exchange.uri().getRawPath());
        query.forEach(request::withQueryParam);
        exchange.requestHeaders().forEach(request::withHeader);
        if (exchange.requestBody().length > 0) {
            request.withBody(exchange.requestBody());
        }
        List<ValidationReport.Message> messages = new ArrayList<>(VALIDATOR.validateRequest(request.build()).getMessages());
        messages.removeIf(message -> isDeepObjectIntegerReadAsString(message, query));
        return ValidationReport.from(messages);
    }

    /**
     * swagger-request-validator 2.46.1 checks the properties of a {@code deepObject} query parameter against their
     * schema as the strings the query holds, not as the values they spell: {@code created[gte]=1410834527} is
     * reported as "Instance type (string) does not match ... integer" (plain integer query parameters are read as
     * numbers). Such a report is dropped only when every value sent for that property does spell an integer; any
     * other report about the parameter stands ({@code RoundTripTest} holds a control).
     */
    private static boolean isDeepObjectIntegerReadAsString(ValidationReport.Message message, Map<String, List<String>> query) {
        if (!message.getKey().equals("validation.request.parameter.schema.type")) {
            return false;
        }
        Optional<Parameter> parameter = message.getContext().flatMap(ValidationReport.MessageContext::getParameter);
        Matcher matcher = STRING_WHERE_INTEGER.matcher(message.getMessage());
        if (parameter.isEmpty() || parameter.get().getStyle() != Parameter.StyleEnum.DEEPOBJECT || !matcher.matches()) {
            return false;
        }
        List<String> values = query.get(parameter.get().getName() + "[" + matcher.group(1) + "]");
        return values != null && !values.isEmpty() && values.stream().allMatch(value -> INTEGER.matcher(value).matches());
    }

    private static Map<String, List<String>> queryParameters(String rawQuery) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    private static String realSpec() {
        try (InputStream in = PingppSpec.open()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
