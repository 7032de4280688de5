package org.pingppopenapi.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.pingppopenapi.sandbox.domain.Account;
import org.pingppopenapi.sandbox.domain.IdGenerator;
import org.pingppopenapi.sandbox.store.StoredObject;
import org.pingppopenapi.server.model.BalanceTransaction;

/**
 * What moves payouts on (issue #15), shared by the transfer, batch transfer and red envelope resources and the
 * sandbox's own endpoints: the objects live in the generic store, their states change here.
 * <ul>
 *   <li>A transfer is {@code pending} ({@code scheduled} on {@code unionpay}) until the sandbox pays it
 *       ({@code paid}, {@code transfer.succeeded}) or fails it ({@code failed}, {@code transfer.failed}); it can be
 *       canceled or reversed only before that ({@code canceled}, {@code transfer.canceled}). Time never moves it,
 *       and retrieving it changes nothing (unlike Ping++'s test mode, whose retrieval moves it on).</li>
 *   <li>A batch transfer follows its transfers: once each is paid, failed or canceled it is {@code succeeded} (all
 *       paid), {@code failed} (none) or {@code partially_succeeded}; {@code batch_transfer.succeeded} for any success
 *       (the document: the succeeded part of a batch is announced too), {@code batch_transfer.failed} otherwise.</li>
 *   <li>A red envelope is {@code sent} at once ({@code red_envelope.sent}), then {@code received}
 *       ({@code red_envelope.received}) or, unopened, {@code refund} ({@code red_envelope.refunded}).</li>
 * </ul>
 * Every change is an event of the object after the change; events caused by the sandbox's endpoints (what the
 * channel or the payee does) name no API request.
 */
final class Payouts {

    static final String TRANSFERS = "/v1/transfers";
    static final String BATCH_TRANSFERS = "/v1/batch_transfers";
    static final String RED_ENVELOPES = "/v1/red_envelopes";

    static final String SCHEDULED = "scheduled";
    static final String PENDING = "pending";
    static final String PAID = "paid";
    static final String FAILED = "failed";
    static final String CANCELED = "canceled";
    private static final Set<String> NOT_SENT = Set.of(SCHEDULED, PENDING);
    private static final Set<String> TRANSFER_FINAL = Set.of(PAID, FAILED, CANCELED);
    /** UnionPay waits about 5 minutes before sending a transfer (Go's batch transfer example); it stays scheduled. */
    private static final String WAITS_BEFORE_SENDING = "unionpay";
    static final String BALANCE = "balance";

    static final String DEFAULT_FAILURE_CODE = "sandbox_transfer_failed";
    static final String DEFAULT_FAILURE_MSG = "The sandbox failed the transfer.";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final IdGenerator RANDOM = new IdGenerator();

    private final Account account;
    private final Clock clock;

    Payouts(Account account, Clock clock) {
        this.account = account;
        this.clock = clock;
    }

    /** The status a new transfer or batch transfer of {@code channel} starts in. */
    static String initialStatus(String channel) {
        return WAITS_BEFORE_SENDING.equals(channel) ? SCHEDULED : PENDING;
    }

    /** Sets what a new transfer holds besides its request: not sent yet, no outcome, maybe part of a batch. */
    static void newTransfer(ObjectNode transfer, String batchNo) {
        transfer.put("status", initialStatus(transfer.path("channel").asText()));
        transfer.put("livemode", false);
        transfer.putNull("time_transferred");
        transfer.putNull("transaction_no");
        transfer.putNull("failure_code");
        transfer.putNull("failure_msg");
        if (batchNo == null) {
            transfer.putNull("batch_no");
        } else {
            transfer.put("batch_no", batchNo);
        }
        transfer.put("amount_settle", transfer.path("amount").asLong());
        nullWhenMissing(transfer, "recipient", "description");
        emptyWhenMissing(transfer, "extra", "metadata");
    }

    /** The sandbox pays a transfer that has not been sent: {@code paid}, {@code transfer.succeeded}. */
    ObjectNode payTransfer(String id) {
        StoredObject transfer = StateChanges.find(account, TRANSFERS, "transfer", id);
        ObjectNode paid = StateChanges.change(transfer, "transfer", "paid", NOT_SENT, json -> {
            json.put("status", PAID);
            json.put("time_transferred", now());
            json.put("transaction_no", transactionNo(json.path("channel").asText()));
        });
        if (BALANCE.equals(paid.path("channel").asText())) {
            creditRecipient(paid);
        }
        account.events().record("transfer.succeeded", paid.path("app").asText(), paid, false);
        batchOf(paid);
        return paid;
    }

