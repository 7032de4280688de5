package org.pingppopenapi.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.pingppopenapi.client.SpecOperations.Example;
import org.pingppopenapi.client.SpecOperations.Operation;
import org.pingppopenapi.client.SpecOperations.Parameter;
import org.pingppopenapi.client.internal.Json;
import org.pingppopenapi.client.internal.generated.OperationIndex;
import org.pingppopenapi.prism.PrismServer;
import org.pingppopenapi.prism.PrismViolation;
import org.pingppopenapi.prism.PrismViolations;
import org.pingppopenapi.prism.WithPrism;

/**
 * Every operation of the spec called through its service method against Prism mocking the real spec: with each
 * request example of the spec (and every query parameter given a valid value), Prism finds nothing to report
 * ({@code sl-violations}) and each response example it serves reads into the model it was written from; each error
 * status Prism serves ({@code Prefer: code=...}, a per-call header) raises the exception of its kind. The operations
 * are the spec's; the 30 of the seed documents must stay among them.
 */
@WithPrism(spec = "spec/target/pingpp-openapi.yaml")
class PrismContractTest {

    /** The operations of the seed documents: the spec may grow, never lose one. */
    private static final Set<String> SEED_OPERATIONS = Set.of("createCharge", "listCharges", "retrieveCharge",
            "createChargeRefund", "listChargeRefunds", "retrieveChargeRefund", "createRecharge", "listRecharges",
            "retrieveRecharge", "createSubApp", "listSubApps", "retrieveSubApp", "updateSubApp", "deleteSubApp",
            "createSubAppChannel", "retrieveSubAppChannel", "updateSubAppChannel", "deleteSubAppChannel", "createOrder",
            "listOrders", "retrieveOrder", "cancelOrder", "payOrder", "listOrderCharges", "retrieveOrderCharge",
            "createOrderRefund", "listOrderRefunds", "retrieveOrderRefund", "listEvents", "retrieveEvent");

    private static final SpecOperations SPEC = SpecOperations.load();
    private static final List<Operation> OPERATIONS = SPEC.operations();

    /** The headers of the last answer, as Prism sent them: the client's own OkHttpClient records them. */
    private static final AtomicReference<Response> LAST_ANSWER = new AtomicReference<>();
    private static final OkHttpClient HTTP = new OkHttpClient.Builder()
            .addInterceptor(chain -> {
                Response response = chain.proceed(chain.request());
                LAST_ANSWER.set(response);
                return response;
            })
            .build();

    @AfterAll
    static void releaseConnections() {
        HTTP.dispatcher().executorService().shutdown();
        HTTP.connectionPool().evictAll();
    }

    @Test
    void everyOperationOfTheSpecHasItsMethodOnTheClient() {
        assertThat(OPERATIONS).extracting(Operation::id).containsAll(SEED_OPERATIONS);
        assertThat(OperationIndex.ALL).extracting(entry -> entry.operation().id())
                .containsExactlyInAnyOrderElementsOf(OPERATIONS.stream().map(Operation::id).toList());
        assertThat(OPERATIONS).allSatisfy(operation -> assertThat(ServiceMethod.of(operation).method()).isNotNull());
    }

    /** The control: the assertion below has teeth, since Prism does report a body the client would have refused. */
    @Test
    void prismReportsWhatTheClientsValidationWouldHaveRefused(PrismServer prism) {
        PingppClient unchecked = PingppClient.builder().apiKey(MockApi.API_KEY).baseUrl(prism.baseUri())
                .preflight(PreflightMode.OFF).maxRetries(0).build();
        org.pingppopenapi.client.model.ChargeCreateRequest zeroAmount = new org.pingppopenapi.client.model.ChargeCreateRequest()
                .orderNo("123456789").app(new org.pingppopenapi.client.model.AppReference().id(MockApi.APP_ID))
                .channel("upacp").amount(0L).clientIp("127.0.0.1").currency("cny").subject("s").body("b");

        assertThatThrownBy(() -> unchecked.charges().create(zeroAmount))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(thrown -> assertThat(PrismViolations.in(((PingppException) thrown).response().orElseThrow()
                        .headers())).extracting(PrismViolation::path).contains("request.body.amount"));
    }

