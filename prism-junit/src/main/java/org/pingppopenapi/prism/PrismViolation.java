package org.pingppopenapi.prism;

import java.util.List;

/**
 * One entry of Prism's {@code sl-violations} header.
 *
 * @param location where in the exchange, e.g. {@code [request, body, amount]}
 * @param severity {@code Error}, {@code Warning}, {@code Information} or {@code Hint}
 * @param code     the validator's keyword, e.g. {@code required} or {@code type}
 * @param message  Prism's explanation
 */
public record PrismViolation(List<String> location, String severity, String code, String message) {

    public PrismViolation {
        location = List.copyOf(location);
    }

    /** {@link #location()} joined with dots, e.g. {@code request.body.amount}. */
    public String path() {
        return String.join(".", location);
    }

    @Override
    public String toString() {
        return severity + " at " + path() + " [" + code + "]: " + message;
    }
}
