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
import org.pingppopenapi.client.model.AppReference;
import org.pingppopenapi.client.model.BatchTransfer;
import org.pingppopenapi.client.model.BatchTransferCancelRequest;
import org.pingppopenapi.client.model.BatchTransferCreateRequest;
import org.pingppopenapi.client.model.BatchTransferRecipient;
import org.pingppopenapi.client.model.BatchTransferRecipientParams;
import org.pingppopenapi.client.model.BatchTransferStatus;
import org.pingppopenapi.client.model.Event;
import org.pingppopenapi.client.model.RedEnvelope;
import org.pingppopenapi.client.model.RedEnvelopeCreateRequest;
import org.pingppopenapi.client.model.RedEnvelopeExtra;
import org.pingppopenapi.client.model.RedEnvelopeStatus;
import org.pingppopenapi.client.model.Transfer;
import org.pingppopenapi.client.model.TransferCancelRequest;
import org.pingppopenapi.client.model.TransferCreateRequest;
import org.pingppopenapi.client.model.TransferStatus;
import org.pingppopenapi.client.model.TransferType;
import org.pingppopenapi.client.param.ListEventsParams;

/**
 * Payouts through the project's client against the sandbox (issue #15): transfers paid, failed, canceled and
 * reversed through the sandbox's endpoints, with their events and signed webhooks; a batch transfer with a failing
 * recipient; a red envelope sent and received. One sandbox for the class, one account (key) per test.
 */
