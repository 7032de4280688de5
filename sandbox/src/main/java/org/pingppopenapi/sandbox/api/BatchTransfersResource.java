package org.pingppopenapi.sandbox.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.pingppopenapi.sandbox.domain.Errors;
import org.pingppopenapi.server.PingppJson;
import org.pingppopenapi.server.model.BatchTransfer;
import org.pingppopenapi.server.model.BatchTransferCancelRequest;
import org.pingppopenapi.server.model.BatchTransferCreateRequest;
import org.pingppopenapi.server.model.Transfer;
import org.pingppopenapi.server.model.TransferCreateRequest;

/**
 * {@code /v1/batch_transfers}: a batch is one transfer per recipient, each a {@code transfer} of its own (with the
 * batch's {@code batch_no}, its own {@code order_no}, given or generated), and follows them ({@link Payouts}).
 * {@code batch_no} is unique in its app; {@code amount} must be the sum of the recipients' amounts. Only a
 * {@code scheduled} batch ({@code unionpay}, before sending) can be canceled, with all its transfers.
 */
public final class BatchTransfersResource extends GenericBatchTransfersApi {

    private static final ObjectMapper JSON = PingppJson.newObjectMapper();

    public BatchTransfersResource(ResourceRegistry registry) {
        super(registry);
    }

    @Override
    public BatchTransfer createBatchTransfer(BatchTransferCreateRequest request) {
        ObjectNode body = JSON.valueToTree(request);
        JsonNode recipients = body.path("recipients");
        checkRecipients(request, recipients);
        String app = request.getApp();
        UniqueClaims claims = new UniqueClaims(objects());
        List<String> batchNo = claims.claim("batch_no", "batch_no " + request.getBatchNo() + " of app " + app,
                Payouts.batchNoKey(app, request.getBatchNo()));
        List<List<String>> orderNos = new ArrayList<>();
        for (int i = 0; i < recipients.size(); i++) {
            String orderNo = orderNo(request, recipients.get(i), i);
            orderNos.add(claims.claim("recipients[" + i + "].order_no", "order_no " + orderNo + " of app " + app,
                    Payouts.transferOrderNoKey(app, orderNo)));
        }
        try {
            BatchTransfer created = super.createBatchTransfer(request);
            claims.heldBy(batchNo, created.getId());
            List<Transfer> transfers = new ArrayList<>();
            for (int i = 0; i < recipients.size(); i++) {
                Transfer transfer = (Transfer) serve("createTransfer", transferOf(request, body, recipients.get(i), i));
                claims.heldBy(orderNos.get(i), transfer.getId());
                StateChanges.find(account(), Payouts.TRANSFERS, "transfer", transfer.getId())
                        .update(json -> Payouts.newTransfer(json, request.getBatchNo()));
                transfers.add(transfer);
            }
            return answer("createBatchTransfer", StateChanges.find(account(), Payouts.BATCH_TRANSFERS, "batch_transfer",
                    created.getId()).update(json -> newBatch(json, transfers)));
        } catch (RuntimeException e) {
            claims.releaseAll();
            throw e;
        }
    }

    @Override
    public BatchTransfer cancelBatchTransfer(String batchTransferId, BatchTransferCancelRequest request) {
        return answer("cancelBatchTransfer", new Payouts(account(), clock()).cancelBatch(batchTransferId));
    }

    /** What the rules cannot say: the sum, and a UnionPay recipient's bank. */
    private static void checkRecipients(BatchTransferCreateRequest request, JsonNode recipients) {
        long sum = 0;
        for (int i = 0; i < recipients.size(); i++) {
            JsonNode recipient = recipients.get(i);
            sum += recipient.path("amount").asLong();
            if ("unionpay".equals(request.getChannel())) {
                TransfersResource.requireBank(text(recipient, "open_bank_code"), text(recipient, "open_bank"),
                        "recipients[" + i + "].open_bank_code");
            }
        }
        if (sum != request.getAmount()) {
            throw Errors.invalid("amount", "amount " + request.getAmount() + " must be the sum of recipients[].amount, "
                    + sum + ".");
        }
    }

