package org.pingppopenapi.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pingppopenapi.sandbox.domain.CreatedRange;
import org.pingppopenapi.sandbox.domain.Errors;
import org.pingppopenapi.sandbox.store.StoredObject;
import org.pingppopenapi.server.model.RoyaltySettlement;
import org.pingppopenapi.server.model.RoyaltySettlementCreateRequest;
import org.pingppopenapi.server.model.RoyaltySettlementUpdateRequest;

/**
 * Royalty settlements: a settlement gathers the recorded ({@code created}) royalties an app pays into one royalty
 * transaction per receiving user, and holds them ({@code pending}) until it is confirmed, which pays them
 * ({@code succeeded}; the sandbox's payouts succeed at once), or canceled, which frees them ({@code created}) for
 * another settlement. Settlements and transactions are kept in the generic store, which retrieves and lists them.
 */
public final class RoyaltySettlementsResource extends GenericRoyaltySettlementsApi {

    private static final String SETTLEMENTS = "/v1/royalty_settlements";
    private static final String TRANSACTIONS = "/v1/royalty_transactions";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    public RoyaltySettlementsResource(ResourceRegistry registry) {
        super(registry);
    }

    @Override
    public RoyaltySettlement createRoyaltySettlement(RoyaltySettlementCreateRequest request) {
        boolean preview = Boolean.TRUE.equals(request.getIsPreview());
        synchronized (royaltyBook()) {
            Map<List<String>, List<StoredObject>> byUser = new LinkedHashMap<>();
            CreatedRange created = range(request.getCreated());
            objects().collection(RoyaltiesResource.ROYALTIES, List.of()).newestFirst()
                    .filter(royalty -> created.test(royalty) && settles(royalty.json(), request))
                    .forEach(royalty -> byUser.computeIfAbsent(List.of(royalty.json().path("recipient_app").asText(),
                            royalty.json().path("source_user").asText()), user -> new ArrayList<>()).add(royalty));
            long minimum = request.getMinAmount() == null ? 0 : request.getMinAmount();
            byUser.values().removeIf(royalties -> total(royalties) < minimum);
            if (byUser.isEmpty()) {
                throw Errors.refused("no_royalties_to_settle", "payer_app", "App " + request.getPayerApp()
                        + " has no recorded royalties to settle that match the request.");
            }
            ObjectNode fields = JSON.objectNode();
            fields.put("payer_app", request.getPayerApp());
            fields.put("method", request.getMethod().value());
            fields.put("amount", byUser.values().stream().mapToLong(RoyaltySettlementsResource::total).sum());
            fields.put("count", byUser.size());
            fields.put("status", "created");
            if (request.getMetadata() != null) {
                fields.set("metadata", JSON.pojoNode(request.getMetadata()));
            }
            StoredObject settlement = preview ? preview(SETTLEMENTS, "RoyaltySettlement", fields)
                    : store(SETTLEMENTS, "RoyaltySettlement", fields);
            ArrayNode transactions = JSON.arrayNode();
            for (List<StoredObject> royalties : byUser.values()) {
                JsonNode first = royalties.get(0).json();
                ObjectNode transaction = JSON.objectNode();
                transaction.put("amount", total(royalties));
                transaction.put("status", "created");
                transaction.put("royalty_settlement", settlement.id());
                transaction.put("source_user", first.path("source_user").asText());
                transaction.put("recipient_app", first.path("recipient_app").asText());
                StoredObject made = preview ? preview(TRANSACTIONS, "RoyaltyTransaction", transaction)
                        : store(TRANSACTIONS, "RoyaltyTransaction", transaction);
                transactions.add(made.json());
                if (!preview) {
                    royalties.forEach(royalty -> royalty.update(json -> {
                        json.put("status", "pending");
                        json.put("royalty_settlement", settlement.id());
                        json.put("royalty_transaction", made.id());
                    }));
                }
            }
            ObjectNode answer = settlement.update(json -> json.set("royalty_transactions", list(transactions)));
            return (RoyaltySettlement) answer("createRoyaltySettlement", answer);
        }
    }

