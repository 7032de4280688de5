package org.pingppopenapi.sandbox.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pingppopenapi.sandbox.domain.ChargeBook;
import org.pingppopenapi.sandbox.domain.Errors;
import org.pingppopenapi.sandbox.domain.RefundRecord;
import org.pingppopenapi.server.PingppJson;
import org.pingppopenapi.server.model.BatchRefund;
import org.pingppopenapi.server.model.BatchRefundChargeParams;
import org.pingppopenapi.server.model.BatchRefundCreateRequest;

/**
 * {@code /v1/batch_refunds}: refunds charges of one app at once, all or none: every charge is checked (it
 * exists, belongs to the app, is paid, has the amount left to refund) before any is refunded, and each refund is a
 * charge refund like the refund operation's, so single and batched refunds together never exceed what was paid
 * ({@link ChargeBook#refundAll}). The sandbox refunds at once: the batch is {@code succeeded} with each charge
 * reported, and {@code batch_refund.succeeded} follows the charges' {@code refund.succeeded}. {@code batch_no} is
 * unique in its app.
 */
public final class BatchRefundsResource extends GenericBatchRefundsApi {

    private static final ObjectMapper JSON = PingppJson.newObjectMapper();

    public BatchRefundsResource(ResourceRegistry registry) {
        super(registry);
    }

    @Override
    public BatchRefund createBatchRefund(BatchRefundCreateRequest request) {
        List<ChargeBook.RefundItem> items = items(request.getCharges());
        String app = request.getApp();
        UniqueClaims claims = new UniqueClaims(objects());
        List<String> batchNo = claims.claim("batch_no", "batch_no " + request.getBatchNo() + " of app " + app,
                List.of("batch_refund.batch_no", app, request.getBatchNo()));
        try {
            List<RefundRecord> refunds = account().charges().refundAll(app, items, request.getMetadata());
            BatchRefund created = super.createBatchRefund(request);
            claims.heldBy(batchNo, created.getId());
            ObjectNode succeeded = StateChanges.find(account(), "/v1/batch_refunds", "batch_refund", created.getId())
                    .update(json -> {
                        json.put("status", "succeeded");
                        json.put("livemode", false);
                        json.put("time_succeeded", clock().instant().getEpochSecond());
                        json.putNull("refund_url");
                        json.path("charges").forEach(charge -> ((ObjectNode) charge).put("status", "succeeded"));
                        ObjectNode list = json.putObject("refunds");
                        list.put("object", "list");
                        list.putNull("url");
                        list.put("has_more", false);
                        ArrayNode data = list.putArray("data");
                        refunds.forEach(refund -> data.add(JSON.valueToTree(refund.toModel())));
                        if (!json.path("metadata").isObject()) {
                            json.putObject("metadata");
                        }
                    });
            account().events().record("batch_refund.succeeded", app, succeeded, true);
            return answer("createBatchRefund", succeeded);
        } catch (RuntimeException e) {
            claims.releaseAll();
            throw e;
        }
    }

    /**
     * The items, each charge at most once: what the schema cannot compare (its {@code minItems} and {@code maxItems},
     * 1 to 100, are checked before the request gets here).
     */
    private static List<ChargeBook.RefundItem> items(List<BatchRefundChargeParams> charges) {
        Map<String, Integer> seen = new HashMap<>();
        List<ChargeBook.RefundItem> items = new ArrayList<>();
        for (int i = 0; i < charges.size(); i++) {
            BatchRefundChargeParams charge = charges.get(i);
            Integer first = seen.putIfAbsent(charge.getCharge(), i);
            if (first != null) {
                throw Errors.invalid("charges[" + i + "].charge", "Charge " + charge.getCharge()
                        + " is already charges[" + first + "]; a batch refunds each charge at most once.");
            }
            items.add(new ChargeBook.RefundItem(charge.getCharge(), charge.getAmount(), charge.getDescription(),
                    charge.getFundingSource()));
        }
        return items;
    }
}
