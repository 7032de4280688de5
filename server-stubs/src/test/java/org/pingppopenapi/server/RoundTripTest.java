package org.pingppopenapi.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import feign.QueryMap;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.pingppopenapi.client.PingppClient;
import org.pingppopenapi.client.api.ChargesApi;
import org.pingppopenapi.client.api.EventsApi;
import org.pingppopenapi.client.api.OrderChargesApi;
import org.pingppopenapi.client.api.OrderRefundsApi;
import org.pingppopenapi.client.api.OrdersApi;
import org.pingppopenapi.client.api.RechargesApi;
import org.pingppopenapi.client.api.RefundsApi;
import org.pingppopenapi.client.api.SubAppChannelsApi;
import org.pingppopenapi.client.api.SubAppsApi;
import org.pingppopenapi.client.internal.Json;
import org.pingppopenapi.client.model.ChargeCreateRequest;
import org.pingppopenapi.client.model.OrderCancelRequest;
import org.pingppopenapi.client.model.OrderCreateRequest;
import org.pingppopenapi.client.model.OrderPayRequest;
import org.pingppopenapi.client.model.OrderRefundCreateRequest;
import org.pingppopenapi.client.model.RechargeCreateRequest;
import org.pingppopenapi.client.model.RefundCreateRequest;
import org.pingppopenapi.client.model.SubAppChannelCreateRequest;
import org.pingppopenapi.client.model.SubAppChannelUpdateRequest;
import org.pingppopenapi.client.model.SubAppCreateRequest;
import org.pingppopenapi.client.model.SubAppUpdateRequest;
import org.pingppopenapi.signing.PemKeys;
import org.pingppopenapi.signing.RequestSigning;
import org.pingppopenapi.validation.PingppRules;
import org.pingppopenapi.validator.PingppValidator;
import org.pingppopenapi.validator.RequestKind;

