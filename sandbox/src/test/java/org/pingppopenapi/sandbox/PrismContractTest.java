package org.pingppopenapi.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.pingppopenapi.client.ChannelException;
import org.pingppopenapi.client.InvalidRequestException;
import org.pingppopenapi.client.PingppClient;
import org.pingppopenapi.client.PingppException;
import org.pingppopenapi.client.api.ChargesApi;
import org.pingppopenapi.client.api.EventsApi;
import org.pingppopenapi.client.api.OrdersApi;
import org.pingppopenapi.client.model.ApiResponse;
import org.pingppopenapi.client.model.Charge;
import org.pingppopenapi.client.model.Event;
import org.pingppopenapi.client.model.Order;
import org.pingppopenapi.client.model.OrderCancelRequest;
import org.pingppopenapi.client.model.OrderPayRequest;
import org.pingppopenapi.client.model.OrderRefundCreateRequest;
import org.pingppopenapi.client.model.Recharge;
import org.pingppopenapi.client.model.RechargeBalanceBonusParams;
import org.pingppopenapi.client.model.RechargeChargeParams;
import org.pingppopenapi.client.model.RechargeCreateRequest;
import org.pingppopenapi.client.model.Refund;
import org.pingppopenapi.client.model.RefundCreateRequest;
import org.pingppopenapi.client.model.RefundList;
import org.pingppopenapi.client.model.SubApp;
import org.pingppopenapi.client.model.SubAppChannelCreateRequest;
import org.pingppopenapi.client.model.SubAppChannelUpdateRequest;
import org.pingppopenapi.client.model.SubAppCreateRequest;
import org.pingppopenapi.client.model.SubAppUpdateRequest;
import org.pingppopenapi.prism.PrismOptions;
import org.pingppopenapi.prism.PrismServer;
import org.pingppopenapi.prism.PrismViolations;