    /** The recipient's {@code order_no}, or the batch number and the recipient's position. */
    private static String orderNo(BatchTransferCreateRequest request, JsonNode recipient, int index) {
        String given = text(recipient, "order_no");
        return given != null ? given : request.getBatchNo() + String.format("%03d", index + 1);
    }

    /** The transfer paying one recipient: the batch's channel, type and currency, the recipient's payee. */
    private static TransferCreateRequest transferOf(BatchTransferCreateRequest request, ObjectNode batch, JsonNode recipient,
            int index) {
        ObjectNode transfer = JSON.createObjectNode();
        transfer.putObject("app").put("id", request.getApp());
        transfer.put("channel", request.getChannel());
        transfer.put("order_no", orderNo(request, recipient, index));
        transfer.put("amount", recipient.path("amount").asLong());
        transfer.set("type", batch.path("type"));
        transfer.put("currency", batch.path("currency").isTextual() ? batch.get("currency").asText() : "cny");
        String payee = text(recipient, "open_id") != null ? text(recipient, "open_id")
                : text(recipient, "user") != null ? text(recipient, "user") : text(recipient, "account");
        if (payee != null && !isBankChannel(request.getChannel())) {
            transfer.put("recipient", payee);
        }
        transfer.put("description", text(recipient, "description") != null ? text(recipient, "description")
                : request.getDescription());
        ObjectNode extra = transfer.putObject("extra");
        if (isBankChannel(request.getChannel())) {
            extra.put("card_number", text(recipient, "account"));
            copy(recipient, "name", extra, "user_name");
            copy(recipient, "open_bank_code", extra, "open_bank_code");
            copy(recipient, "open_bank", extra, "open_bank");
        } else if ("alipay".equals(request.getChannel())) {
            copy(recipient, "name", extra, "recipient_name");
            copy(recipient, "account_type", extra, "recipient_account_type");
        } else if (!Payouts.BALANCE.equals(request.getChannel())) {
            copy(recipient, "name", extra, "user_name");
            if (recipient.has("force_check")) {
                extra.set("force_check", recipient.get("force_check"));
            }
        }
        try {
            return JSON.treeToValue(transfer, TransferCreateRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A batch's transfer does not read as a transfer request: " + transfer, e);
        }
    }

    private static ObjectNode newBatch(ObjectNode batch, List<Transfer> transfers) {
        batch.put("status", Payouts.initialStatus(batch.path("channel").asText()));
        batch.put("livemode", false);
        batch.putNull("time_succeeded");
        batch.putNull("failure_msg");
        batch.putNull("transaction_no");
        batch.put("fee", 0);
        if (!batch.path("currency").isTextual()) {
            batch.put("currency", "cny");
        }
        if (!batch.path("extra").isObject()) {
            batch.putObject("extra");
        }
        if (!batch.path("metadata").isObject()) {
            batch.putObject("metadata");
        }
        ArrayNode recipients = (ArrayNode) batch.path("recipients");
        for (int i = 0; i < recipients.size(); i++) {
            ObjectNode recipient = (ObjectNode) recipients.get(i);
            Transfer transfer = transfers.get(i);
            recipient.put("transfer", transfer.getId());
            recipient.put("status", Payouts.initialStatus(batch.path("channel").asText()));
            recipient.put("order_no", transfer.getOrderNo());
            recipient.put("fee", 0);
            recipient.putNull("transaction_no");
            recipient.putNull("failure_msg");
            if (!recipient.path("description").isTextual()) {
                recipient.set("description", batch.path("description"));
            }
        }
        return batch;
    }

    private static boolean isBankChannel(String channel) {
        return switch (channel) {
            case "unionpay", "allinpay", "jdpay" -> true;
            default -> false;
        };
    }

    private static void copy(JsonNode from, String field, ObjectNode to, String as) {
        if (from.path(field).isValueNode() && !from.path(field).isNull()) {
            to.set(as, from.get(field));
        }
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).isValueNode() && !node.path(field).isNull() ? node.get(field).asText() : null;
    }
}