/**
 * Every operation of the spec, on a real Jersey/Grizzly server that runs a test implementation of every generated
 * interface ({@link ExampleBackedResources}), with every provider on: API key, required request signatures, Bean
 * Validation with the channel rules. A {@link RecordingProxy} in front of the server records each exchange as it went
 * over the wire. Each call must be one exchange, a 200 whose body is the spec's example and obeys the real spec
 * (swagger-request-validator), as does the request; the server must have received what was sent. Bodies are
 * compared as JSON trees, read with the client's mapper.
 *
 * <p>Every operation is sent as the spec's examples make it, signed, over plain HTTP; the operations of the seed
 * documents are also called through the project's client ({@link PingppClient}: its generated Feign interfaces, its
 * signing and its pre-flight validation, all left on), which must read back the whole example.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoundTripTest {

    static final String API_KEY = "sk_test_ibbTe5jLGCi5rzfH4OqPW9KC";

    private final SpecExamples spec = SpecExamples.get();
    private final SettableClock clock = new SettableClock(Instant.now());
    private final ExampleBackedResources resources = new ExampleBackedResources();
    private final PrivateKey merchantKey = PemKeys.privateKey(TestKeys.read("merchant-demo-your_rsa_private_key_pkcs8.pem"));
    private EmbeddedServer server;
    private RecordingProxy proxy;
    private PingppClient client;

    @BeforeAll
    void startServer() {
        PingppProviders providers = PingppProviders.builder(ApiKeyStore.of(API_KEY))
                .requireSignatures(TestKeys.read("merchant-demo-your_rsa_public_key.pem"))
                .clock(clock)
                .build();
        server = EmbeddedServer.start(providers, resources.all());
        proxy = RecordingProxy.to(server.baseUri());
        client = PingppClient.builder()
                .apiKey(API_KEY)
                .privateKey(TestKeys.read("merchant-demo-your_rsa_private_key_pkcs8.pem"))
                .baseUrl(proxy.baseUri())
                .clock(clock)
                .maxRetries(0)
                .build();
    }

    @AfterAll
    void stopServer() {
        client.close();
        proxy.close();
        server.close();
    }

    @TestFactory
    Stream<DynamicTest> everyOperationRoundTripsFromTheSpecExamples() {
        return spec.operations().stream().map(operation -> dynamicTest(operation.operationId(), () -> {
            SpecExamples.ExampleRequest request = spec.exampleRequest(operation.operationId());
            clock.set(request.body() == null ? Instant.now()
                    : spec.requestExample(operation.operationId()).createdAt().orElse(Instant.now()));
            String body = request.body() == null ? null : request.body().toString();
            int exchangesBefore = proxy.count();

            String[] headers = body == null ? new String[] {"Authorization", RawHttp.bearer(API_KEY)}
                    : new String[] {"Authorization", RawHttp.bearer(API_KEY), "Content-Type", "application/json"};
            RawHttp.Answer answer = RawHttp.send(RawHttp.signed(new RawHttp(proxy.baseUri()).request(operation.method(),
                    request.pathAndQuery(), body, headers), merchantKey, body, request.pathAndQuery(), clock.instant().getEpochSecond()));

            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertOneExchangeObeyingTheSpec(operation, exchangesBefore, request.body());
            assertThat(resources.lastArguments(operation.operationId())).as("the arguments the server received")
                    .containsAll(request.pathParameters());
        }));
    }

    @TestFactory
    Stream<DynamicTest> theSeedOperationsRoundTripThroughThePingppClient() {
        Map<String, Call> calls = calls();
        return calls.keySet().stream().map(operationId -> dynamicTest(operationId, () -> {
            SpecExamples.Operation operation = spec.operation(operationId);
            Call call = calls.get(operationId);
            // time_expire rules are measured from the example's creation time, by the client and by the server.
            clock.set(call.requestBody == null ? Instant.now()
                    : spec.requestExample(operationId).createdAt().orElse(Instant.now()));
            int exchangesBefore = proxy.count();

            Object answer = call.invocation.get();

            JsonNode expected = assertOneExchangeObeyingTheSpec(operation, exchangesBefore, call.requestBody);
            assertThat(normalized(answer)).as("what the client read, written back").isEqualTo(expected);
            if (!call.expectedLeadingArguments.isEmpty()) {
                assertThat(resources.lastArguments(operationId)).as("the arguments the server received")
                        .startsWith(call.expectedLeadingArguments.toArray());
            }
        }));
    }

    /**
     * Checks the last exchange, the only one since {@code exchangesBefore}: a signed request and a 200 answer with the
     * operation's example, both valid against the spec, and the body the server received; returns the example.
     */
    private JsonNode assertOneExchangeObeyingTheSpec(SpecExamples.Operation operation, int exchangesBefore, JsonNode sentBody)
            throws Exception {
        assertThat(proxy.count()).as("exchanges for one call (no retry)").isEqualTo(exchangesBefore + 1);
        RecordingProxy.Exchange exchange = proxy.lastExchange();
        assertThat(exchange.method()).isEqualTo(operation.method());
        assertThat(exchange.requestHeader(RequestSigning.TIMESTAMP_HEADER))
                .isEqualTo(Long.toString(clock.instant().getEpochSecond()));
        assertThat(exchange.requestHeader(RequestSigning.SIGNATURE_HEADER)).isNotBlank();
        ValidationReport request = SpecValidation.validateRequest(exchange);
        assertThat(request.getMessages()).as("%s %s against the spec", operation.method(), exchange.uri()).isEmpty();

        assertThat(exchange.status()).as(exchange.responseText()).isEqualTo(200);
        JsonNode expected = normalized(SpecExamples.withoutNulls(spec.responseExample(operation.operationId())));
        assertThat(Json.MAPPER.readTree(exchange.responseBody())).as("the body the server sent").isEqualTo(expected);
        ValidationReport response = SpecValidation.validateResponse(exchange);
        assertThat(response.getMessages()).as("%s %s answered, against the spec", operation.method(), exchange.uri())
                .isEmpty();

        if (sentBody != null) {
            JsonNode sent = normalized(SpecExamples.withoutNulls(sentBody));
            assertThat(normalized(SpecExamples.withoutNulls(Json.MAPPER.readTree(exchange.requestBody())))).as("the body sent, nulls aside")
                    .isEqualTo(sent);
            int bodyIndex = resources.lastArguments(operation.operationId()).size() - 1;
            assertThat(Json.MAPPER.readTree(resources.lastBodyAsJson(operation.operationId(), bodyIndex)))
                    .as("the body the server received")
                    .isEqualTo(sent);
        }
        return expected;
    }

    @Test
    void everyGeneratedInterfaceMethodIsAnOperationOfTheSpec() {
        Set<String> generated = spec.apiInterfaces().stream()
                .flatMap(api -> Arrays.stream(api.getDeclaredMethods()))
                .map(Method::getName)
                .collect(Collectors.toSet());
        Set<String> specified = spec.operations().stream().map(SpecExamples.Operation::operationId).collect(Collectors.toSet());
        assertThat(generated).isEqualTo(specified);
        assertThat(clientOperations()).as("the operations PingppClient offers").isEqualTo(specified);
        assertThat(specified).as("operations with a client call here").containsAll(calls().keySet());
    }

    /** Every generated request model carries the constraint of its channel rules, so the stubs validate every body. */
    @Test
    void everyRequestModelIsValidatedWithTheRulesOfItsSchema() throws ClassNotFoundException {
        PingppValidator validator = PingppValidator.fromSpec();
        assertThat(validator.kinds()).isNotEmpty();
        for (RequestKind kind : validator.kinds()) {
            String schema = validator.requestSchema(kind);
            PingppRules rules = Class.forName("org.pingppopenapi.server.model." + schema).getAnnotation(PingppRules.class);
            assertThat(rules).as("@PingppRules on the model of %s", schema).isNotNull();
            assertThat(rules.value()).isEqualTo(schema);
        }
    }

    @Test
    void theSpecValidatorRejectsAResponseThatBreaksTheSpec() {
        ObjectNode charge = (ObjectNode) spec.responseExample("retrieveCharge");
        charge.put("amount", "100").put("object", "refund");

        ValidationReport report = SpecValidation.validateResponse("GET", "/v1/charges/ch_L8qn10mLmr1GS8e5OODmHaL4", 200,
                Map.of("Content-Type", List.of("application/json")), charge.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(report.getMessages()).extracting(ValidationReport.Message::getKey)
                .contains("validation.response.body.schema.type", "validation.response.body.schema.enum");
    }

    /** The control of the one report SpecValidation leaves out: a deepObject property that is no integer still fails. */
    @Test
    void theSpecValidatorRejectsARequestWhoseCreatedFilterIsNoInteger() {
        Map<String, List<String>> headers = Map.of("Authorization", List.of("Bearer " + API_KEY));
        RecordingProxy.Exchange integer = new RecordingProxy.Exchange("GET", java.net.URI.create("/v1/events?created%5Bgte%5D=1410834527"),
                headers, new byte[0], 200, Map.of(), new byte[0]);
        RecordingProxy.Exchange letters = new RecordingProxy.Exchange("GET", java.net.URI.create("/v1/events?created%5Bgte%5D=14108x"),
                headers, new byte[0], 200, Map.of(), new byte[0]);

        assertThat(SpecValidation.validateRequest(integer).getMessages()).isEmpty();
        assertThat(SpecValidation.validateRequest(letters).getMessages()).extracting(ValidationReport.Message::getKey)
                .containsExactly("validation.request.parameter.schema.type");
    }

    /** The operations of the client's API accessors: each generated method, without its WithHttpInfo and query-map forms. */
    private static Set<String> clientOperations() {
        return Arrays.stream(PingppClient.class.getMethods())
                .filter(accessor -> accessor.getReturnType().getPackageName().equals("org.pingppopenapi.client.api"))
                .flatMap(accessor -> Arrays.stream(accessor.getReturnType().getMethods()))
                .filter(method -> !Modifier.isStatic(method.getModifiers()) && !method.isDefault())
                .filter(method -> !method.getName().endsWith("WithHttpInfo"))
                .filter(method -> Arrays.stream(method.getParameters()).noneMatch(p -> p.isAnnotationPresent(QueryMap.class)))
                .map(Method::getName)
                .collect(Collectors.toSet());
    }

    /**
     * A spec example or a model as the client's JSON mapper writes it, read back as a tree: so trees from different
     * sources compare (the same number types, exact decimals).
     */
    private static JsonNode normalized(Object jsonOrModel) throws Exception {
        return Json.MAPPER.readTree(Json.MAPPER.writeValueAsBytes(jsonOrModel));
    }

    private <T> T body(String operationId, Class<T> type) {
        try {
            return Json.MAPPER.treeToValue(spec.requestExample(operationId).body(), type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("The client cannot read the request example of " + operationId, e);
        }
    }

    private String param(String operationId, String name) {
        return spec.parameterExample(operationId, name);
    }

    /** A call of one operation through the client, the body it sends, and the first arguments the server must see. */
    private record Call(Supplier<Object> invocation, JsonNode requestBody, List<Object> expectedLeadingArguments) {
    }

    private Call call(Supplier<Object> invocation, Object... expectedLeadingArguments) {
        return new Call(invocation, null, Arrays.asList(expectedLeadingArguments));
    }

    private Call callWithBody(String operationId, Supplier<Object> invocation, Object... expectedLeadingArguments) {
        return new Call(invocation, spec.requestExample(operationId).body(), Arrays.asList(expectedLeadingArguments));
    }

    private Map<String, Call> calls() {
        ChargesApi charges = client.charges();
        RefundsApi refunds = client.refunds();
        RechargesApi recharges = client.recharges();
        SubAppsApi subApps = client.subApps();
        SubAppChannelsApi channels = client.subAppChannels();
        OrdersApi orders = client.orders();
        OrderChargesApi orderCharges = client.orderCharges();
        OrderRefundsApi orderRefunds = client.orderRefunds();
        EventsApi events = client.events();

        String appId = "app_1Gqj58ynP0mHeX1q";
        String chargeId = param("retrieveCharge", "charge_id");
        String refundId = param("retrieveChargeRefund", "refund_id");
        String rechargeId = param("retrieveRecharge", "recharge_id");
        String subAppId = param("retrieveSubApp", "sub_app_id");
        String channel = param("retrieveSubAppChannel", "channel");
        String orderId = param("retrieveOrder", "order_id");
        String eventId = param("retrieveEvent", "event_id");
        Long createdGte = 1410834527L;

        Map<String, Call> calls = new LinkedHashMap<>();
        calls.put("createCharge", callWithBody("createCharge",
                () -> charges.createCharge(body("createCharge", ChargeCreateRequest.class))));
        calls.put("listCharges", call(() -> charges.listCharges(appId, "upacp", true, false, false, 3, chargeId, null,
                        null, createdGte, null, null, Set.of("app")),
                appId, "upacp", true, false, false, 3, chargeId, null, null, createdGte, null, null, Set.of("app")));
        calls.put("retrieveCharge", call(() -> charges.retrieveCharge(chargeId, Set.of("app")), chargeId, Set.of("app")));
        calls.put("createChargeRefund", callWithBody("createChargeRefund",
                () -> refunds.createChargeRefund(chargeId, body("createChargeRefund", RefundCreateRequest.class)), chargeId));
        calls.put("listChargeRefunds", call(() -> refunds.listChargeRefunds(chargeId, 20, null, refundId),
                chargeId, 20, null, refundId));
        calls.put("retrieveChargeRefund", call(() -> refunds.retrieveChargeRefund(chargeId, refundId), chargeId, refundId));
        calls.put("createRecharge", callWithBody("createRecharge",
                () -> recharges.createRecharge(appId, body("createRecharge", RechargeCreateRequest.class)), appId));
        calls.put("listRecharges", call(() -> recharges.listRecharges(appId, "test_user_02", true, false, 2, 50,
                        null, createdGte, null, null),
                appId, "test_user_02", true, false, 2, 50, null, createdGte, null, null));
        calls.put("retrieveRecharge", call(() -> recharges.retrieveRecharge(appId, rechargeId), appId, rechargeId));
        calls.put("createSubApp", callWithBody("createSubApp",
                () -> subApps.createSubApp(appId, body("createSubApp", SubAppCreateRequest.class)), appId));
        calls.put("listSubApps", call(() -> subApps.listSubApps(appId, 2, appId, 1, 20, null, null, null, null),
                appId, 2, appId, 1, 20));
        calls.put("retrieveSubApp", call(() -> subApps.retrieveSubApp(appId, subAppId), appId, subAppId));
        calls.put("updateSubApp", callWithBody("updateSubApp",
                () -> subApps.updateSubApp(appId, subAppId, body("updateSubApp", SubAppUpdateRequest.class)), appId, subAppId));
        calls.put("deleteSubApp", call(() -> subApps.deleteSubApp(appId, subAppId), appId, subAppId));
        calls.put("createSubAppChannel", callWithBody("createSubAppChannel",
                () -> channels.createSubAppChannel(appId, subAppId, body("createSubAppChannel", SubAppChannelCreateRequest.class)),
                appId, subAppId));
        calls.put("retrieveSubAppChannel", call(() -> channels.retrieveSubAppChannel(appId, subAppId, channel),
                appId, subAppId, channel));
        calls.put("updateSubAppChannel", callWithBody("updateSubAppChannel",
                () -> channels.updateSubAppChannel(appId, subAppId, channel, body("updateSubAppChannel", SubAppChannelUpdateRequest.class)),
                appId, subAppId, channel));
        calls.put("deleteSubAppChannel", call(() -> channels.deleteSubAppChannel(appId, subAppId, channel),
                appId, subAppId, channel));
        calls.put("createOrder", callWithBody("createOrder",
                () -> orders.createOrder(body("createOrder", OrderCreateRequest.class))));
        calls.put("listOrders", call(() -> orders.listOrders(appId, "user_002", appId, appId, false, false, 0, "purchase",
                        1, 10, null, createdGte, null, null),
                appId, "user_002", appId, appId, false, false, 0, "purchase", 1, 10, null, createdGte, null, null));
        calls.put("retrieveOrder", call(() -> orders.retrieveOrder(orderId), orderId));
        calls.put("cancelOrder", callWithBody("cancelOrder",
                () -> orders.cancelOrder(orderId, body("cancelOrder", OrderCancelRequest.class)), orderId));
        calls.put("payOrder", callWithBody("payOrder",
                () -> orders.payOrder(orderId, body("payOrder", OrderPayRequest.class)), orderId));
        calls.put("listOrderCharges", call(() -> orderCharges.listOrderCharges(orderId, "alipay", true, false, 1, 10),
                orderId, "alipay", true, false, 1, 10));
        calls.put("retrieveOrderCharge", call(() -> orderCharges.retrieveOrderCharge(orderId, chargeId), orderId, chargeId));
        calls.put("createOrderRefund", callWithBody("createOrderRefund",
                () -> orderRefunds.createOrderRefund(orderId, body("createOrderRefund", OrderRefundCreateRequest.class)), orderId));
        calls.put("listOrderRefunds", call(() -> orderRefunds.listOrderRefunds(orderId, "succeeded", 1, 10, null, null, null, null),
                orderId, "succeeded", 1, 10));
        calls.put("retrieveOrderRefund", call(() -> orderRefunds.retrieveOrderRefund(orderId, refundId), orderId, refundId));
        calls.put("listEvents", call(() -> events.listEvents(10, null, null, "charge.succeeded", null, createdGte, null, null),
                10, null, null, "charge.succeeded", null, createdGte));
        calls.put("retrieveEvent", call(() -> events.retrieveEvent(eventId), eventId));
        return calls;
    }
}
