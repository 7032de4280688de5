package org.pingppopenapi.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.pingppopenapi.validator.Violation;
import org.slf4j.Logger;

/**
 * What the client tells its SLF4J logger:
 * <ul>
 *   <li>DEBUG, per attempt: the method, the path and query, the status (or the I/O failure), the time taken, the
 *       attempt number, and whether it will be retried;</li>
 *   <li>DEBUG, only when bodies are turned on: the request and answer bodies, with the value of every field whose
 *       name says it holds a secret (a key, secret, password, token, signature, or the payment credential) replaced
 *       by {@value #REDACTED};</li>
 *   <li>WARN: the rules a request broke when it is sent anyway ({@code PreflightMode.WARN}).</li>
 * </ul>
 * Headers are never logged, so neither the API key nor the request or response signatures are.
 */
final class HttpLog {

    static final String REDACTED = "<redacted>";
    private static final Pattern SECRET_FIELD = Pattern.compile("key|secret|password|passwd|token|sign|credential");

    private final Logger logger;
    private final boolean bodies;

    HttpLog(Logger logger, boolean bodies) {
        this.logger = logger;
        this.bodies = bodies;
    }

    boolean enabled() {
        return logger.isDebugEnabled();
    }

    void request(Operation<?> operation, String target, byte[] body, String apiKey) {
        if (bodies && body != null && body.length > 0 && logger.isDebugEnabled()) {
            logger.debug("{} {} ({}) body: {}", operation.method, target, operation.id, redacted(body, apiKey));
        }
    }

    void answer(Operation<?> operation, String target, int attempt, long startNanos, int status, byte[] body,
            boolean retrying, String apiKey) {
        if (!logger.isDebugEnabled()) {
            return;
        }
        logger.debug("{} {} ({}) -> {} in {} ms, attempt {}{}", operation.method, target, operation.id, status,
                (System.nanoTime() - startNanos) / 1_000_000, attempt, retrying ? ", will retry" : "");
        if (bodies && body != null && body.length > 0) {
            logger.debug("{} {} ({}) answer body: {}", operation.method, target, operation.id, redacted(body, apiKey));
        }
    }

    void failure(Operation<?> operation, String target, int attempt, long startNanos, IOException failure,
            boolean reachedNetwork, boolean retrying) {
        if (logger.isDebugEnabled()) {
            logger.debug("{} {} ({}) -> {} {} in {} ms, attempt {}{}", operation.method, target, operation.id,
                    failure.getClass().getSimpleName(), reachedNetwork ? "after sending" : "before sending",
                    (System.nanoTime() - startNanos) / 1_000_000, attempt, retrying ? ", will retry" : "");
        }
    }

    void preflightWarning(Operation<?> operation, List<Violation> violations) {
        if (logger.isWarnEnabled()) {
            List<String> each = new ArrayList<>();
            violations.forEach(violation -> each.add(violation.field() + " [" + violation.rule() + "]: "
                    + violation.message()));
            logger.warn("{} breaks {} rule(s) of the Ping++ spec and is sent anyway (pre-flight mode WARN): {}",
                    operation.id, violations.size(), String.join("; ", each));
        }
    }

    /**
     * The body with secret-looking fields hidden, and the call's API key wherever an answer repeats it; only its
     * size when it is no JSON.
     */
    static String redacted(byte[] body, String apiKey) {
        try {
            JsonNode json = Json.MAPPER.readTree(body);
            if (json == null) {
                return "(" + body.length + " bytes, not JSON)";
            }
            String text = Json.MAPPER.writeValueAsString(redact(json));
            return apiKey != null ? text.replace(apiKey, REDACTED) : text;
        } catch (IOException | RuntimeException notJson) {
            return "(" + body.length + " bytes, not JSON)";
        }
    }

    private static JsonNode redact(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (SECRET_FIELD.matcher(name.toLowerCase(Locale.ROOT)).find()) {
                    object.put(name, REDACTED);
                } else {
                    redact(object.get(name));
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(HttpLog::redact);
        }
        return node;
    }
}