/**
 * The sandbox obeys the spec: every operation of the spec through {@code prism proxy --errors} on the real spec in
 * front of the sandbox, in real flows where the sandbox has behaviour of its own, and for every other operation of
 * the spec its examples. A request or an answer that breaks the spec would come back as Prism's 4xx or 500 (and fail
 * the call); answers carry no {@code sl-violations} header, and Prism logs no violation. The sandbox-only
 * endpoints, which the spec does not describe, are called on the sandbox directly.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PrismContractTest {

    /** A request Prism received: {@code [HTTP SERVER] post /v1/charges ℹ  info      Request received}. */
    private static final Pattern RECEIVED = Pattern.compile("\\[HTTP SERVER] (\\w+) (\\S+) .*Request received");

    private static final Map<String, Object> ISV_PARAMS = Map.of("fee_rate", 16, "mer_id", "288880088880008",
            "inst_id", "98888888", "key", "eae4c4426b73e26e48dacf0fd6e9a9e1", "support_refund", true);

    private static Sandbox sandbox;
    private static PrismServer prism;
    private static PingppClient client;
    private static SandboxHttp direct;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.builder().start();
        Path spec = Path.of(System.getProperty("pingpp.root", "..")).resolve("spec/target/pingpp-openapi.yaml");
        prism = PrismServer.startProxy(spec, sandbox.baseUri(), PrismOptions.defaults().withErrors(true));
        String key = Fixtures.newKey();
        client = PingppClient.builder().apiKey(key).baseUrl(prism.baseUri()).maxRetries(0).build();
        direct = new SandboxHttp(sandbox.baseUri(), key);
    }

    @AfterAll
    static void stop() {
        if (prism != null) {
            prism.close();
        }
        sandbox.close();
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void chargesRefundsAndEventsObeyTheSpec() {
        Charge charge = body(client.charges().createChargeWithHttpInfo(Fixtures.upacpCharge(300)));
        direct.pay(charge.getId());
        Refund partial = body(client.refunds().createChargeRefundWithHttpInfo(charge.getId(),
                new RefundCreateRequest().amount(100L).description("partial").metadata(Map.of("reason", "size"))));
        body(client.refunds().createChargeRefundWithHttpInfo(charge.getId(), new RefundCreateRequest().description("rest")));
        assertRefusedWithinTheSpec(() -> client.refunds().createChargeRefund(charge.getId(),
                new RefundCreateRequest().amount(1L).description("nothing left")), ChannelException.class);
        assertRefusedWithinTheSpec(() -> client.charges().createCharge(Fixtures.upacpCharge(300).orderNo(charge.getOrderNo())),
                InvalidRequestException.class);
        assertRefusedWithinTheSpec(() -> client.charges().retrieveCharge("ch_000000000000000000000000", Set.of()),
                InvalidRequestException.class);

        Charge wechat = body(client.charges().createChargeWithHttpInfo(Fixtures.upacpCharge(10).channel("wx_pub")
                .extra(Map.of("open_id", "o-user"))));
        body(client.charges().createChargeWithHttpInfo(Fixtures.upacpCharge(10).channel("isv_scan")
                .extra(Map.of("scan_code", "286801346868493272", "terminal_id", "SH008",
                        "goods_list", List.of(Map.of("goods_id", "iphone6s16G", "goods_name", "iPhone6s 16G",
                                "goods_num", 1, "price", 528800))))));
        assertThat(body(client.charges().retrieveChargeWithHttpInfo(charge.getId(), Set.of("app"))).getApp().isExpanded()).isTrue();
        assertThat(body(client.charges().listChargesWithHttpInfo(new ChargesApi.ListChargesQueryParams().appId(Fixtures.APP)
                .limit(2).expand(Set.of("app")))).getData()).hasSize(2);
        assertThat(body(client.charges().listChargesWithHttpInfo(new ChargesApi.ListChargesQueryParams().appId(Fixtures.APP)
                .startingAfter(wechat.getId()).createdGte(0L).paid(true))).getData()).extracting(Charge::getId)
                .containsExactly(charge.getId());
        RefundList refunds = body(client.refunds().listChargeRefundsWithHttpInfo(charge.getId(), 1, null, null));
        assertThat(refunds.getHasMore()).isTrue();
        assertThat(body(client.refunds().retrieveChargeRefundWithHttpInfo(charge.getId(), partial.getId())).getAmount())
                .isEqualTo(100L);

        List<Event> events = body(client.events().listEventsWithHttpInfo(new EventsApi.ListEventsQueryParams().limit(20)))
                .getData();
        assertThat(events).extracting(Event::getType).contains("charge.succeeded", "refund.succeeded");
        for (Event event : events) {
            body(client.events().retrieveEventWithHttpInfo(event.getId()));
        }
        assertPrismSawNoViolation();
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void ordersTheirChargesAndRefundsObeyTheSpec() {
        Order order = body(client.orders().createOrderWithHttpInfo(Fixtures.order(100, "user_007").metadata(Map.of("k", "v"))));
        Order paying = body(client.orders().payOrderWithHttpInfo(order.getId(), new OrderPayRequest().chargeAmount(100L)
                .channel("isv_qr").extra(Map.of("pay_channel", "wx", "terminal_id", "SH008"))));
        body(client.orderCharges().listOrderChargesWithHttpInfo(order.getId(), null, null, null, null, null));
        body(client.orderCharges().retrieveOrderChargeWithHttpInfo(order.getId(), paying.getCharge()));
        direct.pay(paying.getCharge());
        body(client.orders().retrieveOrderWithHttpInfo(order.getId()));
        RefundList refunds = body(client.orderRefunds().createOrderRefundWithHttpInfo(order.getId(),
                new OrderRefundCreateRequest().description("part").chargeAmount(30L)));
        body(client.charges().retrieveChargeWithHttpInfo(refunds.getData().get(0).getCharge(), Set.of()));
        String orderRefund = body(client.orderRefunds().listOrderRefundsWithHttpInfo(order.getId(), null, null, null, null,
                null, null, null)).getData().get(0).getId();
        body(client.orderRefunds().retrieveOrderRefundWithHttpInfo(order.getId(), orderRefund));

        Order toCancel = body(client.orders().createOrderWithHttpInfo(Fixtures.order(5, "user_007")));
        body(client.orders().cancelOrderWithHttpInfo(toCancel.getId(),
                new OrderCancelRequest().status(OrderCancelRequest.StatusEnum.CANCELED)));
        assertRefusedWithinTheSpec(() -> client.orders().payOrder(toCancel.getId(),
                new OrderPayRequest().chargeAmount(5L).channel("alipay")), ChannelException.class);
        assertThat(body(client.orders().listOrdersWithHttpInfo(new OrdersApi.ListOrdersQueryParams().app(Fixtures.APP)
                .perPage(1).page(2))).getData()).hasSize(1);

        Recharge recharge = body(client.recharges().createRechargeWithHttpInfo(Fixtures.APP, new RechargeCreateRequest()
                .user("user_007").charge(new RechargeChargeParams().amount(200L).channel("upacp").orderNo(Fixtures.orderNo())
                        .subject("top-up").body("top-up")).balanceBonus(new RechargeBalanceBonusParams()
                        .amount(20L))));
        direct.pay(recharge.getCharge().getId());
        body(client.recharges().retrieveRechargeWithHttpInfo(Fixtures.APP, recharge.getId()));
        body(client.recharges().listRechargesWithHttpInfo(Fixtures.APP, "user_007", true, null, null, null, null, null, null,
                null));
        Order fromBalance = body(client.orders().createOrderWithHttpInfo(Fixtures.order(220, "user_007")));
        body(client.orders().payOrderWithHttpInfo(fromBalance.getId(), new OrderPayRequest().chargeAmount(0L).balanceAmount(220L)));
        body(client.orderRefunds().createOrderRefundWithHttpInfo(fromBalance.getId(),
                new OrderRefundCreateRequest().description("to the balance")));
        for (Event event : body(client.events().listEventsWithHttpInfo(new EventsApi.ListEventsQueryParams().limit(20)
                .type("order.succeeded"))).getData()) {
            body(client.events().retrieveEventWithHttpInfo(event.getId()));
        }
        assertPrismSawNoViolation();
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void subAppsAndTheirChannelsObeyTheSpec() {
        SubApp parent = body(client.subApps().createSubAppWithHttpInfo(Fixtures.APP, new SubAppCreateRequest()
                .displayName("parent shop").user("contract_owner_1").metadata(Map.of("a", "b")).description("Your description")));
        SubApp child = body(client.subApps().createSubAppWithHttpInfo(Fixtures.APP, new SubAppCreateRequest()
                .displayName("child shop").user("contract_owner_2").parentApp(parent.getId())));
        body(client.subApps().retrieveSubAppWithHttpInfo(Fixtures.APP, child.getId()));
        body(client.subApps().updateSubAppWithHttpInfo(Fixtures.APP, child.getId(), new SubAppUpdateRequest()
                .displayName("child shop 2").metadata(Map.of("key", "value"))));
        assertThat(body(client.subApps().listSubAppsWithHttpInfo(Fixtures.APP, 2, null, null, null, null, null, null, null))
                .getData()).extracting(SubApp::getId).containsExactly(child.getId());
        body(client.subAppChannels().createSubAppChannelWithHttpInfo(Fixtures.APP, child.getId(),
                new SubAppChannelCreateRequest().channel("isv_wap").params(ISV_PARAMS).banned(false)
                        .description("description for channel isv_wap")));
        body(client.subAppChannels().retrieveSubAppChannelWithHttpInfo(Fixtures.APP, child.getId(), "isv_wap"));
        body(client.subAppChannels().updateSubAppChannelWithHttpInfo(Fixtures.APP, child.getId(), "isv_wap",
                new SubAppChannelUpdateRequest().banned(true).bannedMsg("Suspended.")));
        body(client.subAppChannels().deleteSubAppChannelWithHttpInfo(Fixtures.APP, child.getId(), "isv_wap"));
        assertRefusedWithinTheSpec(() -> client.subApps().deleteSubApp(Fixtures.APP, parent.getId()), ChannelException.class);
        body(client.subApps().deleteSubAppWithHttpInfo(Fixtures.APP, child.getId()));
        body(client.subApps().deleteSubAppWithHttpInfo(Fixtures.APP, parent.getId()));
        assertPrismSawNoViolation();
    }

    /**
     * After the flows: every operation of the spec they did not call is called with the spec's examples (through
     * Prism, so the answer, a success or a documented error such as the 404 of a parent that does not exist, must
     * obey the spec), and in the end Prism has seen a call of every operation of the spec.
     */
    @Test
    @org.junit.jupiter.api.Order(2)
    void everyOtherOperationOfTheSpecObeysItWithItsExamples() throws Exception {
        Set<String> called = operationsPrismReceived();
        SandboxHttp throughPrism = new SandboxHttp(prism.baseUri(), Fixtures.newKey());
        for (SpecOperations.Operation operation : SpecOperations.all()) {
            if (called.contains(operation.operationId())) {
                continue;
            }
            SpecOperations.Request request = SpecOperations.exampleRequest(operation);
            HttpRequest.Builder http = throughPrism.request(request.pathAndQuery());
            if (request.body() != null) {
                http.header("Content-Type", "application/json");
            }
            SandboxHttp.Answer answer = SandboxHttp.send(http.method(operation.method(),
                    request.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(request.body())));
            PrismViolations.assertNone(answer.response().headers().map());
            assertThat(operation.statuses()).as("%s %s answered %s: %s", operation.method(), request.pathAndQuery(), answer.status(), answer.body())
                    .contains(answer.status());
        }
        assertThat(operationsPrismReceived()).as("operations called through Prism")
                .containsAll(SpecOperations.all().stream().map(SpecOperations.Operation::operationId).toList());
        assertPrismSawNoViolation();
    }

    /** The operations of the requests Prism received, from its log. */
    private static Set<String> operationsPrismReceived() throws IOException {
        Set<String> operations = new TreeSet<>();
        for (String line : Files.readAllLines(prism.logFile(), StandardCharsets.UTF_8)) {
            Matcher received = RECEIVED.matcher(line);
            if (received.find()) {
                String path = received.group(2).replaceFirst("\\?.*", "");
                SpecOperations.of(received.group(1).toUpperCase(Locale.ROOT), path)
                        .ifPresent(operation -> operations.add(operation.operationId()));
            }
        }
        return operations;
    }

    /** The answer's body, once its headers show Prism found nothing to report. */
    private static <T> T body(ApiResponse<T> response) {
        PrismViolations.assertNone(response.getHeaders());
        assertThat(response.getStatusCode()).isEqualTo(200);
        return response.getData();
    }

    /** The sandbox refused the call with the Ping++ error body, and Prism found the error answer within the spec. */
    private static void assertRefusedWithinTheSpec(ThrowingCallable call,
            Class<? extends PingppException> kind) {
        assertThatThrownBy(call).isInstanceOf(kind).satisfies(thrown -> {
            PingppException refused = (PingppException) thrown;
            assertThat(refused.httpStatus()).isBetween(400, 499);
            PrismViolations.assertNone(refused.response().orElseThrow().headers());
        });
    }

    private static void assertPrismSawNoViolation() {
        assertThat(prism.recentLog()).as("Prism's log")
                .noneMatch(line -> line.contains("[VALIDATOR] ✖") || line.contains("[VALIDATOR] ⚠"));
    }
}