    @TestFactory
    Stream<DynamicTest> everyOperationWithEveryExampleIsValidAndReadsBack(PrismServer prism) {
        List<DynamicTest> tests = new ArrayList<>();
        for (Operation operation : OPERATIONS) {
            List<Example> requests = operation.requestExamples().isEmpty()
                    ? Collections.singletonList(null) : operation.requestExamples();
            for (Example request : requests) {
                for (Example response : operation.responseExamples().get(200)) {
                    String name = operation.id() + (request != null ? " sending " + request.name() : "")
                            + " reading " + response.name();
                    tests.add(dynamicTest(name, () -> {
                        Object answer = call(prism, operation, request, "code=200, example=" + response.name());
                        Response raw = LAST_ANSWER.get();
                        PrismViolations.assertNone(raw.headers().toMultimap());
                        assertThat(raw.code()).isEqualTo(200);
                        Object read = answer instanceof Page<?> page ? page.envelope(Object.class).orElseThrow() : answer;
                        assertThat(canonical(Json.MAPPER.valueToTree(read)))
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

    /** Calls the operation's service method with the example, Prism's {@code Prefer} header given for this call. */
    private static Object call(PrismServer prism, Operation operation, Example request, String prefer) throws Throwable {
        Clock clock = request != null && request.created() != null
                ? Clock.fixed(Instant.ofEpochSecond(request.created()), ZoneOffset.UTC)
                : Clock.systemUTC();
        try (PingppClient client = PingppClient.builder()
                .apiKey(MockApi.API_KEY)
                .privateKey(TestVectors.text(TestVectors.PKCS1_PRIVATE_KEY))
                .baseUrl(prism.baseUri())
                .httpClient(HTTP)
                .clock(clock)
                .maxRetries(0)
                .build()) {
            ServiceMethod method = ServiceMethod.of(operation);
            RequestOptions.Builder options = RequestOptions.builder().header("Prefer", prefer);
            Object[] arguments = method.arguments(operation, request, options);
            try {
                return method.method().invoke(method.service(client), arguments);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    /** The service method of an operation, found through the generated index of operations. */
    private record ServiceMethod(OperationIndex.Entry entry, Method method) {

        static ServiceMethod of(Operation operation) {
            OperationIndex.Entry entry = OperationIndex.ALL.stream()
                    .filter(each -> each.operation().id().equals(operation.id())).findFirst().orElseThrow();
            try {
                Class<?> service = PingppClient.class;
                for (String accessor : entry.accessors()) {
                    service = service.getMethod(accessor).getReturnType();
                }
                for (Method candidate : service.getMethods()) {
                    if (candidate.getName().equals(entry.method()) && candidate.getParameterCount() > 0
                            && candidate.getParameterTypes()[candidate.getParameterCount() - 1] == RequestOptions.class) {
                        return new ServiceMethod(entry, candidate);
                    }
                }
            } catch (NoSuchMethodException e) {
                throw new AssertionError(e);
            }
            return new ServiceMethod(entry, null);
        }

        Object service(PingppClient client) throws ReflectiveOperationException {
            Object service = client;
            for (String accessor : entry.accessors()) {
                service = service.getClass().getMethod(accessor).invoke(service);
            }
            return service;
        }

        Object[] arguments(Operation operation, Example request, RequestOptions.Builder options) throws Exception {
            List<Object> arguments = new ArrayList<>();
            for (Parameter parameter : operation.parameters()) {
                if (parameter.in().equals("path") && parameter.name().equals("app_id")) {
                    options.appId(sampleOf(parameter).asText());
                }
            }
            for (String name : entry.pathArguments()) {
                Parameter parameter = operation.parameters().stream()
                        .filter(each -> each.in().equals("path") && each.name().equals(name)).findFirst().orElseThrow();
                arguments.add(sampleOf(parameter).asText());
            }
            if (entry.params() != null) {
                arguments.add(params(operation, entry.params()));
            }
            if (entry.body() != null) {
                arguments.add(Json.MAPPER.treeToValue(request.value(), entry.body()));
            }
            arguments.add(options.build());
            return arguments.toArray();
        }

        /** The params class built with every query parameter set to its example or a valid value. */
        private static Object params(Operation operation, Class<?> paramsClass) throws Exception {
            Object builder = paramsClass.getMethod("builder").invoke(null);
            for (Parameter parameter : operation.parameters()) {
                if (!parameter.in().equals("query")) {
                    continue;
                }
                for (Parameter flat : flattened(parameter)) {
                    JsonNode value = sampleOf(flat);
                    if (value == null || value.isNull()) {
                        continue;
                    }
                    Method setter = setter(builder.getClass(), camel(flat.name()));
                    Object argument = Json.MAPPER.convertValue(value, setter.getParameterTypes()[0]);
                    setter.invoke(builder, argument);
                }
            }
            return builder.getClass().getMethod("build").invoke(builder);
        }

        private static Method setter(Class<?> builder, String name) {
            for (Method method : builder.getMethods()) {
                if (method.getName().equals(name) && method.getParameterCount() == 1) {
                    return method;
                }
            }
            throw new AssertionError(builder.getName() + " has no " + name + "(...)");
        }

        /** A deep-object parameter as the flat keys it is sent as ({@code app[id]}), each with its example. */
        private static List<Parameter> flattened(Parameter parameter) {
            if (!parameter.style().equals("deepObject")) {
                return List.of(parameter);
            }
            List<Parameter> flat = new ArrayList<>();
            parameter.schema().path("properties").fields().forEachRemaining(property -> flat.add(new Parameter(
                    parameter.name() + "[" + property.getKey() + "]", "query", false, property.getValue(),
                    parameter.example() != null ? parameter.example().get(property.getKey()) : null, "")));
            return flat;
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