    /** The sandbox fails a transfer that has not been sent: {@code failed}, {@code transfer.failed}. */
    ObjectNode failTransfer(String id, String failureCode, String failureMsg) {
        StoredObject transfer = StateChanges.find(account, TRANSFERS, "transfer", id);
        ObjectNode failed = StateChanges.change(transfer, "transfer", "failed", NOT_SENT, json -> {
            json.put("status", FAILED);
            json.put("failure_code", failureCode != null ? failureCode : DEFAULT_FAILURE_CODE);
            json.put("failure_msg", failureMsg != null ? failureMsg : DEFAULT_FAILURE_MSG);
        });
        account.events().record("transfer.failed", failed.path("app").asText(), failed, false);
        batchOf(failed);
        return failed;
    }

    /**
     * Cancels (or reverses) a transfer that has not been sent: {@code canceled}, {@code transfer.canceled}; refused
     * once it is paid (the money is out), failed or canceled.
     */
    ObjectNode cancelTransfer(String id, String action) {
        StoredObject transfer = StateChanges.find(account, TRANSFERS, "transfer", id);
        ObjectNode canceled = StateChanges.change(transfer, "transfer", action, NOT_SENT, json -> json.put("status", CANCELED));
        account.events().record("transfer.canceled", canceled.path("app").asText(), canceled, true);
        batchOf(canceled);
        return canceled;
    }

    /** The sandbox pays every transfer of a batch that has not been sent yet. */
    ObjectNode payBatch(String id) {
        StoredObject batch = StateChanges.find(account, BATCH_TRANSFERS, "batch_transfer", id);
        ObjectNode json = StateChanges.change(batch, "batch_transfer", "paid", NOT_SENT, unchanged -> { });
        for (JsonNode recipient : json.path("recipients")) {
            String transfer = recipient.path("transfer").asText();
            String transferStatus = StateChanges.find(account, TRANSFERS, "transfer", transfer).json().path("status").asText();
            if (NOT_SENT.contains(transferStatus)) {
                payTransfer(transfer);
            }
        }
        return batch.json();
    }

    /**
     * Cancels a scheduled batch and every transfer of it not sent yet ({@code transfer.canceled} each, then
     * {@code batch_transfer.canceled}); a transfer the sandbox paid or failed meanwhile keeps its outcome.
     */
    ObjectNode cancelBatch(String id) {
        StoredObject batch = StateChanges.find(account, BATCH_TRANSFERS, "batch_transfer", id);
        ObjectNode canceled = StateChanges.change(batch, "batch_transfer", "canceled", Set.of(SCHEDULED), json -> {
            for (JsonNode recipient : json.path("recipients")) {
                StoredObject transfer = StateChanges.find(account, TRANSFERS, "transfer", recipient.path("transfer").asText());
                boolean[] canceledNow = new boolean[1];
                ObjectNode child = transfer.update(each -> {
                    canceledNow[0] = NOT_SENT.contains(each.path("status").asText());
                    if (canceledNow[0]) {
                        each.put("status", CANCELED);
                    }
                });
                ((ObjectNode) recipient).put("status", child.path("status").asText());
                if (canceledNow[0]) {
                    account.events().record("transfer.canceled", child.path("app").asText(), child, true);
                }
            }
            json.put("status", CANCELED);
        });
        account.events().record("batch_transfer.canceled", canceled.path("app").asText(), canceled, true);
        return canceled;
    }

    /**
     * Brings the batch a transfer belongs to up to date with its transfers; when the last of them ends, the batch
     * ends too, with its event.
     */
    private void batchOf(ObjectNode transfer) {
        if (!transfer.path("batch_no").isTextual()) {
            return;
        }
        account.objects().holder(batchNoKey(transfer.path("app").asText(), transfer.get("batch_no").asText()))
                .flatMap(id -> account.objects().find(BATCH_TRANSFERS, List.of(), id))
                .ifPresent(this::followTransfers);
    }

