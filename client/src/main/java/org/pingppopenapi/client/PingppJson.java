package org.pingppopenapi.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.pingppopenapi.client.internal.Json;

/**
 * Ping++ JSON read into the models and written back, exactly as the client reads its answers: for a stored webhook,
 * a logged answer, a fixture. Reading is tolerant of what the live API and its documents really send (numeric
 * strings, ids beyond 2^53, {@code []} for empty objects, unknown fields and enum values); writing leaves out unset
 * fields and never writes numbers in scientific notation.
 *
 * <pre>{@code
 * Charge charge = PingppJson.read(storedJson, Charge.class);
 * Event event = PingppJson.read(body, Event.class);   // no signature check: see Webhooks to verify one
 * }</pre>
 */
public final class PingppJson {

    private PingppJson() {
    }

    /**
     * Reads JSON into a model ({@code Charge.class}, {@code ChargeList.class}, {@code Event.class}, ...).
     *
     * @throws IllegalArgumentException when the bytes are not JSON of that model, or JSON {@code null}
     */
    public static <T> T read(byte[] json, Class<T> model) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(model, "model");
        try {
            T value = Json.MAPPER.readValue(json, model);
            if (value == null) {
                throw new IOException("the JSON is null");
            }
            return value;
        } catch (IOException e) {
            String why = e instanceof JsonProcessingException processing ? processing.getOriginalMessage() : e.getMessage();
            throw new IllegalArgumentException("Not a readable " + model.getSimpleName() + ": " + why, e);
        }
    }

    /** Reads JSON text into a model; see {@link #read(byte[], Class)}. */
    public static <T> T read(String json, Class<T> model) {
        return read(Objects.requireNonNull(json, "json").getBytes(StandardCharsets.UTF_8), model);
    }

    /** A model (or any value) as compact JSON, as the client writes it: unset fields left out. */
    public static String write(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write " + value.getClass().getSimpleName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }
}
