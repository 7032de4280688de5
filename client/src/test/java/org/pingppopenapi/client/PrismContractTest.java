package org.pingppopenapi.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import feign.Param;
import feign.QueryMap;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.pingppopenapi.client.SpecOperations.Example;
import org.pingppopenapi.client.SpecOperations.Operation;
import org.pingppopenapi.client.SpecOperations.Parameter;
import org.pingppopenapi.client.internal.Json;
import org.pingppopenapi.client.model.ApiResponse;
import org.pingppopenapi.prism.PrismServer;
import org.pingppopenapi.prism.PrismViolations;
import org.pingppopenapi.prism.WithPrism;

/**
 * Every operation of the spec called through the client against Prism mocking the real spec: with each request
 * example of the spec (and every parameter given a valid value), Prism finds nothing to report ({@code sl-violations})
 * and each response example it serves reads into the model it was written from; each error status Prism serves
 * ({@code Prefer: code=...}) raises the exception of its kind.
 */
@WithPrism(spec = "spec/target/pingpp-openapi.yaml")
class PrismContractTest {

    private static final SpecOperations SPEC = SpecOperations.load();
    private static final List<Operation> OPERATIONS = SPEC.operations();

    @Test
    void everyOperationOfTheSpecHasItsMethodOnTheClient() {
        assertThat(OPERATIONS).hasSize(30);
        assertThat(OPERATIONS).allSatisfy(operation -> assertThat(ClientMethod.of(operation)).isNotNull());
    }

    /** The control: the assertion above has teeth, since Prism does report a body the client would have refused. */
    @Test
    void prismReportsWhatTheClientsValidationWouldHaveRefused(PrismServer prism) {
        PingppClient unvalidated = PingppClient.builder().apiKey(MockApi.API_KEY).baseUrl(prism.baseUri())
                .validateRequests(false).maxRetries(0).build();
        org.pingppopenapi.client.model.ChargeCreateRequest zeroAmount = new org.pingppopenapi.client.model.ChargeCreateRequest()
                .orderNo("123456789").app(new org.pingppopenapi.client.model.AppReference().id(MockApi.APP_ID))
                .channel("upacp").amount(0L).clientIp("127.0.0.1").currency("cny").subject("s").body("b");

        assertThatThrownBy(() -> unvalidated.charges().createCharge(zeroAmount))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(thrown -> assertThat(PrismViolations.in(((PingppException) thrown).response().orElseThrow()
                        .headers())).extracting(org.pingppopenapi.prism.PrismViolation::path)
                        .contains("request.body.amount"));
    }

