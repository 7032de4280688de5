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
import org.pingppopenapi.client.Page;
import org.pingppopenapi.client.PingppClient;
import org.pingppopenapi.client.SignatureVerificationException;
import org.pingppopenapi.client.Webhooks;
import org.pingppopenapi.client.model.Charge;
import org.pingppopenapi.client.model.Event;
import org.pingppopenapi.client.model.Refund;
import org.pingppopenapi.client.model.RefundCreateRequest;
import org.pingppopenapi.client.param.ListChargeRefundsParams;

/**
 * A charge's life through the project's client: created unpaid with a UnionPay credential, paid by the customer
 * (the sandbox-only endpoint), refunded in part and then in full, an over-refund refused; its events listed, and
 * delivered as webhooks that the client's verifier accepts.
 */
class ChargeFlowTest {

    private static WebhookReceiver receiver;
    private static Sandbox sandbox;

    @BeforeAll
    static void start() {
        receiver = WebhookReceiver.accepting();
        sandbox = Sandbox.builder().webhookUrl(receiver.url()).start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
        receiver.close();
    }

    @Test
    void aChargeIsPaidRefundedInPartsAndReportedByEventsAndSignedWebhooks() throws Exception {
        String key = Fixtures.newKey();
        PingppClient client = Fixtures.client(sandbox, key);
        SandboxHttp http = new SandboxHttp(sandbox.baseUri(), key);

        Charge created = client.charges().create(Fixtures.upacpCharge(100));
        assertThat(created.getPaid()).isFalse();
        assertThat(created.getLivemode()).isFalse();
        assertThat(created.getCredential().channels()).contains("upacp");
        assertThat(created.getCredential().forChannel("upacp").orElseThrow().get("tn").asText()).matches("[0-9]{21}");
        assertThat(created.getTimeExpire()).isEqualTo(created.getCreated() + 3600);
        assertThatThrownBy(() -> client.charges().refunds().create(created.getId(), refund(10L, "too early")))
                .isInstanceOf(ChannelException.class)
                .satisfies(e -> assertThat(((ChannelException) e).code()).isEqualTo("charge_not_paid"));

        http.pay(created.getId());
        Charge paid = client.charges().retrieve(created.getId());
        assertThat(paid.getPaid()).isTrue();
        assertThat(paid.getTimePaid()).isNotNull();
        assertThat(paid.getTransactionNo()).matches("[0-9]{28}");

        Refund partial = client.charges().refunds().create(created.getId(), refund(30L, "partial"));
        assertThat(partial.getAmount()).isEqualTo(30L);
        assertThat(partial.getStatus()).isEqualTo(Refund.StatusEnum.SUCCEEDED);
        Charge partlyRefunded = client.charges().retrieve(created.getId());
        assertThat(partlyRefunded.getAmountRefunded()).isEqualTo(30L);
        assertThat(partlyRefunded.getRefunded()).isFalse();

        assertThatThrownBy(() -> client.charges().refunds().create(created.getId(), refund(71L, "too much")))
                .isInstanceOf(ChannelException.class)
                .satisfies(e -> {
                    ChannelException refused = (ChannelException) e;
                    assertThat(refused.httpStatus()).isEqualTo(402);
                    assertThat(refused.code()).isEqualTo("refund_amount_exceeded");
                    assertThat(refused.param()).isEqualTo("amount");
                });

        Refund rest = client.charges().refunds().create(created.getId(), refund(null, "the rest"));
        assertThat(rest.getAmount()).isEqualTo(70L);
        Charge refunded = client.charges().retrieve(created.getId());
        assertThat(refunded.getAmountRefunded()).isEqualTo(100L);
        assertThat(refunded.getRefunded()).isTrue();
        assertThat(refunded.getRefunds().getData()).extracting(Refund::getId).containsExactly(rest.getId(), partial.getId());
        assertThatThrownBy(() -> client.charges().refunds().create(created.getId(), refund(1L, "nothing left")))
                .isInstanceOf(ChannelException.class)
                .satisfies(e -> assertThat(((ChannelException) e).code()).isEqualTo("charge_refunded"));

        Page<Refund> refunds = client.charges().refunds().list(created.getId(), ListChargeRefundsParams.builder().build());
        assertThat(refunds.data()).extracting(Refund::getAmount).containsExactly(70L, 30L);
        assertThat(client.charges().refunds().retrieve(created.getId(), partial.getId()).getDescription()).isEqualTo("partial");

        Page<Event> events = client.events().list();
        assertThat(events.data()).extracting(Event::getType)
                .containsExactly("refund.succeeded", "refund.succeeded", "charge.succeeded");
        Event chargeSucceeded = client.events().retrieve(events.data().get(2).getId());
        assertThat(chargeSucceeded.getData().getObject().as(Charge.class)).get()
                .satisfies(charge -> assertThat(charge.getPaid()).isTrue());

        Webhooks webhooks = Webhooks.withPublicKey(sandbox.webhookPublicKeyPem());
        List<Event> delivered = receiver.awaitDeliveries(3).stream()
                .map(delivery -> webhooks.verify(delivery.body(), delivery.headers()))
                .filter(event -> event.getAcctId().equals(chargeSucceeded.getAcctId()))
                .toList();
        assertThat(delivered).extracting(Event::getId)
                .containsExactlyInAnyOrderElementsOf(events.data().stream().map(Event::getId).toList());
        WebhookReceiver.Delivery first = receiver.deliveries().get(0);
        byte[] tampered = first.body().clone();
        tampered[tampered.length - 2] ^= 1;
        assertThatThrownBy(() -> webhooks.verify(tampered, first.headers())).isInstanceOf(SignatureVerificationException.class);
    }

