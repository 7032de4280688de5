package org.pingppopenapi.client;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.pingppopenapi.client.internal.generated.EventObjectTypes;
import org.pingppopenapi.client.model.Charge;

/**
 * The object an event is about ({@code event.data.object}), typed by its {@code object} field as the spec's
 * discriminator of {@code EventObject} maps it, e.g. {@code charge} to {@link Charge} (the map is generated from the
 * spec, so a new kind of object in the spec is a new type here with no code written).
 *
 * <pre>{@code
 * event.getData().getObject().as(Charge.class).ifPresent(charge -> ship(charge.getOrderNo()));
 * }</pre>
 *
 * <p>An object of a kind this client does not know yet is still readable as {@link #json()}. Immutable.
 */
@JsonSerialize(using = EventObject.Serializer.class)
@JsonDeserialize(using = EventObject.Deserializer.class)
public final class EventObject {

    /** {@code object} value to model, as the spec's {@code EventObject} discriminator maps them. */
    static final Map<String, Class<?>> TYPES = EventObjectTypes.TYPES;

    private final String type;
    private final Object value;
    private final JsonNode json;

    private EventObject(String type, Object value, JsonNode json) {
        this.type = type;
        this.value = value;
        this.json = json;
    }

    /** The object's {@code object} field, such as {@code charge}; null when it has none. */
    public String type() {
        return type;
    }

    /** The object as its model ({@link Charge}, {@link Refund}, ...), or empty for a kind this client does not know. */
    public Optional<Object> value() {
        return Optional.ofNullable(value);
    }

    /** The object as {@code modelType} when it is one, e.g. {@code as(Charge.class)}. */
    public <T> Optional<T> as(Class<T> modelType) {
        return modelType.isInstance(value) ? Optional.of(modelType.cast(value)) : Optional.empty();
    }

    /** A copy of the object's JSON, whatever its kind. */
    public JsonNode json() {
        return json.deepCopy();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EventObject that && json.equals(that.json);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }

    @Override
    public String toString() {
        JsonNode id = json.get("id");
        return "EventObject[" + type + (id != null ? " " + id.asText() : "") + "]";
    }

    static final class Serializer extends JsonSerializer<EventObject> {

        @Override
        public void serialize(EventObject value, JsonGenerator generator, SerializerProvider provider)
                throws IOException {
            generator.writeTree(value.json);
        }
    }

    static final class Deserializer extends JsonDeserializer<EventObject> {

        @Override
        public EventObject deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode json = context.readTree(parser);
            JsonNode object = json.get("object");
            String type = object != null && object.isTextual() ? object.asText() : null;
            Class<?> modelType = type != null ? TYPES.get(type) : null;
            Object value = modelType != null ? context.readTreeAsValue(json, modelType) : null;
            return new EventObject(type, value, Objects.requireNonNull(json));
        }
    }
}
