package org.pingppopenapi.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pingppopenapi.client.ChannelException;
import org.pingppopenapi.client.InvalidRequestException;
import org.pingppopenapi.client.PingppClient;
import org.pingppopenapi.client.model.Charge;
import org.pingppopenapi.client.model.Order;
import org.pingppopenapi.client.model.OrderCancelRequest;
import org.pingppopenapi.client.model.OrderPayRequest;
import org.pingppopenapi.client.param.ListOrderChargesParams;
import org.pingppopenapi.client.param.ListOrdersParams;
import org.pingppopenapi.sandbox.time.VirtualTime;

/**
 * The order state rules of 002, with the sandbox's clock in the test's hands: canceled and expired orders cannot
 * be paid; paid and expired orders cannot be canceled; a payment opened before the cancellation still pays it.
 */
class OrderStateRulesTest {

    private static final OrderPayRequest PAY_WITH_ALIPAY = new OrderPayRequest().chargeAmount(100L).channel("alipay");

    private VirtualTime time;
    private Sandbox sandbox;
    private PingppClient client;
    private SandboxHttp http;

    @BeforeEach
    void start() {
        time = new VirtualTime(Instant.parse("2026-01-01T00:00:00Z"));
        sandbox = Sandbox.builder().clock(time).scheduler(time).start();
        String key = Fixtures.newKey();
        client = PingppClient.builder().apiKey(key).baseUrl(sandbox.baseUri()).clock(time).maxRetries(0).build();
        http = new SandboxHttp(sandbox.baseUri(), key);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void aPaidOrderCannotBeCanceled() {
        Order order = client.orders().create(Fixtures.order(100, "user_002"));
        http.pay(client.orders().pay(order.getId(), PAY_WITH_ALIPAY).getCharge());

        assertRefused(() -> client.orders().cancel(order.getId(), cancel()), "order_paid");
        assertThat(client.orders().retrieve(order.getId()).getStatus()).isEqualTo(Order.StatusEnum.PAID);
    }

    @Test
    void aCanceledOrderCannotBePaidNorCanceledAgain() {
        Order order = client.orders().create(Fixtures.order(100, "user_002"));

        Order canceled = client.orders().cancel(order.getId(), cancel());

        assertThat(canceled.getStatus()).isEqualTo(Order.StatusEnum.CANCELED);
        assertRefused(() -> client.orders().pay(order.getId(), PAY_WITH_ALIPAY), "order_canceled");
        assertRefused(() -> client.orders().cancel(order.getId(), cancel()), "order_canceled");
        assertThat(client.orders().list(ListOrdersParams.builder().app(Fixtures.APP).canceled(1).build()).data()).extracting(Order::getId).containsExactly(order.getId());
    }

    @Test
    void anExpiredOrderCanBeNeitherPaidNorCanceled() {
        Order order = client.orders().create(Fixtures.order(100, "user_002")
                .timeExpire(time.instant().getEpochSecond() + 600));

        time.advance(Duration.ofSeconds(601));

        assertRefused(() -> client.orders().pay(order.getId(), PAY_WITH_ALIPAY), "order_expired");
        assertRefused(() -> client.orders().cancel(order.getId(), cancel()), "order_expired");
        assertThat(client.orders().retrieve(order.getId()).getStatus()).isEqualTo(Order.StatusEnum.CREATED);
    }

    @Test
    void anOrderIsPayableUntilItsExpiryAndItsChargeUntilTheCharges() {
        Order order = client.orders().create(Fixtures.order(100, "user_002")
                .timeExpire(time.instant().getEpochSecond() + 600));
        time.advance(Duration.ofSeconds(600));
        Order paying = client.orders().pay(order.getId(), PAY_WITH_ALIPAY);
        assertThat(client.charges().retrieve(paying.getCharge()).getTimeExpire())
                .as("no later than the order").isEqualTo(order.getTimeExpire());

        time.advance(Duration.ofSeconds(1));

        assertThat(http.post("/sandbox/charges/" + paying.getCharge() + "/pay").error().get("code").asText())
                .isEqualTo("charge_closed");
    }

    @Test
    void aPaymentOpenedBeforeTheCancellationStillPaysTheOrder() {
        Order order = client.orders().create(Fixtures.order(100, "user_002"));
        Order paying = client.orders().pay(order.getId(), PAY_WITH_ALIPAY);
        client.orders().cancel(order.getId(), cancel());

        http.pay(paying.getCharge());

        Order paid = client.orders().retrieve(order.getId());
        assertThat(paid.getStatus()).isEqualTo(Order.StatusEnum.PAID);
        assertThat(paid.getPaid()).isTrue();
    }

    @Test
    void payingAgainReplacesTheUnpaidCharge() {
        Order order = client.orders().create(Fixtures.order(100, "user_002"));
        String first = client.orders().pay(order.getId(), PAY_WITH_ALIPAY).getCharge();
        String second = client.orders().pay(order.getId(), new OrderPayRequest().chargeAmount(100L).channel("wx")
                .chargeOrderNo(Fixtures.orderNo())).getCharge();

        assertThat(second).isNotEqualTo(first);
        assertThat(http.post("/sandbox/charges/" + first + "/pay").error().get("code").asText()).isEqualTo("charge_closed");
        http.pay(second);
        assertThat(client.orders().charges().list(order.getId(), ListOrderChargesParams.builder().paid(true).build()).data())
                .extracting(Charge::getId).containsExactly(second);
    }

    @Test
    void theAmountsPaidMustBeTheAmountDueAndNotBothBalanceAndChannel() {
        Order order = client.orders().create(Fixtures.order(100, "user_002"));

        assertThatThrownBy(() -> client.orders().pay(order.getId(), new OrderPayRequest().chargeAmount(99L).channel("alipay")))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).param()).isEqualTo("charge_amount"));
        assertThatThrownBy(() -> client.orders().pay(order.getId(), new OrderPayRequest().chargeAmount(50L).balanceAmount(50L)
                .channel("alipay")))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).param()).isEqualTo("balance_amount"));
    }

    @Test
    void theChargeOfAnOrderObeysItsChannelsRules() {
        Order order = client.orders().create(Fixtures.order(100, "user_002"));

        assertThatThrownBy(() -> client.orders().pay(order.getId(), new OrderPayRequest().chargeAmount(100L)
                .channel("upacp").chargeOrderNo("1234567")))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).param()).isEqualTo("charge_order_no"));
    }

    @Test
    void merchantOrderNumbersAreUniquePerAppAndTheCancellingUserMustBeTheOrders() {
        Order order = client.orders().create(Fixtures.order(100, "user_002"));

        assertThatThrownBy(() -> client.orders().create(Fixtures.order(100, "user_003")
                .merchantOrderNo(order.getMerchantOrderNo())))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).param()).isEqualTo("merchant_order_no"));
        assertThatThrownBy(() -> client.orders().cancel(order.getId(), cancel().user("user_003")))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).param()).isEqualTo("user"));
        assertThat(client.orders().cancel(order.getId(), cancel().user("USER_002")).getStatus())
                .as("uid is case-insensitive").isEqualTo(Order.StatusEnum.CANCELED);
    }

    private static OrderCancelRequest cancel() {
        return new OrderCancelRequest().status(OrderCancelRequest.StatusEnum.CANCELED);
    }

    private static void assertRefused(ThrowingCallable call, String code) {
        assertThatThrownBy(call)
                .isInstanceOf(ChannelException.class)
                .satisfies(e -> {
                    assertThat(((ChannelException) e).httpStatus()).isEqualTo(402);
                    assertThat(((ChannelException) e).code()).isEqualTo(code);
                });
    }
}
