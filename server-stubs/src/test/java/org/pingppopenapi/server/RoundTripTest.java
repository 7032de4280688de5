package org.pingppopenapi.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.pingppopenapi.server.testclient.api.ChargesApi;
import org.pingppopenapi.server.testclient.api.EventsApi;
import org.pingppopenapi.server.testclient.api.OrderChargesApi;
import org.pingppopenapi.server.testclient.api.OrderRefundsApi;
import org.pingppopenapi.server.testclient.api.OrdersApi;
import org.pingppopenapi.server.testclient.api.RechargesApi;
import org.pingppopenapi.server.testclient.api.RefundsApi;
import org.pingppopenapi.server.testclient.api.SubAppChannelsApi;
import org.pingppopenapi.server.testclient.api.SubAppsApi;
import org.pingppopenapi.server.testclient.model.ChargeCreateRequest;
import org.pingppopenapi.server.testclient.model.OrderCancelRequest;
import org.pingppopenapi.server.testclient.model.OrderCreateRequest;
import org.pingppopenapi.server.testclient.model.OrderPayRequest;
import org.pingppopenapi.server.testclient.model.OrderRefundCreateRequest;
import org.pingppopenapi.server.testclient.model.RechargeCreateRequest;
import org.pingppopenapi.server.testclient.model.RefundCreateRequest;
import org.pingppopenapi.server.testclient.model.SubAppChannelCreateRequest;
import org.pingppopenapi.server.testclient.model.SubAppChannelUpdateRequest;
import org.pingppopenapi.server.testclient.model.SubAppCreateRequest;
import org.pingppopenapi.server.testclient.model.SubAppUpdateRequest;
import org.pingppopenapi.signing.PemKeys;