    private void followTransfers(StoredObject batch) {
        String[] event = new String[1];
        ObjectNode followed = batch.update(json -> {
            String before = json.path("status").asText();
            int paid = 0;
            int ended = 0;
            ArrayNode recipients = (ArrayNode) json.path("recipients");
            for (JsonNode each : recipients) {
                ObjectNode recipient = (ObjectNode) each;
                ObjectNode transfer = StateChanges.find(account, TRANSFERS, "transfer", recipient.path("transfer").asText()).json();
                String status = transfer.path("status").asText();
                recipient.put("status", status);
                recipient.set("transaction_no", transfer.path("transaction_no"));
                recipient.set("failure_msg", transfer.path("failure_msg"));
                paid += PAID.equals(status) ? 1 : 0;
                ended += TRANSFER_FINAL.contains(status) ? 1 : 0;
            }
            if (!NOT_SENT.contains(before) || ended < recipients.size()) {
                return;
            }
            if (paid == recipients.size()) {
                json.put("status", "succeeded");
            } else if (paid == 0) {
                json.put("status", FAILED);
            } else {
                json.put("status", "partially_succeeded");
            }
            if (paid > 0) {
                json.put("time_succeeded", now());
                json.put("fee", 0);
                event[0] = "batch_transfer.succeeded";
            } else {
                event[0] = "batch_transfer.failed";
            }
        });
        if (event[0] != null) {
            account.events().record(event[0], followed.path("app").asText(), followed, false);
        }
    }

    /** The sandbox's payee opens a sent red envelope: {@code received}, {@code red_envelope.received}. */
    ObjectNode receiveRedEnvelope(String id) {
        StoredObject envelope = StateChanges.find(account, RED_ENVELOPES, "red_envelope", id);
        ObjectNode received = StateChanges.change(envelope, "red_envelope", "received", Set.of("sent"), json -> {
            json.put("status", "received");
            json.put("received", now());
        });
        account.events().record("red_envelope.received", received.path("app").asText(), received, false);
        return received;
    }

    /**
     * A sent red envelope goes back to the merchant unopened, as WeChat does after 24 hours: {@code refund},
     * {@code red_envelope.refunded}.
     */
    ObjectNode refundRedEnvelope(String id) {
        StoredObject envelope = StateChanges.find(account, RED_ENVELOPES, "red_envelope", id);
        ObjectNode refunded = StateChanges.change(envelope, "red_envelope", "refunded", Set.of("sent"), json -> {
            json.put("status", "refund");
            json.put("refunded", now());
        });
        account.events().record("red_envelope.refunded", refunded.path("app").asText(), refunded, false);
        return refunded;
    }

    /** Sets what a new red envelope holds: delivered at once ({@code sent}; WeChat answers synchronously). */
    void newRedEnvelope(ObjectNode envelope) {
        envelope.put("status", "sent");
        envelope.put("livemode", false);
        envelope.putNull("received");
        envelope.putNull("refunded");
        envelope.put("transaction_no", transactionNo(envelope.path("channel").asText()));
        envelope.putNull("failure_code");
        envelope.putNull("failure_msg");
        envelope.put("amount_settle", envelope.path("amount").asLong());
        emptyWhenMissing(envelope, "metadata");
    }

    /** The claim key of a batch number, whose holder is the batch transfer's id. */
    static List<String> batchNoKey(String app, String batchNo) {
        return List.of("batch_transfer.batch_no", app, batchNo);
    }

    static List<String> transferOrderNoKey(String app, String orderNo) {
        return List.of("transfer.order_no", app, orderNo);
    }

    /** A paid {@code balance} transfer credits its recipient, a user of the app, through the account's ledger. */
    private void creditRecipient(ObjectNode transfer) {
        JsonNode app = transfer.path("app");
        account.ledger().credit(app.isObject() ? app.path("id").asText() : app.asText(), transfer.path("recipient").asText(),
                transfer.path("amount").asLong(), BalanceTransaction.TypeEnum.TRANSFER, transfer.path("id").asText(),
                transfer.path("description").textValue());
    }

    private String transactionNo(String channel) {
        return RANDOM.digits(BALANCE.equals(channel) ? 20 : 28);
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }

    private static void nullWhenMissing(ObjectNode json, String... fields) {
        for (String field : fields) {
            if (!json.hasNonNull(field)) {
                json.putNull(field);
            }
        }
    }

    private static void emptyWhenMissing(ObjectNode json, String... fields) {
        for (String field : fields) {
            if (!json.path(field).isObject()) {
                json.set(field, JSON.objectNode());
            }
        }
    }
}
