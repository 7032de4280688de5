package org.pingppopenapi.client;

import java.util.List;
import org.pingppopenapi.validator.Violation;

/**
 * The request was refused as invalid: by the API (HTTP 400, or 404 for an unknown object), or before it left, by
 * the client's own checks of the spec's rules (then {@link #httpStatus()} is 0, nothing was sent, and
 * {@link #violations()} lists every broken rule with its field).
 */
public final class InvalidRequestException extends PingppException {

    private final transient List<Violation> violations;

    public InvalidRequestException(String message, ErrorResponse response, Throwable cause) {
        super(message, response, cause);
        this.violations = List.of();
    }

    /** A request the client refused to send; {@code violations} must not be empty. */
    public InvalidRequestException(List<Violation> violations) {
        super(describe(violations), null, null);
        this.violations = List.copyOf(violations);
    }

    /** Every rule the request broke, when the client refused it before sending; empty for an answer of the API. */
    public List<Violation> violations() {
        return violations;
    }

    /** The field at fault: the first violation's field, or the API's {@code error.param}; may be null. */
    @Override
    public String param() {
        return violations.isEmpty() ? super.param() : violations.get(0).field();
    }

    /** The first broken rule's id (such as {@code charge.order_no.unionpay}); null for an answer of the API. */
    public String rule() {
        return violations.isEmpty() ? null : violations.get(0).rule();
    }

    private static String describe(List<Violation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("An invalid request needs at least one violation");
        }
        StringBuilder message = new StringBuilder("The request was not sent: it breaks ")
                .append(violations.size() == 1 ? "1 rule" : violations.size() + " rules").append(" of the Ping++ spec");
        for (Violation violation : violations) {
            message.append("\n  ").append(violation.field()).append(" [").append(violation.rule()).append("]: ")
                    .append(violation.message());
        }
        return message.toString();
    }
}
