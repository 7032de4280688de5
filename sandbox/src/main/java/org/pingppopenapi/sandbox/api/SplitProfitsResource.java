package org.pingppopenapi.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.pingppopenapi.sandbox.domain.ChargeRecord;
import org.pingppopenapi.sandbox.domain.Errors;
import org.pingppopenapi.sandbox.domain.SpecDocument;
import org.pingppopenapi.sandbox.store.StoredObject;
import org.pingppopenapi.server.model.SplitProfit;
import org.pingppopenapi.server.model.SplitProfitCreateRequest;
import org.pingppopenapi.server.model.SplitProfitRecipientRequest;
import org.pingppopenapi.server.model.SplitProfitType;

/**
 * Split profits: a split pays shares of a succeeded WeChat charge of the same app to split receivers added before,
 * never more in all than the charge was paid less what was refunded, and nothing after a {@code split_return} ended
 * the charge's splitting. The sandbox pays each share at once ({@code succeeded}) and records its
 * {@code profit_transaction}. Split profits and profit transactions are kept in the generic store.
 */
public final class SplitProfitsResource extends GenericSplitProfitsApi {

    private static final String SPLIT_PROFITS = "/v1/split_profits";
    private static final String SPLIT_RECEIVERS = "/v1/split_receivers";
    private static final String PROFIT_TRANSACTIONS = "/v1/profit_transactions";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** The channels a split profit takes, from the spec ({@code SplitChannel}). */
    private static final Set<String> SPLIT_CHANNELS = StreamSupport.stream(
            SpecDocument.schema("SplitChannel").path("enum").spliterator(), false).map(JsonNode::asText)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    public SplitProfitsResource(ResourceRegistry registry) {
        super(registry);
    }

    @Override
    public SplitProfit createSplitProfit(SplitProfitCreateRequest request) {
        List<SplitProfitRecipientRequest> recipients = request.getRecipients();
        ChargeRecord charge = account().charges().charge(request.getCharge());
        if (!charge.app().equals(request.getApp())) {
            throw Errors.invalid("charge", "Charge " + charge.id() + " belongs to app " + charge.app() + ", not "
                    + request.getApp() + ".");
        }
        if (!SPLIT_CHANNELS.contains(charge.channel())) {
            throw Errors.invalid("charge", "Split profits take charges of the WeChat channels " + SPLIT_CHANNELS
                    + "; charge " + charge.id() + " used " + charge.channel() + ".");
        }
        boolean normal = request.getType() == SplitProfitType.SPLIT_NORMAL;
        for (int i = 0; i < recipients.size(); i++) {
            SplitProfitRecipientRequest recipient = recipients.get(i);
            if (recipient.getDescription().contains("&")) {
                throw Errors.invalid("recipients[" + i + "].description", "A split's description takes no '&'.");
            }
            if (normal) {
                checkReceiver(request.getApp(), recipient, "recipients[" + i + "]");
            }
        }
        synchronized (charge) {
            if (!charge.isPaid()) {
                throw Errors.refused("charge_unexpected_status", "charge", "Charge " + charge.id()
                        + " has not succeeded; only a paid charge can be split.");
            }
            List<JsonNode> earlier = objects().collection(SPLIT_PROFITS, List.of()).newestFirst().map(StoredObject::json)
                    .filter(split -> split.path("charge").asText().equals(charge.id())).map(JsonNode.class::cast).toList();
            if (earlier.stream().anyMatch(split -> "split_return".equals(split.path("type").asText()))) {
                throw Errors.refused("split_profit_finished", "charge", "The splitting of charge " + charge.id()
                        + " was ended by a split_return.");
            }
            long split = earlier.stream().flatMap(each -> StreamSupport.stream(each.path("recipients").spliterator(), false))
                    .mapToLong(recipient -> recipient.path("amount").asLong()).sum();
            long asked = recipients.stream().mapToLong(SplitProfitRecipientRequest::getAmount).sum();
            long distributable = charge.amount() - charge.amountRefunded();
            if (split + asked > distributable) {
                throw Errors.refused("split_amount_exceeded", "recipients", "The shares of charge " + charge.id()
                        + " would add up to " + (split + asked) + ", more than the " + distributable
                        + " it was paid less refunds (" + split + " already split).");
            }
            SplitProfit created = super.createSplitProfit(request);
            long now = created.getCreated();
            String currency = charge.toModel().getCurrency();
            StoredObject stored = objects().find(SPLIT_PROFITS, List.of(), created.getId()).orElseThrow();
            ObjectNode answer = stored.update(json -> {
                json.put("channel", charge.channel());
                for (JsonNode recipient : json.path("recipients")) {
                    ObjectNode paid = (ObjectNode) recipient;
                    paid.put("currency", currency);
                    paid.put("status", "succeeded");
                    paid.put("time_finished", now);
                }
            });
            for (JsonNode recipient : answer.path("recipients")) {
                ObjectNode transaction = JSON.objectNode();
                transaction.put("app", request.getApp());
                transaction.put("amount", recipient.path("amount").asLong());
                transaction.put("currency", currency);
                transaction.set("name", recipient.path("name").isTextual() ? recipient.get("name") : JSON.nullNode());
                transaction.put("status", "succeeded");
                transaction.set("description", recipient.path("description"));
                transaction.set("split_receiver", recipient.path("split_receiver").isTextual() ? recipient.get("split_receiver")
                        : JSON.nullNode());
                transaction.put("split_profit", created.getId());
                transaction.put("time_finished", now);
                store(PROFIT_TRANSACTIONS, "ProfitTransaction", transaction);
            }
            return (SplitProfit) answer("createSplitProfit", answer);
        }
    }

    /** A receiver the split names must have been added to the app, under the name given, if any. */
    private void checkReceiver(String app, SplitProfitRecipientRequest recipient, String param) {
        String id = recipient.getSplitReceiver();
        JsonNode receiver = objects().find(SPLIT_RECEIVERS, List.of(), id).map(StoredObject::json)
                .filter(found -> found.path("app").asText().equals(app))
                .orElseThrow(() -> Errors.invalid(param + ".split_receiver", "No split receiver " + id + " of app " + app
                        + ": add it (POST /v1/split_receivers) before a split names it."));
        if (recipient.getName() != null && !recipient.getName().equals(receiver.path("name").asText())) {
            throw Errors.invalid(param + ".name", "Split receiver " + id + " is not named " + recipient.getName() + ".");
        }
    }
}
