package org.pingppopenapi.prism;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.pingppopenapi.prism.internal.Json;

/**
 * Reads Prism's {@code sl-violations} response header: the only sign that Prism found a request invalid when the
 * spec defines the 400 it answered with, since {@code --errors} only turns <em>response</em> violations into errors.
 */
public final class PrismViolations {

    public static final String HEADER = "sl-violations";

    private PrismViolations() {
    }

    /**
     * The violations in the response headers, any spelling of the header name; empty when there is no such header.
     * Takes the header maps of {@code java.net.http} ({@code HttpHeaders.map()}) and Feign alike.
     */
    public static List<PrismViolation> in(Map<String, ? extends Collection<String>> headers) {
        return headers.entrySet().stream()
                .filter(header -> HEADER.equalsIgnoreCase(header.getKey()))
                .flatMap(header -> header.getValue().stream())
                .flatMap(value -> parse(value).stream())
                .toList();
    }

    /** Fails, listing every violation, when the response carries an {@code sl-violations} header. */
    public static void assertNone(Map<String, ? extends Collection<String>> headers) {
        List<PrismViolation> violations = in(headers);
        if (!violations.isEmpty()) {
            throw new AssertionError("Prism reported " + violations.size() + " violation(s):\n" + violations.stream()
                    .map(violation -> "  - " + violation)
                    .collect(Collectors.joining("\n")));
        }
    }

    /**
     * Parses one header value, a JSON array of {@code {location, severity, code, message}} objects.
     *
     * @throws IllegalArgumentException if the value is not such an array
     */
    public static List<PrismViolation> parse(String headerValue) {
        Object parsed = Json.parse(headerValue);
        if (!(parsed instanceof List<?> entries)) {
            throw new IllegalArgumentException(HEADER + " is not a JSON array: " + headerValue);
        }
        return entries.stream().map(entry -> violation(entry, headerValue)).toList();
    }

    private static PrismViolation violation(Object entry, String headerValue) {
        if (!(entry instanceof Map<?, ?> fields) || !(fields.get("location") instanceof List<?> location)) {
            throw new IllegalArgumentException(HEADER + " entry without a location array: " + headerValue);
        }
        return new PrismViolation(
                location.stream().map(String::valueOf).toList(),
                text(fields.get("severity")),
                text(fields.get("code")),
                text(fields.get("message")));
    }

    private static String text(Object value) {
        return Objects.toString(value, "");
    }
}