    @Test
    void orderNumbersAreUniquePerAppAndChannelFamily() {
        PingppClient client = Fixtures.client(sandbox, Fixtures.newKey());
        Charge wxPub = client.charges().create(Fixtures.upacpCharge(100).channel("wx_pub")
                .extra(Map.of("open_id", "o-user")));

        assertThatThrownBy(() -> client.charges().create(Fixtures.upacpCharge(100).orderNo(wxPub.getOrderNo())
                .channel("wx").extra(null)))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).param()).isEqualTo("order_no"));
        Charge alipay = client.charges().create(Fixtures.upacpCharge(100).orderNo(wxPub.getOrderNo()).channel("alipay"));
        assertThat(alipay.getOrderNo()).isEqualTo(wxPub.getOrderNo());
        assertThat(wxPub.getTimeExpire()).as("WeChat's default expiry").isEqualTo(wxPub.getCreated() + 7200);
        assertThat(alipay.getTimeExpire()).as("the default expiry").isEqualTo(alipay.getCreated() + 86400);
        assertThat(alipay.getCredential().forChannel("alipay").orElseThrow().get("orderInfo").asText()).contains(wxPub.getOrderNo());
    }

    @Test
    void aFailedPaymentClosesTheCharge() {
        String key = Fixtures.newKey();
        PingppClient client = Fixtures.client(sandbox, key);
        SandboxHttp http = new SandboxHttp(sandbox.baseUri(), key);
        Charge charge = client.charges().create(Fixtures.upacpCharge(100));

        SandboxHttp.Answer failed = http.post("/sandbox/charges/" + charge.getId() + "/fail?failure_code=card_declined");
        SandboxHttp.Answer payAfterwards = http.post("/sandbox/charges/" + charge.getId() + "/pay");

        assertThat(failed.status()).isEqualTo(200);
        assertThat(failed.json().get("failure_code").asText()).isEqualTo("card_declined");
        assertThat(payAfterwards.status()).isEqualTo(402);
        assertThat(payAfterwards.error().get("code").asText()).isEqualTo("charge_closed");
        assertThat(client.events().list().data()).isEmpty();
    }

    @Test
    void anotherKeyIsAnotherAccount() {
        PingppClient mine = Fixtures.client(sandbox, Fixtures.newKey());
        PingppClient theirs = Fixtures.client(sandbox, Fixtures.newKey());
        Charge charge = mine.charges().create(Fixtures.upacpCharge(100));

        assertThatThrownBy(() -> theirs.charges().retrieve(charge.getId()))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).httpStatus()).isEqualTo(404));
        Charge reused = theirs.charges().create(Fixtures.upacpCharge(100).orderNo(charge.getOrderNo()));
        assertThat(reused.getId()).isNotEqualTo(charge.getId());
    }

    private static RefundCreateRequest refund(Long amount, String description) {
        return new RefundCreateRequest().amount(amount).description(description);
    }
}
