package org.pingppopenapi.client;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pingppopenapi.client.internal.Json;

/**
 * The payment credential of a charge (支付凭据): what the client app hands to the channel's SDK, keyed by channel,
 * e.g. {@code {"object": "credential", "upacp": {"tn": "...", "mode": "01"}}}.
 *
 * <p>Its content is defined by each channel and loosely typed, so it is kept as the JSON the API sent: numbers keep
 * their exact value and are never rewritten in scientific notation (WeChat's {@code timeStamp}), and
 * {@link #toJson()} gives the text to pass on. Immutable.
 */
@JsonSerialize(using = Credential.Serializer.class)
@JsonDeserialize(using = Credential.Deserializer.class)
public final class Credential {

    private static final String OBJECT = "object";

    private final ObjectNode json;

    private Credential(ObjectNode json) {
        this.json = json;
    }

    /** Reads a credential from its JSON text (an object; {@code []} reads as an empty credential). */
    public static Credential fromJson(String json) {
        try {
            Credential credential = Json.MAPPER.readValue(json, Credential.class);
            return credential != null ? credential : new Credential(Json.MAPPER.createObjectNode());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a credential object: " + e.getOriginalMessage(), e);
        }
    }

    /** The channels this credential has a part for, such as {@code upacp} or {@code wx}, in the order sent. */
    public List<String> channels() {
        List<String> channels = new ArrayList<>();
        json.fieldNames().forEachRemaining(name -> {
            if (!name.equals(OBJECT)) {
                channels.add(name);
            }
        });
        return channels;
    }

    /** The part for one channel, e.g. {@code forChannel("wx")}, as a copy of its JSON. */
    public Optional<JsonNode> forChannel(String channel) {
        return channel.equals(OBJECT) ? Optional.empty() : Optional.ofNullable(json.get(channel)).map(JsonNode::deepCopy);
    }

    /** A copy of the whole credential as a JSON tree. */
    public ObjectNode json() {
        return json.deepCopy();
    }

    /** The credential as compact JSON text, exactly the values the API sent. */
    public String toJson() {
        try {
            return Json.MAPPER.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Credential credential && json.equals(credential.json);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }

    /** Names the channels only: a credential carries payment tokens that do not belong in logs. */
    @Override
    public String toString() {
        return "Credential" + channels();
    }

    static final class Serializer extends JsonSerializer<Credential> {

        @Override
        public void serialize(Credential value, JsonGenerator generator, SerializerProvider provider)
                throws IOException {
            generator.writeTree(value.json);
        }
    }

    static final class Deserializer extends JsonDeserializer<Credential> {

        @Override
        public Credential deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode node = context.readTree(parser);
            if (node.isObject()) {
                return new Credential((ObjectNode) node);
            }
            if (node.isArray() && node.isEmpty()) {
                return new Credential(context.getNodeFactory().objectNode());
            }
            return context.reportInputMismatch(Credential.class,
                    "Expected the credential object, got %s", node.getNodeType());
        }
    }
}
