package org.pingppopenapi.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pingppopenapi.client.ChannelException;
import org.pingppopenapi.client.InvalidRequestException;
import org.pingppopenapi.client.PingppClient;
import org.pingppopenapi.client.model.Charge;
import org.pingppopenapi.client.model.Event;
import org.pingppopenapi.client.model.Order;
import org.pingppopenapi.client.model.OrderPayRequest;
import org.pingppopenapi.client.model.OrderRefund;
import org.pingppopenapi.client.model.OrderRefundCreateRequest;
import org.pingppopenapi.client.model.Recharge;
import org.pingppopenapi.client.model.RechargeChargeParams;
import org.pingppopenapi.client.model.RechargeCreateRequest;
import org.pingppopenapi.client.model.Refund;
import org.pingppopenapi.client.model.RefundCreateRequest;
import org.pingppopenapi.client.model.RefundList;
import org.pingppopenapi.client.model.RefundMode;
import org.pingppopenapi.client.param.ListEventsParams;
import org.pingppopenapi.client.param.ListOrderRefundsParams;
import org.pingppopenapi.client.param.ListRechargesParams;

/**
 * Orders through the project's client (002): paid through a channel (paying creates the charge, the customer pays
 * it) or from a balance topped up by a recharge; refunded in parts, through the channel or to the balance.
 */
class OrderFlowTest {

    private static Sandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.builder().start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void anOrderPaidThroughAChannelIsRefundedInParts() {
        String key = Fixtures.newKey();
        PingppClient client = Fixtures.client(sandbox, key);
        SandboxHttp http = new SandboxHttp(sandbox.baseUri(), key);

        Order created = client.orders().create(Fixtures.order(100, "user_002"));
        assertThat(created.getStatus()).isEqualTo(Order.StatusEnum.CREATED);
        assertThat(created.getPaid()).isFalse();
        assertThat(created.getActualAmount()).isEqualTo(100L);
        assertThat(created.getTimeExpire()).isEqualTo(created.getCreated() + 86_340);

        Order paying = client.orders().pay(created.getId(), new OrderPayRequest().chargeAmount(100L).channel("isv_qr")
                .extra(Map.of("pay_channel", "wx", "terminal_id", "SH008")));
        assertThat(paying.getStatus()).as("waiting for the customer").isEqualTo(Order.StatusEnum.CREATED);
        assertThat(paying.getCharge()).startsWith("ch_");
        assertThat(paying.getChargeEssentials().getChannel()).isEqualTo("isv_qr");
        assertThat(paying.getChargeEssentials().getCredential().channels()).contains("isv_qr");
        Charge charge = client.orders().charges().retrieve(created.getId(), paying.getCharge());
        assertThat(charge.getOrderNo()).isEqualTo(created.getMerchantOrderNo());
        assertThat(charge.getAmount()).isEqualTo(100L);

        http.pay(charge.getId());
        Order paid = client.orders().retrieve(created.getId());
        assertThat(paid.getStatus()).isEqualTo(Order.StatusEnum.PAID);
        assertThat(paid.getPaid()).isTrue();
        assertThat(paid.getAmountPaid()).isEqualTo(100L);
        assertThat(paid.getTimePaid()).isNotNull();
        assertThat(paid.getChargeEssentials().getTransactionNo()).isNotNull();

        RefundList first = client.orders().orderRefunds().create(created.getId(),
                new OrderRefundCreateRequest().description("part").chargeAmount(40L));
        assertThat(first.getData()).extracting(Refund::getAmount).containsExactly(40L);
        Order partlyRefunded = client.orders().retrieve(created.getId());
        assertThat(partlyRefunded.getStatus()).isEqualTo(Order.StatusEnum.REFUNDED);
        assertThat(partlyRefunded.getRefunded()).isTrue();
        assertThat(partlyRefunded.getAmountRefunded()).isEqualTo(40L);

        RefundList rest = client.orders().orderRefunds().create(created.getId(), new OrderRefundCreateRequest().description("rest"));
        assertThat(rest.getData()).extracting(Refund::getAmount).containsExactly(60L);
        assertThatThrownBy(() -> client.orders().orderRefunds().create(created.getId(),
                new OrderRefundCreateRequest().description("again")))
                .isInstanceOf(ChannelException.class)
                .satisfies(e -> assertThat(((ChannelException) e).code()).isEqualTo("order_refunded"));

        List<Refund> orderRefunds = client.orders().orderRefunds().list(created.getId(), ListOrderRefundsParams.builder().build())
                .data();
        assertThat(orderRefunds).extracting(Refund::getId)
                .containsExactly(rest.getData().get(0).getId(), first.getData().get(0).getId());
        Refund retrieved = client.orders().orderRefunds().retrieve(created.getId(), first.getData().get(0).getId());
        assertThat(retrieved.getDescription()).isEqualTo("part");
        assertThat(retrieved.getAmount()).isEqualTo(40L);
        List<OrderRefund> records = client.orders().retrieve(created.getId()).getRefunds().getData();
        assertThat(records).extracting(OrderRefund::getChargeRefund)
                .containsExactly(rest.getData().get(0).getId(), first.getData().get(0).getId());
        assertThat(records).extracting(OrderRefund::getRefundMode).containsOnly(RefundMode.TO_SOURCE);
        assertThat(client.charges().retrieve(charge.getId()).getRefunded()).isTrue();

        assertThat(client.events().list(ListEventsParams.builder().limit(20).build()).data())
                .extracting(Event::getType)
                .containsExactly("order.refund.succeeded", "refund.succeeded", "order.refund.succeeded",
                        "refund.succeeded", "order.succeeded", "charge.succeeded");
    }

