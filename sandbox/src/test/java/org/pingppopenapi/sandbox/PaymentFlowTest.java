package org.pingppopenapi.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pingppopenapi.client.ChannelException;
import org.pingppopenapi.client.InvalidRequestException;
import org.pingppopenapi.client.PingppClient;
import org.pingppopenapi.client.Webhooks;
import org.pingppopenapi.client.model.Agreement;
import org.pingppopenapi.client.model.AgreementCancelRequest;
import org.pingppopenapi.client.model.AgreementCreateRequest;
import org.pingppopenapi.client.model.AgreementNotifyRequest;
import org.pingppopenapi.client.model.AgreementNotifyResult;
import org.pingppopenapi.client.model.AgreementStatus;
import org.pingppopenapi.client.model.BatchRefund;
import org.pingppopenapi.client.model.BatchRefundCharge;
import org.pingppopenapi.client.model.BatchRefundChargeParams;
import org.pingppopenapi.client.model.BatchRefundCreateRequest;
import org.pingppopenapi.client.model.CardInfo;
import org.pingppopenapi.client.model.CardInfoQueryRequest;
import org.pingppopenapi.client.model.Charge;
import org.pingppopenapi.client.model.Event;
import org.pingppopenapi.client.model.IdentificationCreateRequest;
import org.pingppopenapi.client.model.IdentificationData;
import org.pingppopenapi.client.model.IdentificationResult;
import org.pingppopenapi.client.model.Refund;
import org.pingppopenapi.client.model.RefundCreateRequest;
import org.pingppopenapi.client.model.SubBank;
import org.pingppopenapi.client.param.ListAgreementsParams;
import org.pingppopenapi.client.param.ListChargesParams;
import org.pingppopenapi.client.param.ListSubBanksParams;

/**
 * The other payment operations through the project's client against the sandbox (issue #15): batch refunds that
 * never refund more than a charge has left, charge reversals, an agreement's life, and the deterministic test
 * values of identification, card info and sub-banks. One sandbox for the class, one account (key) per test.
 */
class PaymentFlowTest {

