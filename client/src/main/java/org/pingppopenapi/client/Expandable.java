package org.pingppopenapi.client;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A field that holds another object's id, or the object itself once expanded with {@code expand[]} (the spec marks
 * such fields {@code x-pingpp-expandable}). {@link #id()} works either way.
 *
 * <pre>{@code
 * Charge charge = client.charges().retrieve(chargeId, RetrieveChargeParams.builder().expand("app").build());
 * String appId = charge.getApp().id();                        // expanded or not
 * App app = charge.getApp().expanded().orElseThrow();         // present because of expand[]=app
 * }</pre>
 *
 * @param <T> the type of the expanded object
 */
public abstract class Expandable<T> {

    private final String id;
    private final T expanded;

    /** For the generated subclasses of {@code x-pingpp-expandable} fields, one per kind of object. */
    protected Expandable(String id, T expanded) {
        this.id = id;
        this.expanded = expanded;
    }

    /** The id of the object, taken from the expanded object when expanded; null only if the API sent none. */
    public final String id() {
        return id;
    }

    /** Whether the API sent the whole object rather than its id. */
    public final boolean isExpanded() {
        return expanded != null;
    }

    /** The object, when the API sent it (expand[] asked for it); empty when only its id was sent. */
    public final Optional<T> expanded() {
        return Optional.ofNullable(expanded);
    }

    @Override
    public final boolean equals(Object other) {
        return other != null && other.getClass() == getClass()
                && Objects.equals(id, ((Expandable<?>) other).id)
                && Objects.equals(expanded, ((Expandable<?>) other).expanded);
    }

    @Override
    public final int hashCode() {
        return Objects.hash(id, expanded);
    }

    @Override
    public final String toString() {
        return getClass().getSimpleName() + (isExpanded() ? "[expanded " : "[") + id + "]";
    }

    /** Writes the id, or the expanded object: what was read is what is written. */
    public static final class Serializer extends JsonSerializer<Expandable<?>> {

        @Override
        public void serialize(Expandable<?> value, JsonGenerator generator, SerializerProvider provider)
                throws IOException {
            if (value.expanded != null) {
                provider.defaultSerializeValue(value.expanded, generator);
            } else {
                generator.writeString(value.id);
            }
        }
    }

    /** Reads a string (or a bare number) as the id, and an object as the expanded object. */
    protected abstract static class Deserializer<T, E extends Expandable<T>> extends JsonDeserializer<E> {

        private final Class<T> objectType;
        private final Function<String, E> ofId;
        private final Function<T, E> ofObject;

        protected Deserializer(Class<T> objectType, Function<String, E> ofId, Function<T, E> ofObject) {
            this.objectType = objectType;
            this.ofId = ofId;
            this.ofObject = ofObject;
        }

        @Override
        public E deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_STRING || token == JsonToken.VALUE_NUMBER_INT) {
                return ofId.apply(parser.getText());
            }
            if (token == JsonToken.START_OBJECT) {
                return ofObject.apply(context.readValue(parser, objectType));
            }
            return context.reportInputMismatch(this, "Expected the id (a string) or the %s object, got %s",
                    objectType.getSimpleName(), token);
        }
    }
}
