package org.pingppopenapi.client;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the Ping++ API answered to a failed request: the HTTP status, the fields of its error body
 * ({@code {"error": {"type", "message", "code", "param"}}}), the body as received and the response headers.
 *
 * @param httpStatus the HTTP status, such as 402
 * @param type       {@code error.type} ({@code invalid_request_error}, {@code api_error}, {@code channel_error},
 *                   {@code card_error}); null when the body had none
 * @param message    {@code error.message}; null when the body had none
 * @param code       {@code error.code}, often the channel's own code (e.g. {@code channel_request_error}); may be null
 * @param param      {@code error.param}, the parameter at fault (e.g. {@code order_no}); may be null
 * @param rawBody    the body as received (UTF-8), empty when there was none; kept even when it is not JSON
 * @param headers    the response headers, names as received
 */
public record ErrorResponse(
        int httpStatus, String type, String message, String code, String param, String rawBody,
        Map<String, List<String>> headers) {

    public ErrorResponse {
        Objects.requireNonNull(rawBody, "rawBody");
        headers = Map.copyOf(Objects.requireNonNull(headers, "headers"));
    }

    /** The status and error fields; the body and headers only by size, as they may repeat what was sent. */
    @Override
    public String toString() {
        return "ErrorResponse[httpStatus=" + httpStatus + ", type=" + type + ", code=" + code + ", param=" + param
                + ", rawBody=" + rawBody.length() + " chars, headers=" + headers.keySet() + "]";
    }
}