    private static final String APP = Fixtures.APP;

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
    void aBatchRefundThatWouldExceedOneChargeRefundsNothing() {
        String key = Fixtures.newKey();
        PingppClient client = Fixtures.client(sandbox, key);
        Charge first = paidCharge(client, key, 100);
        Charge second = paidCharge(client, key, 100);
        client.charges().refunds().create(first.getId(), new RefundCreateRequest().amount(30L).description("partial"));

        assertThatThrownBy(() -> client.batchRefunds().create(batch("br" + Fixtures.orderNo(),
                item(second.getId(), 50L), item(first.getId(), 71L))))
                .isInstanceOf(ChannelException.class)
                .satisfies(e -> {
                    ChannelException refused = (ChannelException) e;
                    assertThat(refused.code()).isEqualTo("refund_amount_exceeded");
                    assertThat(refused.param()).isEqualTo("charges[1].amount");
                    assertThat(refused.getMessage()).contains("70 left to refund of charge " + first.getId());
                });
        assertThat(client.charges().retrieve(first.getId()).getAmountRefunded()).isEqualTo(30L);
        assertThat(client.charges().retrieve(second.getId()).getAmountRefunded())
                .as("the other charge of the refused batch is untouched").isEqualTo(0L);
        assertThat(client.batchRefunds().list().data()).isEmpty();

        String batchNo = "br" + Fixtures.orderNo();
        BatchRefund refunded = client.batchRefunds().create(batch(batchNo, item(second.getId(), 50L),
                item(first.getId(), null)));

        assertThat(refunded.getStatus()).isEqualTo(BatchRefund.StatusEnum.SUCCEEDED);
        assertThat(refunded.getTimeSucceeded()).isNotNull();
        assertThat(refunded.getCharges()).extracting(BatchRefundCharge::getStatus).containsOnly("succeeded");
        assertThat(refunded.getRefunds().getData()).extracting(Refund::getCharge, Refund::getAmount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(second.getId(), 50L),
                        org.assertj.core.groups.Tuple.tuple(first.getId(), 70L));
        assertThat(client.charges().retrieve(first.getId()).getRefunded()).isTrue();
        assertThat(client.charges().retrieve(second.getId()).getAmountRefunded()).isEqualTo(50L);
        assertThat(client.charges().refunds().list(second.getId(), null).data()).extracting(Refund::getId)
                .containsExactly(refunded.getRefunds().getData().get(0).getId());
        assertThat(client.batchRefunds().retrieve(refunded.getId()).getStatus()).isEqualTo(BatchRefund.StatusEnum.SUCCEEDED);
        assertThat(client.events().list().data()).extracting(Event::getType).first().isEqualTo("batch_refund.succeeded");

        assertThatThrownBy(() -> client.batchRefunds().create(batch(batchNo, item(second.getId(), 1L))))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).param()).isEqualTo("batch_no"));
        assertThatThrownBy(() -> client.batchRefunds().create(batch("br" + Fixtures.orderNo(), item(second.getId(), 1L),
                item(second.getId(), 1L))))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).param()).isEqualTo("charges[1].charge"));
        assertThatThrownBy(() -> client.batchRefunds().create(batch("br" + Fixtures.orderNo(),
                item("ch_000000000000000000000000", 1L))))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).param()).isEqualTo("charges[0].charge"));
    }

    @Test
    void batchedAndSingleRefundsRacingOnOneChargeNeverRefundMoreThanWasPaid() throws Exception {
        String key = Fixtures.newKey();
        PingppClient client = Fixtures.client(sandbox, key);
        Charge charge = paidCharge(client, key, 100);
        Charge other = paidCharge(client, key, 10_000);
        List<Callable<Boolean>> refunds = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            boolean batched = i % 2 == 0;
            refunds.add(() -> {
                try {
                    if (batched) {
                        client.batchRefunds().create(batch("br" + Fixtures.orderNo(), item(other.getId(), 1L),
                                item(charge.getId(), 10L)));
                    } else {
                        client.charges().refunds().create(charge.getId(), new RefundCreateRequest().amount(10L)
                                .description("single"));
                    }
                    return true;
                } catch (ChannelException refused) {
                    return false;
                }
            });
        }
        ExecutorService threads = Executors.newFixedThreadPool(40);
        long succeeded = 0;
        try {
            for (Future<Boolean> refund : threads.invokeAll(refunds)) {
                succeeded += refund.get() ? 1 : 0;
            }
        } finally {
            threads.shutdown();
            assertThat(threads.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(succeeded).isEqualTo(10);
        assertThat(client.charges().retrieve(charge.getId()).getAmountRefunded()).isEqualTo(100L);
        long batches = client.batchRefunds().list().data().size();
        assertThat(client.charges().retrieve(other.getId()).getAmountRefunded())
                .as("a batch refused for one charge refunds none of the others").isEqualTo(batches);
    }

    @Test
    void anUnpaidChargeIsClosedByItsReversalAndAPaidScanChargeRefunded() {
        String key = Fixtures.newKey();
        PingppClient client = Fixtures.client(sandbox, key);
        SandboxHttp http = new SandboxHttp(sandbox.baseUri(), key);
        Charge unpaid = client.charges().create(Fixtures.upacpCharge(100));

        Charge reversed = client.charges().reverse(unpaid.getId());

        assertThat(reversed.getReversed()).isTrue();
        assertThat(reversed.getPaid()).isFalse();
        SandboxHttp.Answer payAfterwards = http.post("/sandbox/charges/" + unpaid.getId() + "/pay");
        assertThat(payAfterwards.status()).isEqualTo(402);
        assertThat(payAfterwards.error().get("code").asText()).isEqualTo("charge_closed");
        assertThatThrownBy(() -> client.charges().reverse(unpaid.getId()))
                .isInstanceOf(ChannelException.class)
                .satisfies(e -> assertThat(((ChannelException) e).code()).isEqualTo("charge_closed"));
        assertThat(client.charges().list(ListChargesParams.builder().appId(APP).reversed(true).build()).data())
                .extracting(Charge::getId).containsExactly(unpaid.getId());

        Charge scan = client.charges().create(Fixtures.upacpCharge(100).channel("wx_pub_scan")
                .extra(Map.of("scan_code", "286801346868493272")));
        http.pay(scan.getId());
        Charge scanReversed = client.charges().reverse(scan.getId());
        assertThat(scanReversed.getReversed()).isTrue();
        assertThat(scanReversed.getRefunded()).as("a paid scan charge is refunded in full").isTrue();
        assertThat(scanReversed.getAmountRefunded()).isEqualTo(100L);
        assertThat(client.events().list().data()).extracting(Event::getType).first().isEqualTo("refund.succeeded");

        Charge paidOnline = paidCharge(client, key, 100);
        assertThatThrownBy(() -> client.charges().reverse(paidOnline.getId()))
                .as("a paid charge of a channel outside reversible_after_payment is refunded instead")
                .isInstanceOf(ChannelException.class)
                .satisfies(e -> assertThat(((ChannelException) e).code()).isEqualTo("charge_already_paid"));
        Charge applePay = client.charges().create(Fixtures.upacpCharge(100).channel("applepay_upacp"));
        assertThatThrownBy(() -> client.charges().reverse(applePay.getId()))
                .as("applepay_upacp is not in group reversible")
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).param()).isEqualTo("charge_id"));
    }

    @Test
    void anAgreementIsCreatedSignedNotifiedAndCanceled() throws Exception {
        String key = Fixtures.newKey();
        PingppClient client = Fixtures.client(sandbox, key);
        SandboxHttp http = new SandboxHttp(sandbox.baseUri(), key);
        String contractNo = Fixtures.orderNo();

        Agreement created = client.agreements().create(new AgreementCreateRequest().app(APP).contractNo(contractNo)
                .channel("qpay"));

        assertThat(created.getStatus()).isEqualTo(AgreementStatus.CREATED);
        assertThat(created.getContractId()).isNull();
        assertThat(created.getCredential().forChannel("qpay")).isPresent();
        assertThatThrownBy(() -> client.agreements().create(new AgreementCreateRequest().app(APP).contractNo(contractNo)
                .channel("qpay")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("该签约协议号 " + contractNo + " 在 qpay 渠道下已使用");
        assertThatThrownBy(() -> client.agreements().notify(created.getId(), new AgreementNotifyRequest().amount(100L)))
                .as("a pre-debit notice needs a signed agreement")
                .isInstanceOf(ChannelException.class);

        JsonNode signed = SandboxHttp.ok(http.post("/sandbox/agreements/" + created.getId() + "/sign"));

        assertThat(signed.get("status").asText()).isEqualTo("succeeded");
        Agreement succeeded = client.agreements().retrieve(created.getId());
        assertThat(succeeded.getStatus()).isEqualTo(AgreementStatus.SUCCEEDED);
        assertThat(succeeded.getContractId()).matches("[0-9]{34}");
        assertThat(succeeded.getTimeSucceeded()).isNotNull();
        Event signedEvent = client.events().list().data().get(0);
        assertThat(signedEvent.getType()).isEqualTo("agreement.succeeded");
        Event delivered = receiver.awaitEvent(Webhooks.withPublicKey(sandbox.webhookPublicKeyPem()), signedEvent.getId());
        assertThat(delivered.getData().getObject().as(Agreement.class)).get()
                .satisfies(agreement -> assertThat(agreement.getStatus()).isEqualTo(AgreementStatus.SUCCEEDED));

        AgreementNotifyResult notified = client.agreements().notify(created.getId(), new AgreementNotifyRequest().amount(100L));
        assertThat(notified.getId()).isEqualTo(created.getId());
        assertThat(notified.getSucceed()).isTrue();

        Agreement canceled = client.agreements().cancel(created.getId(), new AgreementCancelRequest()
                .status(AgreementCancelRequest.StatusEnum.CANCELED));
        assertThat(canceled.getStatus()).isEqualTo(AgreementStatus.CANCELED);
        assertThat(canceled.getTimeCanceled()).isNotNull();
        assertThat(client.events().list().data()).extracting(Event::getType)
                .containsExactly("agreement.canceled", "agreement.succeeded");
        assertThatThrownBy(() -> client.agreements().cancel(created.getId(), new AgreementCancelRequest()
                .status(AgreementCancelRequest.StatusEnum.CANCELED)))
                .isInstanceOf(ChannelException.class)
                .hasMessageContaining("该签约对象不能被更新状态。当前的状态为：canceled。");
        assertThat(http.post("/sandbox/agreements/" + created.getId() + "/sign").status()).isEqualTo(402);
        assertThat(client.agreements().list(ListAgreementsParams.builder().app(APP).build()).data())
                .extracting(Agreement::getId).containsExactly(created.getId());
    }

    @Test
    void identificationAnswersBySandboxTestValues() {
        PingppClient client = Fixtures.client(sandbox, Fixtures.newKey());

        IdentificationResult verified = client.identification().create(identification(
                IdentificationCreateRequest.TypeEnum.BANK_CARD, "310181198910107641", "6201111122223333"));
        IdentificationResult mismatch = client.identification().create(identification(
                IdentificationCreateRequest.TypeEnum.ID_CARD, "310181198910100001", null));
        IdentificationResult cardMismatch = client.identification().create(identification(
                IdentificationCreateRequest.TypeEnum.BANK_CARD, "310181198910107641", "6201111122220001"));
        IdentificationResult unverifiable = client.identification().create(identification(
                IdentificationCreateRequest.TypeEnum.ID_CARD, "310181198910100002", null));

        assertThat(verified.getResultCode()).isZero();
        assertThat(verified.getMessage()).isEqualTo("success");
        assertThat(verified.getPaid()).isTrue();
        assertThat(verified.getData()).containsEntry("card_number", "6201111122223333");
        assertThat(mismatch.getResultCode()).isEqualTo(1);
        assertThat(mismatch.getPaid()).isTrue();
        assertThat(cardMismatch.getResultCode()).isEqualTo(1);
        assertThat(unverifiable.getResultCode()).isEqualTo(2);
        assertThat(unverifiable.getPaid()).isFalse();
        assertThatThrownBy(() -> client.identification().create(identification(
                IdentificationCreateRequest.TypeEnum.ID_CARD, "310181198910107641", "6201111122223333")))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).param()).isEqualTo("data.card_number"));
    }

    @Test
    void cardInfoAndSubBanksAnswerTheirTestValues() {
        PingppClient client = Fixtures.client(sandbox, Fixtures.newKey());

        CardInfo credit = client.cardInfo().query(new CardInfoQueryRequest().app(APP).bankAccount("6222280012469823"));
        CardInfo debit = client.cardInfo().query(new CardInfoQueryRequest().app(APP).bankAccount("6228480402564890018"));

        assertThat(credit.getCardBin()).isEqualTo("622228");
        assertThat(credit.getCardType()).isEqualTo(2);
        assertThat(credit.getOpenBankCode()).isEqualTo("0310");
        assertThat(credit.getOpenBank()).isEqualTo("浦东发展银行");
        assertThat(credit.getSupportChannels()).doesNotContain("jdpay");
        assertThat(debit.getCardType()).isZero();
        assertThat(debit.getOpenBankCode()).isEqualTo("0103");
        assertThat(debit.getSupportChannels()).contains("jdpay");
        assertThatThrownBy(() -> client.cardInfo().query(new CardInfoQueryRequest().app(APP).bankAccount("6000000000000000")))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).param()).isEqualTo("bank_account"));

        List<SubBank> ningbo = client.subBanks().list(ListSubBanksParams.builder().app(APP).openBankCode("0308")
                .prov("浙江省").city("宁波市").channel("chanpay").build()).getData();
        assertThat(ningbo).isNotEmpty().allSatisfy(branch -> {
            assertThat(branch.getProv()).isEqualTo("浙江省");
            assertThat(branch.getCity()).isEqualTo("宁波市");
            assertThat(branch.getSubBankCode()).matches("308[0-9]{9}");
        });
        assertThat(client.subBanks().list(ListSubBanksParams.builder().app(APP).openBankCode("0308").prov("浙江省")
                .city("杭州市").channel("chanpay").build()).getData()).isEmpty();
    }

    private static Charge paidCharge(PingppClient client, String key, long amount) {
        Charge charge = client.charges().create(Fixtures.upacpCharge(amount));
        new SandboxHttp(sandbox.baseUri(), key).pay(charge.getId());
        return charge;
    }

    private static BatchRefundCreateRequest batch(String batchNo, BatchRefundChargeParams... items) {
        return new BatchRefundCreateRequest().app(APP).batchNo(batchNo).description("batch refund")
                .charges(List.of(items));
    }

    private static BatchRefundChargeParams item(String charge, Long amount) {
        return new BatchRefundChargeParams().charge(charge).amount(amount);
    }

    private static IdentificationCreateRequest identification(IdentificationCreateRequest.TypeEnum type, String idNumber,
            String cardNumber) {
        return new IdentificationCreateRequest().type(type).app(APP)
                .data(new IdentificationData().idName("张三").idNumber(idNumber).cardNumber(cardNumber));
    }
}