    /**
     * The official SDKs' reading of order refunds: creating one returns {@code refund} objects, the {@code re_} id of
     * one retrieves it ({@code "object": "refund"}), and the list shows the same objects (pingpp-java's
     * {@code OrderRefund} and its live-mode tests, Go's {@code orderRefund}).
     */
    @Test
    void anOrderRefundIsRetrievedAndListedByTheIdItsCreationReturned() {
        String key = Fixtures.newKey();
        PingppClient client = Fixtures.client(sandbox, key);
        Order order = client.orders().create(Fixtures.order(80, "user_010"));
        Order paying = client.orders().pay(order.getId(), new OrderPayRequest().chargeAmount(80L).channel("alipay"));
        new SandboxHttp(sandbox.baseUri(), key).pay(paying.getCharge());

        RefundList created = client.orders().orderRefunds().create(order.getId(),
                new OrderRefundCreateRequest().description("Order refund test.").refundMode(RefundMode.TO_SOURCE));
        Refund made = created.getData().get(0);
        Refund retrieved = client.orders().orderRefunds().retrieve(order.getId(), made.getId());
        RefundList listed = client.orders().orderRefunds().list(order.getId()).envelope(RefundList.class).orElseThrow();
        String orderRefundRecord = client.orders().retrieve(order.getId()).getRefunds().getData().get(0).getId();

        assertThat(made.getId()).startsWith("re_");
        assertThat(made.getObject()).isEqualTo(Refund.ObjectEnum.REFUND);
        assertThat(made.getCharge()).isEqualTo(paying.getCharge());
        assertThat(retrieved).isEqualTo(made);
        assertThat(listed.getObject()).isEqualTo(RefundList.ObjectEnum.LIST);
        assertThat(listed.getUrl()).isEqualTo("/v1/orders/" + order.getId() + "/order_refunds");
        assertThat(listed.getData()).containsExactly(made);
        assertThat(client.orders().orderRefunds().retrieve(order.getId(), orderRefundRecord))
                .as("the documents' numeric order refund id answers the refund it made").isEqualTo(made);
        assertThatThrownBy(() -> client.orders().orderRefunds().retrieve(order.getId(), "re_000000000000000000000000"))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).httpStatus()).isEqualTo(404));
    }

    @Test
    void aRechargedBalancePaysAnOrderAndItsRefundGoesBackToTheBalance() {
        String key = Fixtures.newKey();
        PingppClient client = Fixtures.client(sandbox, key);
        SandboxHttp http = new SandboxHttp(sandbox.baseUri(), key);

        Recharge recharge = client.recharges().create(new RechargeCreateRequest().user("user_002")
                .userFee(100L)
                .charge(new RechargeChargeParams().amount(1000L).channel("upacp").orderNo(Fixtures.orderNo())
                        .subject("测试订单007").body("订单内容007")));
        assertThat(recharge.getSucceeded()).isFalse();
        assertThat(recharge.getCharge().getCredential().channels()).contains("upacp");
        assertThat(recharge.getCharge().getClientIp()).isEqualTo("127.0.0.1");
        http.pay(recharge.getCharge().getId());
        Recharge succeeded = client.recharges().retrieve(recharge.getId());
        assertThat(succeeded.getSucceeded()).isTrue();
        assertThat(succeeded.getBalanceTransaction()).isNotNull();

        Order tooExpensive = client.orders().create(Fixtures.order(901, "user_002"));
        assertThatThrownBy(() -> client.orders().pay(tooExpensive.getId(), new OrderPayRequest().chargeAmount(0L).balanceAmount(901L)))
                .isInstanceOf(ChannelException.class)
                .satisfies(e -> assertThat(((ChannelException) e).code()).isEqualTo("insufficient_balance"));

        Order order = client.orders().create(Fixtures.order(900, "user_002"));
        assertThat(order.getAvailableBalance()).as("1000 less the fee of 100").isEqualTo(900L);
        Order paid = client.orders().pay(order.getId(), new OrderPayRequest().chargeAmount(0L).balanceAmount(900L));
        assertThat(paid.getStatus()).isEqualTo(Order.StatusEnum.PAID);
        assertThat(paid.getBalanceAmount()).isEqualTo(900L);
        assertThat(paid.getBalanceTransaction()).isNotNull();
        assertThat(client.orders().create(Fixtures.order(1, "user_002")).getAvailableBalance()).isZero();

        RefundList refunds = client.orders().orderRefunds().create(order.getId(),
                new OrderRefundCreateRequest().description("test-refund"));
        assertThat(refunds.getData()).as("no charge was refunded").isEmpty();
        assertThat(client.orders().orderRefunds().list(order.getId(), ListOrderRefundsParams.builder().status("succeeded").build())
                .data()).as("a refund to the balance makes no charge refund").isEmpty();
        OrderRefund orderRefund = client.orders().retrieve(order.getId()).getRefunds().getData().get(0);
        assertThat(orderRefund.getBalanceAmount()).isEqualTo(900L);
        assertThat(orderRefund.getRefundMode()).isEqualTo(RefundMode.TO_BALANCE);
        assertThatThrownBy(() -> client.orders().orderRefunds().retrieve(order.getId(), orderRefund.getId()))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).httpStatus()).isEqualTo(404))
                .hasMessageContaining("went to the user's balance");
        assertThat(client.orders().create(Fixtures.order(1, "user_002")).getAvailableBalance()).isEqualTo(900L);

        assertThat(client.events().list(ListEventsParams.builder().limit(20).build()).data())
                .extracting(Event::getType)
                .containsExactly("order.refund.succeeded", "order.succeeded", "recharge.succeeded", "charge.succeeded");
    }

    @Test
    void theCustomChannelRechargesUserZeroAtOnce() {
        PingppClient client = Fixtures.client(sandbox, Fixtures.newKey());

        Recharge recharge = client.recharges().create(new RechargeCreateRequest().user("0")
                .charge(new RechargeChargeParams().amount(500L).channel("custom").orderNo(Fixtures.orderNo())
                        .subject("top-up").body("top-up")));

        assertThat(recharge.getSucceeded()).isTrue();
        assertThat(recharge.getCharge().getPaid()).isTrue();
        assertThat(client.recharges().list(ListRechargesParams.builder().user("0").succeeded(true).build())
                .data()).extracting(Recharge::getId).containsExactly(recharge.getId());
    }

    @Test
    void anOrdersChargeRefundedDirectlyRefundsTheOrder() {
        String key = Fixtures.newKey();
        PingppClient client = Fixtures.client(sandbox, key);
        Order order = client.orders().create(Fixtures.order(50, "user_009"));
        Order paying = client.orders().pay(order.getId(), new OrderPayRequest().chargeAmount(50L).channel("alipay"));
        new SandboxHttp(sandbox.baseUri(), key).pay(paying.getCharge());

        Refund refund = client.charges().refunds().create(paying.getCharge(), new RefundCreateRequest().amount(20L)
                .description("through the charge"));

        Order refunded = client.orders().retrieve(order.getId());
        assertThat(refunded.getStatus()).isEqualTo(Order.StatusEnum.REFUNDED);
        assertThat(refunded.getAmountRefunded()).isEqualTo(20L);
        assertThat(refunded.getRefunds().getData()).extracting(OrderRefund::getChargeRefund).containsExactly(refund.getId());
    }

    @Test
    void aRechargesChargeIsNotRefundedThroughTheChargeRefundOperation() {
        String key = Fixtures.newKey();
        PingppClient client = Fixtures.client(sandbox, key);
        Recharge recharge = client.recharges().create(new RechargeCreateRequest().user("u1")
                .charge(new RechargeChargeParams().amount(100L).channel("alipay").orderNo(Fixtures.orderNo())
                        .subject("s").body("b")));
        new SandboxHttp(sandbox.baseUri(), key).pay(recharge.getCharge().getId());

        assertThatThrownBy(() -> client.charges().refunds().create(recharge.getCharge().getId(),
                new RefundCreateRequest().description("no")))
                .isInstanceOf(ChannelException.class)
                .satisfies(e -> assertThat(((ChannelException) e).code()).isEqualTo("recharge_refund_required"));
    }
}