/**
 * Every operation of the spec, called through the generated Feign client on a real Jersey/Grizzly server that runs
 * a test implementation of every generated interface, with every provider on: API key, request signatures (the
 * client signs each request), Bean Validation with the channel rules. Each exchange must be a 200 whose body is
 * the spec's example and obeys the real spec (swagger-request-validator); the server must have received what the
 * client sent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoundTripTest {

    static final String API_KEY = "sk_test_ibbTe5jLGCi5rzfH4OqPW9KC";

    private final SpecExamples spec = SpecExamples.get();
    private final SettableClock clock = new SettableClock(Instant.now());
    private final ExampleBackedResources resources = new ExampleBackedResources();
    private EmbeddedServer server;
    private FeignClients clients;
    private ObjectMapper mapper;

    @BeforeAll
    void startServer() throws Exception {
        Path vectors = TestKeys.vectors();
        PrivateKey merchantPrivateKey = PemKeys.privateKey(Files.readString(vectors.resolve("merchant-demo-your_rsa_private_key_pkcs8.pem")));
        PingppProviders providers = PingppProviders.builder(ApiKeyStore.of(API_KEY))
                .requireSignatures(Files.readString(vectors.resolve("merchant-demo-your_rsa_public_key.pem")))
                .clock(clock)
                .build();
        server = EmbeddedServer.start(providers, resources.all());
        clients = new FeignClients(server.baseUri(), API_KEY, merchantPrivateKey, clock);
        mapper = clients.mapper();
    }

    @AfterAll
    void stopServer() {
        server.close();
    }

    @TestFactory
    Stream<DynamicTest> everyOperationRoundTripsThroughTheFeignClient() {
        Map<String, Call> calls = calls();
        return spec.operations().stream().map(operation -> dynamicTest(operation.operationId(), () -> {
            Call call = calls.get(operation.operationId());
            assertThat(call).as("a Feign call for %s", operation.operationId()).isNotNull();
            clock.set(call.requestBody == null ? Instant.now()
                    : spec.requestExample(operation.operationId()).createdAt().orElse(Instant.now()));

            call.invocation.run();

            FeignClients.Exchange exchange = clients.lastExchange();
            assertThat(exchange.method()).isEqualTo(operation.method());
            assertThat(exchange.status()).as(exchange.bodyText()).isEqualTo(200);
            assertThat(mapper.readTree(exchange.body()))
                    .isEqualTo(normalized(SpecExamples.withoutNulls(spec.responseExample(operation.operationId()))));
            ValidationReport report = FeignClients.validateResponse(exchange);
            assertThat(report.getMessages()).as("%s %s against the spec", operation.method(), exchange.uri()).isEmpty();
            if (call.requestBody != null) {
                int bodyIndex = resources.lastArguments(operation.operationId()).size() - 1;
                assertThat(mapper.readTree(resources.lastBodyAsJson(operation.operationId(), bodyIndex)))
                        .as("the body the server received")
                        .isEqualTo(normalized(SpecExamples.withoutNulls(call.requestBody)));
            }
            if (!call.expectedLeadingArguments.isEmpty()) {
                assertThat(resources.lastArguments(operation.operationId())).as("the arguments the server received")
                        .startsWith(call.expectedLeadingArguments.toArray());
            }
        }));
    }

    @Test
    void everyGeneratedInterfaceMethodIsAnOperationOfTheSpec() {
        Set<String> generated = Stream.of(org.pingppopenapi.server.api.ChargesApi.class,
                        org.pingppopenapi.server.api.RefundsApi.class, org.pingppopenapi.server.api.RechargesApi.class,
                        org.pingppopenapi.server.api.SubAppsApi.class, org.pingppopenapi.server.api.SubAppChannelsApi.class,
                        org.pingppopenapi.server.api.OrdersApi.class, org.pingppopenapi.server.api.OrderChargesApi.class,
                        org.pingppopenapi.server.api.OrderRefundsApi.class, org.pingppopenapi.server.api.EventsApi.class)
                .flatMap(api -> Arrays.stream(api.getDeclaredMethods()))
                .map(Method::getName)
                .collect(Collectors.toSet());
        Set<String> specified = spec.operations().stream().map(SpecExamples.Operation::operationId).collect(Collectors.toSet());
        assertThat(generated).isEqualTo(specified).hasSize(30);
        assertThat(calls().keySet()).isEqualTo(specified);
    }

    @Test
    void theSpecValidatorRejectsAResponseThatBreaksTheSpec() throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode charge =
                (com.fasterxml.jackson.databind.node.ObjectNode) spec.responseExample("retrieveCharge");
        charge.put("amount", "100").put("object", "refund");
        FeignClients.Exchange broken = new FeignClients.Exchange("GET",
                java.net.URI.create("http://127.0.0.1/v1/charges/ch_L8qn10mLmr1GS8e5OODmHaL4"), 200,
                Map.of("Content-Type", List.of("application/json")), mapper.writeValueAsBytes(charge));

        assertThat(FeignClients.validateResponse(broken).getMessages())
                .extracting(com.atlassian.oai.validator.report.ValidationReport.Message::getKey)
                .contains("validation.response.body.schema.type", "validation.response.body.schema.enum");
    }

    private JsonNode normalized(JsonNode node) throws Exception {
        return mapper.readTree(mapper.writeValueAsBytes(node));
    }

    private <T> T body(String operationId, Class<T> type) {
        return mapper.convertValue(spec.requestExample(operationId).body(), type);
    }

    private String param(String operationId, String name) {
        return spec.parameterExample(operationId, name);
    }

    /** A call of one operation through the Feign client, the body it sends, and the first arguments the server must see. */
    private record Call(Runnable invocation, JsonNode requestBody, List<Object> expectedLeadingArguments) {
    }

    private Call call(Runnable invocation, Object... expectedLeadingArguments) {
        return new Call(invocation, null, Arrays.asList(expectedLeadingArguments));
    }

    private Call callWithBody(String operationId, Runnable invocation, Object... expectedLeadingArguments) {
        return new Call(invocation, spec.requestExample(operationId).body(), Arrays.asList(expectedLeadingArguments));
    }

    private Map<String, Call> calls() {
        ChargesApi charges = clients.api(ChargesApi.class);
        RefundsApi refunds = clients.api(RefundsApi.class);
        RechargesApi recharges = clients.api(RechargesApi.class);
        SubAppsApi subApps = clients.api(SubAppsApi.class);
        SubAppChannelsApi channels = clients.api(SubAppChannelsApi.class);
        OrdersApi orders = clients.api(OrdersApi.class);
        OrderChargesApi orderCharges = clients.api(OrderChargesApi.class);
        OrderRefundsApi orderRefunds = clients.api(OrderRefundsApi.class);
        EventsApi events = clients.api(EventsApi.class);

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
