package org.pingppopenapi.client.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.ContextualSerializer;
import com.fasterxml.jackson.databind.ser.ResolvableSerializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;

/**
 * The JSON mapping of the client, for request bodies, responses and webhooks. Thread-safe; shared by
 * every client.
 *
 * <p>Writing: fields left null are not written (so an update never clears what it does not mention), except the ones
 * the spec requires, which the generated models always write (a request missing one is refused before it is sent,
 * unless validation is off; the API then answers 400). Request bodies
 * are written by {@link #REQUEST_MAPPER}, which also refuses an enum constant that only stands for "a value this
 * client did not know" ({@value #UNKNOWN_ENUM_CONSTANT}): such a value can be read, never sent.
 *
 * <p>Reading is tolerant, because the Ping++ API and its documents are not always consistent:
 * <ul>
 *   <li>unknown properties are ignored and unknown enum values read as {@value #UNKNOWN_ENUM_CONSTANT};</li>
 *   <li>numbers sent as strings ({@code "amount": "30"}, {@code "created": "1496740128"}) read as numbers, and
 *       numbers where a string is expected (bare ids such as {@code 2111608270000005209}) read as their exact
 *       digits;</li>
 *   <li>{@code []} where an object is expected (PHP's empty array) reads as an empty object, {@code {}} where an
 *       array is expected as an empty list, {@code ""} where an object is expected as null, and a one-element
 *       array where a single value is expected as that value;</li>
 *   <li>a key given twice keeps its last value;</li>
 *   <li>free-form numbers (in {@code extra}, {@code metadata}, {@code credential}) keep their exact value:
 *       integers as {@code Integer}/{@code Long}/{@code BigInteger}, decimals as {@code BigDecimal}, and they are
 *       written back without scientific notation.</li>
 * </ul>
 */
public final class Json {

    /** The constant OpenAPI Generator adds to every enum for values it did not know ({@code enumUnknownDefaultCase}). */
    public static final String UNKNOWN_ENUM_CONSTANT = "UNKNOWN_DEFAULT_OPEN_API";

    /** Reads answers and webhooks, and writes any model back as JSON. */
    public static final ObjectMapper MAPPER = create();

    /** Writes request bodies: {@link #MAPPER}, refusing {@value #UNKNOWN_ENUM_CONSTANT}. */
    static final ObjectMapper REQUEST_MAPPER = MAPPER.copy()
            .registerModule(new SimpleModule("pingpp-unknown-enum-guard").setSerializerModifier(new UnknownEnumGuard()));

    private Json() {
    }

    private static ObjectMapper create() {
        JsonMapper mapper = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .addHandler(new EmptyObjectAsEmptyList())
                .build();
        for (LogicalType type : new LogicalType[] {LogicalType.POJO, LogicalType.Map}) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.EmptyArray, CoercionAction.AsEmpty);
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.EmptyString, CoercionAction.AsNull);
        }
        return mapper;
    }

    /** Reads {@code {}} where a list is expected as an empty list; any other object there stays an error. */
    private static final class EmptyObjectAsEmptyList extends DeserializationProblemHandler {

        @Override
        public Object handleUnexpectedToken(DeserializationContext context, JavaType targetType, JsonToken token,
                JsonParser parser, String failureMessage) throws IOException {
            if (token != JsonToken.START_OBJECT || !targetType.isCollectionLikeType()) {
                return NOT_HANDLED;
            }
            JsonNode object = context.readTree(parser);
            if (!object.isEmpty()) {
                throw MismatchedInputException.from(parser, targetType,
                        "Expected an array but got an object with " + object.size() + " properties");
            }
            return context.findRootValueDeserializer(targetType).getEmptyValue(context);
        }
    }

    /** Refuses to write {@value #UNKNOWN_ENUM_CONSTANT}: it stands for a value read from the API, not one to send. */
    private static final class UnknownEnumGuard extends BeanSerializerModifier {

        @Override
        public JsonSerializer<?> modifySerializer(
                SerializationConfig config, BeanDescription description, JsonSerializer<?> serializer) {
            Class<?> type = description.getBeanClass();
            if (!type.isEnum() || !hasUnknownConstant(type)) {
                return serializer;
            }
            @SuppressWarnings("unchecked")
            JsonSerializer<Object> delegate = (JsonSerializer<Object>) serializer;
            return new RefusingUnknownEnum(type, delegate);
        }

        private static boolean hasUnknownConstant(Class<?> enumType) {
            for (Object constant : enumType.getEnumConstants()) {
                if (((Enum<?>) constant).name().equals(UNKNOWN_ENUM_CONSTANT)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final class RefusingUnknownEnum extends StdSerializer<Object>
            implements ContextualSerializer, ResolvableSerializer {

        private final JsonSerializer<Object> delegate;

        @SuppressWarnings("unchecked")
        RefusingUnknownEnum(Class<?> enumType, JsonSerializer<?> delegate) {
            super((Class<Object>) enumType);
            this.delegate = (JsonSerializer<Object>) delegate;
        }

        @Override
        public void serialize(Object value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            if (((Enum<?>) value).name().equals(UNKNOWN_ENUM_CONSTANT)) {
                throw JsonMappingException.from(generator, handledType().getSimpleName() + "." + UNKNOWN_ENUM_CONSTANT
                        + " stands for a value this client did not recognise in a response; it cannot be sent");
            }
            delegate.serialize(value, generator, provider);
        }

        @Override
        public JsonSerializer<?> createContextual(SerializerProvider provider, BeanProperty property)
                throws JsonMappingException {
            if (!(delegate instanceof ContextualSerializer contextual)) {
                return this;
            }
            JsonSerializer<?> contextualized = contextual.createContextual(provider, property);
            return contextualized == delegate ? this : new RefusingUnknownEnum(handledType(), contextualized);
        }

        @Override
        public void resolve(SerializerProvider provider) throws JsonMappingException {
            if (delegate instanceof ResolvableSerializer resolvable) {
                resolvable.resolve(provider);
            }
        }
    }
}
