package org.pingppopenapi.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pingppopenapi.client.ApiException;
import org.pingppopenapi.client.AuthenticationException;
import org.pingppopenapi.client.ChannelException;
import org.pingppopenapi.client.ErrorResponse;
import org.pingppopenapi.client.InvalidRequestException;
import org.pingppopenapi.client.PingppException;
import org.pingppopenapi.client.RateLimitException;

/**
 * Turns a non-2xx answer into the exception of its kind.
 *
 * <p>The status decides the kind, as in the official SDKs: 400 and 404 invalid request, 401 authentication, 402
 * channel, 403 and 429 rate limit, 5xx API. Other statuses go by {@code error.type}. The body may be empty, not
 * JSON, or JSON without an {@code error} object: the exception is typed all the same, and keeps the body.
 */
final class ErrorResponses {

    /** A day: anything longer is certainly beyond any retry policy. */
    private static final long MAX_RETRY_AFTER_SECONDS = 86_400;

    private ErrorResponses() {
    }

    /** The exception for an answer with this status, body and headers. */
    static PingppException toException(int status, byte[] body, Map<String, List<String>> headers) {
        return toException(status, body, headers, null);
    }

    /**
     * The exception for an answer with this status, body and headers; its message never repeats {@code apiKey},
     * should the API echo it.
     */
    static PingppException toException(int status, byte[] body, Map<String, List<String>> headers, String apiKey) {
        String rawBody = new String(body, StandardCharsets.UTF_8);
        JsonNode error = errorObject(body);
        String type = text(error, "type");
        String apiMessage = text(error, "message");
        ErrorResponse response = new ErrorResponse(status, type, apiMessage, text(error, "code"), text(error, "param"),
                rawBody, headers);
        String message = describe(response, body.length, error != null);
        if (apiKey != null && message.contains(apiKey)) {
            message = message.replace(apiKey, HttpLog.REDACTED);
        }
        return switch (status) {
            case 400, 404 -> new InvalidRequestException(message, response, null);
            case 401 -> new AuthenticationException(message, response, null);
            case 402 -> new ChannelException(message, response, null);
            case 403, 429 -> new RateLimitException(message, response, null);
            default -> {
                if (status >= 500 || type == null) {
                    yield new ApiException(message, response, null);
                }
                yield switch (type) {
                    case "invalid_request_error" -> new InvalidRequestException(message, response, null);
                    case "channel_error", "card_error" -> new ChannelException(message, response, null);
                    default -> new ApiException(message, response, null);
                };
            }
        };
    }

    private static String describe(ErrorResponse response, int bodyLength, boolean hasErrorObject) {
        StringBuilder message = new StringBuilder("HTTP ").append(response.httpStatus());
        if (response.type() != null) {
            message.append(' ').append(response.type());
        }
        if (response.message() != null) {
            message.append(": ").append(response.message());
        } else if (bodyLength == 0) {
            message.append(" with an empty body");
        } else if (!hasErrorObject) {
            message.append(" with a body that is not a Ping++ error (").append(bodyLength).append(" bytes)");
        }
        List<String> details = new ArrayList<>();
        if (response.code() != null) {
            details.add("code " + response.code());
        }
        if (response.param() != null) {
            details.add("param " + response.param());
        }
        if (!details.isEmpty()) {
            message.append(" (").append(String.join(", ", details)).append(')');
        }
        return message.toString();
    }

    /** The {@code error} object of a Ping++ error body, or null when the body is anything else. */
    private static JsonNode errorObject(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            JsonNode error = Json.MAPPER.readTree(body).get("error");
            return error != null && error.isObject() ? error : null;
        } catch (IOException | RuntimeException notJson) {
            return null;
        }
    }

    private static String text(JsonNode error, String field) {
        if (error == null) {
            return null;
        }
        JsonNode value = error.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }

    /** {@code Retry-After} as epoch milliseconds (delta seconds or an HTTP date), or null. */
    static Long retryAfter(String value, long nowMillis) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        try {
            long seconds = Math.min(Math.max(0, Long.parseLong(trimmed)), MAX_RETRY_AFTER_SECONDS);
            return nowMillis + seconds * 1000;
        } catch (NumberFormatException notSeconds) {
            try {
                return ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