    @Override
    public RoyaltySettlement updateRoyaltySettlement(String royaltySettlementId, RoyaltySettlementUpdateRequest request) {
        boolean confirm = request.getStatus() == RoyaltySettlementUpdateRequest.StatusEnum.PENDING;
        long now = clock().instant().getEpochSecond();
        synchronized (royaltyBook()) {
            StoredObject settlement = objects().find(SETTLEMENTS, List.of(), royaltySettlementId)
                    .orElseThrow(() -> Errors.noSuch("royalty_settlement", royaltySettlementId));
            String status = settlement.json().path("status").asText();
            if (!"created".equals(status)) {
                throw Errors.refused("royalty_settlement_unexpected_status", "status", "Royalty settlement "
                        + royaltySettlementId + " is " + status + "; only a created settlement can be confirmed or canceled.");
            }
            String transactionStatus = confirm ? "succeeded" : "canceled";
            ArrayNode transactions = JSON.arrayNode();
            objects().collection(TRANSACTIONS, List.of()).newestFirst()
                    .filter(transaction -> transaction.json().path("royalty_settlement").asText().equals(royaltySettlementId))
                    .forEach(transaction -> transactions.add(transaction.update(json -> json.put("status", transactionStatus))));
            String method = settlement.json().path("method").asText();
            if (confirm && "balance".equals(method)) {
                // Settled to the users' balances: each transaction is a `credited` balance transaction of its user in
                // the payer app, through the one ledger.
                String payerApp = settlement.json().path("payer_app").asText();
                transactions.forEach(transaction -> account().ledger().credit(payerApp,
                        transaction.path("source_user").asText(), transaction.path("amount").asLong(),
                        org.pingppopenapi.server.model.BalanceTransaction.TypeEnum.CREDITED, transaction.path("id").asText(),
                        "royalty settlement " + royaltySettlementId));
            }
            objects().collection(RoyaltiesResource.ROYALTIES, List.of()).newestFirst()
                    .filter(royalty -> royalty.json().path("royalty_settlement").asText().equals(royaltySettlementId))
                    .forEach(royalty -> royalty.update(json -> {
                        if (confirm) {
                            json.put("status", "succeeded");
                            json.put("method", method);
                            json.put("time_settled", now);
                        } else {
                            json.put("status", "created");
                            json.putNull("royalty_settlement");
                            json.putNull("royalty_transaction");
                        }
                    }));
            ObjectNode answer = settlement.update(json -> {
                long amount = json.path("amount").asLong();
                long count = json.path("count").asLong();
                json.put("status", transactionStatus);
                json.put(confirm ? "amount_succeeded" : "amount_canceled", amount);
                json.put(confirm ? "count_succeeded" : "count_canceled", count);
                json.put("time_finished", now);
                json.set("royalty_transactions", list(transactions));
            });
            return (RoyaltySettlement) answer("updateRoyaltySettlement", answer);
        }
    }

    private Object royaltyBook() {
        return objects().collection(RoyaltiesResource.ROYALTIES, List.of());
    }

    /** The range of the request's {@code created} filter. */
    private static CreatedRange range(org.pingppopenapi.server.model.CreatedRange created) {
        return created == null ? CreatedRange.ANY
                : new CreatedRange(created.getGt(), created.getGte(), created.getLt(), created.getLte());
    }

    private static boolean settles(JsonNode royalty, RoyaltySettlementCreateRequest request) {
        return "created".equals(royalty.path("status").asText()) && royalty.path("amount").asLong() > 0
                && request.getPayerApp().equals(royalty.path("payer_app").asText())
                && matches(request.getRecipientApp(), royalty.path("recipient_app"))
                && matches(request.getSourceUser(), royalty.path("source_user"))
                && matches(request.getSourceNo(), royalty.path("source_no"));
    }

    private static boolean matches(String wanted, JsonNode actual) {
        return wanted == null || wanted.equals(actual.asText());
    }

    private static long total(List<StoredObject> royalties) {
        return royalties.stream().mapToLong(royalty -> royalty.json().path("amount").asLong()).sum();
    }

    private static ObjectNode list(ArrayNode transactions) {
        ObjectNode list = JSON.objectNode();
        list.put("object", "list");
        list.put("url", TRANSACTIONS);
        list.put("has_more", false);
        list.set("data", transactions);
        return list;
    }
}
