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
import org.pingppopenapi.client.model.App;
import org.pingppopenapi.client.model.Charge;
import org.pingppopenapi.client.model.Order;
import org.pingppopenapi.client.model.OrderRefund;
import org.pingppopenapi.client.model.Recharge;
import org.pingppopenapi.client.model.Refund;
import org.pingppopenapi.client.model.SubApp;
import org.pingppopenapi.client.model.SubAppChannel;
import org.pingppopenapi.client.model.Summary;
import org.pingppopenapi.client.model.User;

/**
 * The object an event is about ({@code event.data.object}), typed by its {@code object} field as the spec's
 * discriminator says: {@code charge} is a {@link Charge}, {@code refund} a {@link Refund}, {@code order} an
 * {@link Order}, {@code order_refund} an {@link OrderRefund}, {@code recharge} a {@link Recharge}, {@code sub_app} a
 * {@link SubApp}, {@code channel} a {@link SubAppChannel}, {@code app} an {@link App}, {@code user} a {@link User},
 * and the six {@code *_summary} kinds a {@link Summary}.
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
    static final Map<String, Class<?>> TYPES = Map.ofEntries(
            Map.entry("charge", Charge.class),
            Map.entry("refund", Refund.class),
            Map.entry("order", Order.class),
            Map.entry("order_refund", OrderRefund.class),
            Map.entry("recharge", Recharge.class),
            Map.entry("sub_app", SubApp.class),
            Map.entry("channel", SubAppChannel.class),
            Map.entry("app", App.class),
            Map.entry("user", User.class),
            Map.entry("account_daily_summary", Summary.class),
            Map.entry("account_weekly_summary", Summary.class),
            Map.entry("account_monthly_summary", Summary.class),
            Map.entry("app_daily_summary", Summary.class),
            Map.entry("app_weekly_summary", Summary.class),
            Map.entry("app_monthly_summary", Summary.class));

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