class PayoutFlowTest {

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
    void aTransferIsPaidByTheSandboxAndAnnouncedByASignedWebhook() throws Exception {
        String key = Fixtures.newKey();
        PingppClient client = Fixtures.client(sandbox, key);
        SandboxHttp http = new SandboxHttp(sandbox.baseUri(), key);

        Transfer created = client.transfers().create(wxTransfer(100));
        assertThat(created.getStatus()).isEqualTo(TransferStatus.PENDING);
        assertThat(created.getTimeTransferred()).isNull();
        assertThat(created.getTransactionNo()).isNull();
        assertThat(created.getBatchNo()).isNull();
        assertThat(created.getApp().id()).isEqualTo(APP);
        assertThat(client.transfers().retrieve(created.getId()).getStatus())
                .as("retrieving moves nothing in the sandbox").isEqualTo(TransferStatus.PENDING);
        assertThat(client.events().list().data()).isEmpty();

        JsonNode paidBySandbox = SandboxHttp.ok(http.post("/sandbox/transfers/" + created.getId() + "/pay"));
        Transfer paid = client.transfers().retrieve(created.getId());

        assertThat(paidBySandbox.get("status").asText()).isEqualTo("paid");
        assertThat(paid.getStatus()).isEqualTo(TransferStatus.PAID);
        assertThat(paid.getTimeTransferred()).isNotNull();
        assertThat(paid.getTransactionNo()).matches("[0-9]{28}");
        List<Event> events = client.events().list().data();
        assertThat(events).extracting(Event::getType).containsExactly("transfer.succeeded");
        assertThat(events.get(0).getData().getObject().as(Transfer.class)).get()
                .satisfies(transfer -> assertThat(transfer.getStatus()).isEqualTo(TransferStatus.PAID));
        assertThat(events.get(0).getRequest()).as("the channel paid it, no API request").isNull();
        Webhooks webhooks = Webhooks.withPublicKey(sandbox.webhookPublicKeyPem());
        assertThat(receiver.awaitEvent(webhooks, events.get(0).getId()).getType()).isEqualTo("transfer.succeeded");

        SandboxHttp.Answer payAgain = http.post("/sandbox/transfers/" + created.getId() + "/pay");
        assertThat(payAgain.status()).isEqualTo(402);
        assertThat(payAgain.error().get("code").asText()).isEqualTo("transfer_unexpected_status");
        assertThatThrownBy(() -> client.transfers().create(wxTransfer(100).orderNo(created.getOrderNo())))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).param()).isEqualTo("order_no"))
                .hasMessageContaining(created.getId());
    }

    @Test
    void aPendingTransferCanBeCanceledAndAPaidOneCannot() {
        String key = Fixtures.newKey();
        PingppClient client = Fixtures.client(sandbox, key);
        SandboxHttp http = new SandboxHttp(sandbox.baseUri(), key);
        Transfer pending = client.transfers().create(wxTransfer(100));
        Transfer toPay = client.transfers().create(wxTransfer(200));
        SandboxHttp.ok(http.post("/sandbox/transfers/" + toPay.getId() + "/pay"));

        Transfer canceled = client.transfers().cancel(pending.getId(), cancel());

        assertThat(canceled.getStatus()).isEqualTo(TransferStatus.CANCELED);
        assertThat(client.transfers().retrieve(pending.getId()).getStatus()).isEqualTo(TransferStatus.CANCELED);
        assertThat(http.post("/sandbox/transfers/" + pending.getId() + "/pay").status())
                .as("a canceled transfer is never paid").isEqualTo(402);
        assertThatThrownBy(() -> client.transfers().cancel(toPay.getId(), cancel()))
                .isInstanceOf(ChannelException.class)
                .satisfies(e -> {
                    ChannelException refused = (ChannelException) e;
                    assertThat(refused.code()).isEqualTo("transfer_unexpected_status");
                    assertThat(refused.param()).isEqualTo("status");
                    assertThat(refused.getMessage()).contains("is paid");
                });
        assertThatThrownBy(() -> client.transfers().reverse(toPay.getId())).isInstanceOf(ChannelException.class);
        assertThat(client.transfers().retrieve(toPay.getId()).getStatus()).isEqualTo(TransferStatus.PAID);
        assertThat(client.events().list().data()).extracting(Event::getType)
                .containsExactly("transfer.canceled", "transfer.succeeded");

        Transfer scheduled = client.transfers().create(new TransferCreateRequest().app(new AppReference().id(APP))
                .channel("unionpay").orderNo(Fixtures.orderNo().substring(0, 11)).amount(100L).type(TransferType.B2C)
                .currency("cny").description("unionpay")
                .extra(Map.of("card_number", "6228480402564890018", "user_name", "张三", "open_bank_code", "0103")));
        assertThat(scheduled.getStatus()).as("UnionPay waits before sending").isEqualTo(TransferStatus.SCHEDULED);
        assertThat(client.transfers().reverse(scheduled.getId()).getStatus()).isEqualTo(TransferStatus.CANCELED);
        assertThatThrownBy(() -> client.transfers().create(new TransferCreateRequest().app(new AppReference().id(APP))
                .channel("unionpay").orderNo(Fixtures.orderNo().substring(0, 11)).amount(100L).type(TransferType.B2C)
                .currency("cny").extra(Map.of("card_number", "6228480402564890018", "user_name", "张三"))))
                .as("the payee's bank, by code or name")
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).param()).isEqualTo("extra.open_bank_code"));
    }

    @Test
    void aFailedTransferIsAnnouncedAndEndsThere() {
        String key = Fixtures.newKey();
        PingppClient client = Fixtures.client(sandbox, key);
        SandboxHttp http = new SandboxHttp(sandbox.baseUri(), key);
        Transfer transfer = client.transfers().create(wxTransfer(100));

        JsonNode failed = SandboxHttp.ok(http.post("/sandbox/transfers/" + transfer.getId()
                + "/fail?failure_code=NAME_MISMATCH&failure_msg=wrong%20name"));

        assertThat(failed.get("status").asText()).isEqualTo("failed");
        Transfer retrieved = client.transfers().retrieve(transfer.getId());
        assertThat(retrieved.getFailureCode()).isEqualTo("NAME_MISMATCH");
        assertThat(retrieved.getFailureMsg()).isEqualTo("wrong name");
        assertThat(client.events().list().data()).extracting(Event::getType).containsExactly("transfer.failed");
        assertThatThrownBy(() -> client.transfers().cancel(transfer.getId(), cancel())).isInstanceOf(ChannelException.class);
    }

    @Test
    void oneOrderNumberConcurrentlyMakesExactlyOneTransfer() throws Exception {
        PingppClient client = Fixtures.client(sandbox, Fixtures.newKey());
        String orderNo = Fixtures.orderNo();
        List<Callable<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            attempts.add(() -> {
                try {
                    client.transfers().create(wxTransfer(100).orderNo(orderNo));
                    return true;
                } catch (InvalidRequestException refused) {
                    return false;
                }
            });
        }
        ExecutorService threads = Executors.newFixedThreadPool(40);
        try {
            long made = 0;
            for (Future<Boolean> attempt : threads.invokeAll(attempts)) {
                made += attempt.get() ? 1 : 0;
            }
            assertThat(made).isEqualTo(1);
        } finally {
            threads.shutdown();
            assertThat(threads.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(client.transfers().list().data()).hasSize(1);
    }

    @Test
    void aBatchTransferWithAFailingRecipientPartlySucceeds() throws Exception {
        String key = Fixtures.newKey();
        PingppClient client = Fixtures.client(sandbox, key);
        SandboxHttp http = new SandboxHttp(sandbox.baseUri(), key);
        String batchNo = "batch" + Fixtures.orderNo();

        assertThatThrownBy(() -> client.batchTransfers().create(alipayBatch(batchNo, 599L, 100, 200, 300)))
                .as("amount is the sum of the recipients' amounts")
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).param()).isEqualTo("amount"));
        BatchTransfer batch = client.batchTransfers().create(alipayBatch(batchNo, 600L, 100, 200, 300));

        assertThat(batch.getStatus()).isEqualTo(BatchTransferStatus.PENDING);
        assertThat(batch.getRecipients()).extracting(BatchTransferRecipient::getStatus)
                .containsOnly(TransferStatus.PENDING);
        List<String> transfers = batch.getRecipients().stream().map(BatchTransferRecipient::getTransfer).toList();
        assertThat(transfers).doesNotContainNull().doesNotHaveDuplicates();
        Transfer second = client.transfers().retrieve(transfers.get(1));
        assertThat(second.getBatchNo()).isEqualTo(batchNo);
        assertThat(second.getAmount()).isEqualTo(200L);
        assertThat(second.getRecipient()).isEqualTo("recipient1@example.com");
        assertThatThrownBy(() -> client.batchTransfers().create(alipayBatch(batchNo, 600L, 100, 200, 300)))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).param()).isEqualTo("batch_no"));

        SandboxHttp.ok(http.post("/sandbox/transfers/" + transfers.get(1) + "/fail?failure_msg=account%20closed"));
        assertThat(client.batchTransfers().retrieve(batch.getId()).getStatus())
                .as("two recipients are still being paid").isEqualTo(BatchTransferStatus.PENDING);
        SandboxHttp.ok(http.post("/sandbox/batch_transfers/" + batch.getId() + "/pay"));
        BatchTransfer ended = client.batchTransfers().retrieve(batch.getId());

        assertThat(ended.getStatus()).isEqualTo(BatchTransferStatus.PARTIALLY_SUCCEEDED);
        assertThat(ended.getRecipients()).extracting(BatchTransferRecipient::getStatus)
                .containsExactly(TransferStatus.PAID, TransferStatus.FAILED, TransferStatus.PAID);
        assertThat(ended.getRecipients().get(1).getFailureMsg()).isEqualTo("account closed");
        assertThat(ended.getTimeSucceeded()).isNotNull();
        List<String> types = client.events().list(ListEventsParams.builder().limit(20).build()).data().stream()
                .map(Event::getType).toList();
        assertThat(types).containsExactly("batch_transfer.succeeded", "transfer.succeeded", "transfer.succeeded",
                "transfer.failed");
        Event batchEvent = client.events().list(ListEventsParams.builder().type("batch_transfer.succeeded").build())
                .data().get(0);
        assertThat(batchEvent.getData().getObject().as(BatchTransfer.class)).get()
                .satisfies(announced -> assertThat(announced.getStatus()).isEqualTo(BatchTransferStatus.PARTIALLY_SUCCEEDED));
        assertThat(receiver.awaitEvent(Webhooks.withPublicKey(sandbox.webhookPublicKeyPem()), batchEvent.getId())
                .getType()).isEqualTo("batch_transfer.succeeded");
        assertThatThrownBy(() -> client.batchTransfers().cancel(batch.getId(), batchCancel()))
                .isInstanceOf(ChannelException.class)
                .satisfies(e -> assertThat(((ChannelException) e).code()).isEqualTo("batch_transfer_unexpected_status"));
    }

    @Test
    void aBatchWhoseEveryRecipientFailsFailsAndAScheduledOneCanBeCanceled() {
        String key = Fixtures.newKey();
        PingppClient client = Fixtures.client(sandbox, key);
        SandboxHttp http = new SandboxHttp(sandbox.baseUri(), key);
        BatchTransfer doomed = client.batchTransfers().create(alipayBatch("batch" + Fixtures.orderNo(), 300L, 100, 200));
        doomed.getRecipients().forEach(recipient ->
                SandboxHttp.ok(http.post("/sandbox/transfers/" + recipient.getTransfer() + "/fail")));

        assertThat(client.batchTransfers().retrieve(doomed.getId()).getStatus()).isEqualTo(BatchTransferStatus.FAILED);
        assertThat(client.events().list(ListEventsParams.builder().type("batch_transfer.failed").build()).data()).hasSize(1);

        BatchTransfer scheduled = client.batchTransfers().create(new BatchTransferCreateRequest().app(APP)
                .batchNo("batch" + Fixtures.orderNo()).channel("unionpay").amount(100L).description("wages")
                .type(TransferType.B2C).currency("cny").recipients(List.of(new BatchTransferRecipientParams()
                        .account("6228480402564890018").name("张三").openBankCode("0103").amount(100L))));
        assertThat(scheduled.getStatus()).isEqualTo(BatchTransferStatus.SCHEDULED);
        BatchTransfer canceled = client.batchTransfers().cancel(scheduled.getId(), batchCancel());

        assertThat(canceled.getStatus()).isEqualTo(BatchTransferStatus.CANCELED);
        assertThat(canceled.getRecipients()).extracting(BatchTransferRecipient::getStatus).containsOnly(TransferStatus.CANCELED);
        assertThat(client.transfers().retrieve(canceled.getRecipients().get(0).getTransfer()).getStatus())
                .isEqualTo(TransferStatus.CANCELED);
        assertThat(client.events().list(ListEventsParams.builder().type("batch_transfer.canceled").build()).data()).hasSize(1);
    }

    @Test
    void aRedEnvelopeIsSentThenReceivedOrGoesBack() throws Exception {
        String key = Fixtures.newKey();
        PingppClient client = Fixtures.client(sandbox, key);
        SandboxHttp http = new SandboxHttp(sandbox.baseUri(), key);

        RedEnvelope sent = client.redEnvelopes().create(redEnvelope());
        assertThat(sent.getStatus()).isEqualTo(RedEnvelopeStatus.SENT);
        assertThat(sent.getReceived()).isNull();
        assertThat(client.events().list().data()).extracting(Event::getType).containsExactly("red_envelope.sent");

        JsonNode received = SandboxHttp.ok(http.post("/sandbox/red_envelopes/" + sent.getId() + "/receive"));

        assertThat(received.get("status").asText()).isEqualTo("received");
        RedEnvelope opened = client.redEnvelopes().retrieve(sent.getId());
        assertThat(opened.getStatus()).isEqualTo(RedEnvelopeStatus.RECEIVED);
        assertThat(opened.getReceived()).isNotNull();
        List<Event> events = client.events().list().data();
        assertThat(events).extracting(Event::getType).containsExactly("red_envelope.received", "red_envelope.sent");
        Event webhook = receiver.awaitEvent(Webhooks.withPublicKey(sandbox.webhookPublicKeyPem()), events.get(0).getId());
        assertThat(webhook.getData().getObject().as(RedEnvelope.class)).get()
                .satisfies(envelope -> assertThat(envelope.getStatus()).isEqualTo(RedEnvelopeStatus.RECEIVED));
        assertThat(http.post("/sandbox/red_envelopes/" + sent.getId() + "/refund").status())
                .as("an opened envelope does not go back").isEqualTo(402);

        RedEnvelope unopened = client.redEnvelopes().create(redEnvelope());
        SandboxHttp.ok(http.post("/sandbox/red_envelopes/" + unopened.getId() + "/refund"));
        RedEnvelope back = client.redEnvelopes().retrieve(unopened.getId());
        assertThat(back.getStatus()).isEqualTo(RedEnvelopeStatus.REFUND);
        assertThat(back.getRefunded()).isNotNull();
        assertThatThrownBy(() -> client.redEnvelopes().create(redEnvelope().orderNo(sent.getOrderNo())))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).param()).isEqualTo("order_no"));
    }

    private static TransferCreateRequest wxTransfer(long amount) {
        return new TransferCreateRequest().app(new AppReference().id(APP)).channel("wx_pub").orderNo(Fixtures.orderNo())
                .amount(amount).type(TransferType.B2C).currency("cny").recipient("o9zpMs9jIaLynQY9N6yxcZ")
                .description("Your Description");
    }

    private static BatchTransferCreateRequest alipayBatch(String batchNo, long amount, long... amounts) {
        List<BatchTransferRecipientParams> recipients = new ArrayList<>();
        for (int i = 0; i < amounts.length; i++) {
            recipients.add(new BatchTransferRecipientParams().account("recipient" + i + "@example.com").name("张三")
                    .amount(amounts[i]));
        }
        return new BatchTransferCreateRequest().app(APP).batchNo(batchNo).channel("alipay").amount(amount)
                .description("commissions").type(TransferType.B2C).currency("cny").recipients(recipients);
    }

    private static RedEnvelopeCreateRequest redEnvelope() {
        return new RedEnvelopeCreateRequest().app(new AppReference().id(APP)).channel("wx_pub").orderNo(Fixtures.orderNo())
                .amount(100L).currency("cny").recipient("o9zpMs9jIaLynQY9N6yxcZ").subject("Your Subject").body("Your Body")
                .description("Your Description").extra(new RedEnvelopeExtra().sendName("Send Name"));
    }

    private static TransferCancelRequest cancel() {
        return new TransferCancelRequest().status(TransferCancelRequest.StatusEnum.CANCELED);
    }

    private static BatchTransferCancelRequest batchCancel() {
        return new BatchTransferCancelRequest().status(BatchTransferCancelRequest.StatusEnum.CANCELED);
    }
}