    @TestFactory
    Stream<DynamicTest> everyOperationWithEveryExampleIsValidAndReadsBack(PrismServer prism) {
        List<DynamicTest> tests = new ArrayList<>();
        for (Operation operation : OPERATIONS) {
            List<Example> requests = operation.requestExamples().isEmpty()
                    ? java.util.Collections.singletonList(null) : operation.requestExamples();
            List<Example> responses = operation.responseExamples().get(200);
            for (Example request : requests) {
                for (Example response : responses) {
                    String name = operation.id() + (request != null ? " sending " + request.name() : "")
                            + " reading " + response.name();
                    tests.add(dynamicTest(name, () -> {
                        ApiResponse<?> answer = call(prism, operation, request, "code=200, example=" + response.name());
                        PrismViolations.assertNone(answer.getHeaders());
                        assertThat(answer.getStatusCode()).isEqualTo(200);
                        assertThat(canonical(Json.MAPPER.valueToTree(answer.getData())))
                                .as("%s read and written back", response.name())
                                .isEqualTo(canonical(response.value()));
                    }));
                }
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyErrorStatusRaisesTheExceptionOfItsKind(PrismServer prism) {
        List<DynamicTest> tests = new ArrayList<>();
        for (Operation operation : OPERATIONS) {
            Example request = operation.requestExamples().isEmpty() ? null : operation.requestExamples().get(0);
            operation.responseExamples().forEach((status, examples) -> {
                if (status < 400) {
                    return;
                }
                JsonNode error = examples.get(0).value().get("error");
                tests.add(dynamicTest(operation.id() + " answered " + status, () ->
                        assertThatThrownBy(() -> call(prism, operation, request, "code=" + status))
                                .isInstanceOf(expectedException(status))
                                .satisfies(thrown -> {
                                    PingppException failure = (PingppException) thrown;
                                    assertThat(failure.httpStatus()).isEqualTo(status);
                                    assertThat(failure.type()).isEqualTo(error.get("type").asText());
                                    assertThat(failure.response().orElseThrow().message()).isEqualTo(error.get("message").asText());
                                    assertThat(failure.param()).isEqualTo(error.get("param").isNull() ? null : error.get("param").asText());
                                    assertThat(Json.MAPPER.readTree(failure.rawBody())).isEqualTo(examples.get(0).value());
                                    PrismViolations.assertNone(failure.response().orElseThrow().headers());
                                })));
            });
        }
        return tests.stream();
    }

    private static Class<? extends PingppException> expectedException(int status) {
        return switch (status) {
            case 400, 404 -> InvalidRequestException.class;
            case 401 -> AuthenticationException.class;
            case 402 -> ChannelException.class;
            case 403, 429 -> RateLimitException.class;
            default -> ApiException.class;
        };
    }

    private static ApiResponse<?> call(PrismServer prism, Operation operation, Example request, String prefer)
            throws Throwable {
        Clock clock = request != null && request.created() != null
                ? Clock.fixed(Instant.ofEpochSecond(request.created()), ZoneOffset.UTC)
                : Clock.systemUTC();
        try (PingppClient client = PingppClient.builder()
                .apiKey(MockApi.API_KEY)
                .privateKey(TestVectors.text(TestVectors.PKCS1_PRIVATE_KEY))
                .baseUrl(prism.baseUri())
                .clock(clock)
                .maxRetries(0)
                .header("Prefer", prefer)
                .build()) {
            ClientMethod method = ClientMethod.of(operation);
            Object[] arguments = method.arguments(operation, request);
            try {
                return (ApiResponse<?>) method.method().invoke(method.api(client), arguments);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    /** The {@code ...WithHttpInfo} method of an operation, taking its parameters one by one. */
    private record ClientMethod(Method accessor, Method method) {

        static ClientMethod of(Operation operation) {
            for (Method accessor : PingppClient.class.getMethods()) {
                if (!accessor.getReturnType().getPackageName().equals("org.pingppopenapi.client.api")) {
                    continue;
                }
                for (Method method : accessor.getReturnType().getMethods()) {
                    if (method.getName().equals(operation.id() + "WithHttpInfo") && !takesQueryMap(method)) {
                        return new ClientMethod(accessor, method);
                    }
                }
            }
            return null;
        }

        Object api(PingppClient client) throws ReflectiveOperationException {
            return accessor.invoke(client);
        }

        Object[] arguments(Operation operation, Example request) throws Exception {
            java.lang.reflect.Parameter[] parameters = method.getParameters();
            Object[] arguments = new Object[parameters.length];
            for (int i = 0; i < parameters.length; i++) {
                Param param = parameters[i].getAnnotation(Param.class);
                if (param == null) {
                    arguments[i] = Json.MAPPER.treeToValue(request.value(), parameters[i].getType());
                } else {
                    arguments[i] = valueFor(operation, param.value(), parameters[i]);
                }
            }
            return arguments;
        }

        private static Object valueFor(Operation operation, String javaName, java.lang.reflect.Parameter parameter) {
            JsonNode value = null;
            for (Parameter specParameter : operation.parameters()) {
                if (specParameter.style().equals("deepObject")) {
                    for (Iterator<String> properties = specParameter.schema().path("properties").fieldNames(); properties.hasNext(); ) {
                        String property = properties.next();
                        if (camel(specParameter.name() + "_" + property).equals(javaName)) {
                            value = specParameter.example() != null ? specParameter.example().get(property) : null;
                        }
                    }
                } else if (camel(specParameter.name()).equals(javaName)) {
                    value = sampleOf(specParameter);
                }
            }
            if (value == null || value.isNull()) {
                return null;
            }
            return Json.MAPPER.convertValue(value, Json.MAPPER.constructType(parameter.getParameterizedType()));
        }

        /** The example, else a valid value of the schema, so that every parameter is sent and checked. */
        private static JsonNode sampleOf(Parameter parameter) {
            if (parameter.example() != null) {
                return parameter.example();
            }
            JsonNode schema = parameter.schema();
            if (schema.has("enum")) {
                return schema.get("enum").get(0);
            }
            if (schema.has("default")) {
                return schema.get("default");
            }
            return switch (schema.path("type").asText()) {
                case "boolean" -> Json.MAPPER.getNodeFactory().booleanNode(true);
                case "integer" -> Json.MAPPER.getNodeFactory().numberNode(schema.path("minimum").asLong(1));
                case "array" -> {
                    ArrayNode items = Json.MAPPER.createArrayNode();
                    Optional.ofNullable(schema.path("items").get("enum")).ifPresent(values -> items.add(values.get(0)));
                    yield items.isEmpty() ? null : items;
                }
                default -> null;
            };
        }

        private static String camel(String specName) {
            String[] words = specName.split("[^A-Za-z0-9]+");
            StringBuilder name = new StringBuilder(words[0]);
            for (int i = 1; i < words.length; i++) {
                if (!words[i].isEmpty()) {
                    name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
                }
            }
            return name.toString();
        }

        private static boolean takesQueryMap(Method method) {
            for (java.lang.reflect.Parameter parameter : method.getParameters()) {
                if (parameter.isAnnotationPresent(QueryMap.class)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The JSON as text re-read (so numbers compare by value), without null members. */
    private static JsonNode canonical(JsonNode node) throws Exception {
        return withoutNulls(Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(node)));
    }

    private static JsonNode withoutNulls(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> nulls = new ArrayList<>();
            object.fields().forEachRemaining(field -> {
                if (field.getValue().isNull()) {
                    nulls.add(field.getKey());
                } else {
                    withoutNulls(field.getValue());
                }
            });
            object.remove(nulls);
        } else if (node instanceof ArrayNode array) {
            array.forEach(PrismContractTest::withoutNulls);
        }
        return node;
    }
}
