package org.pingppopenapi.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.pingppopenapi.sandbox.domain.ChargeRecord;
import org.pingppopenapi.sandbox.domain.Errors;
import org.pingppopenapi.sandbox.domain.OrderRecord;
import org.pingppopenapi.sandbox.domain.Timeline;
import org.pingppopenapi.sandbox.store.StoredObject;
import org.pingppopenapi.server.model.Order;
import org.pingppopenapi.server.model.OrderRoyaltyDataCreateRequest;
import org.pingppopenapi.server.model.OrderRoyaltyDataResult;
import org.pingppopenapi.server.model.RoyaltiesUpdateRequest;
import org.pingppopenapi.server.model.RoyaltyList;
import org.pingppopenapi.server.model.RoyaltyUser;

/**
 * Royalties: royalty data records a share of a paid order per user, never more in all than the order was paid less
 * what was refunded; the batch update marks royalties settled by hand and takes the mark back. Royalties are kept in
 * the generic store ({@code /v1/royalties}), which retrieves and lists them; royalty settlements pay them
 * ({@link RoyaltySettlementsResource}).
 */
public final class RoyaltiesResource extends GenericRoyaltiesApi {

    static final String ROYALTIES = "/v1/royalties";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    public RoyaltiesResource(ResourceRegistry registry) {
        super(registry);
    }

    @Override
    public OrderRoyaltyDataResult createOrderRoyaltyData(String orderId, OrderRoyaltyDataCreateRequest request) {
        OrderRecord order = account().orders().order(orderId);
        if (!request.getApp().equals(order.app())) {
            throw Errors.invalid("app", "Order " + orderId + " belongs to app " + order.app() + ", not " + request.getApp() + ".");
        }
        List<RoyaltyUser> users = request.getRoyaltyUsers() == null ? List.of() : request.getRoyaltyUsers();
        synchronized (order) {
            if (!order.isPaid()) {
                throw Errors.refused("order_not_paid", null, "Order " + orderId
                        + " is not paid; the sandbox records royalty data for paid orders only.");
            }
            if (request.getCharge() == null) {
                throw Errors.invalid("charge", "Order " + orderId + " is paid: royalty data names the charge that paid it.");
            }
            boolean paidBy = account().orders().charges(orderId, null, true, null).map(ChargeRecord::id)
                    .anyMatch(request.getCharge()::equals);
            if (!paidBy) {
                throw Errors.invalid("charge", "Charge " + request.getCharge() + " did not pay order " + orderId + ".");
            }
            Order paid = order.toModel();
            long distributable = paid.getActualAmount() - amountOf(paid.getAmountRefunded());
            long shared = royalties().filter(royalty -> royalty.path("source_url").asText().equals("/v1/orders/" + orderId))
                    .mapToLong(royalty -> Math.max(0, royalty.path("amount").asLong())).sum();
            long asked = users.stream().mapToLong(user -> user.getAmount()).sum();
            if (shared + asked > distributable) {
                throw Errors.refused("royalty_amount_exceeded", "royalty_users", "The royalties of order " + orderId
                        + " would add up to " + (shared + asked) + ", more than the " + distributable
                        + " it was paid less refunds (" + shared + " already shared).");
            }
            String payer = paid.getReceiptApp() != null ? paid.getReceiptApp() : order.app();
            for (RoyaltyUser user : users) {
                ObjectNode royalty = JSON.objectNode();
                royalty.put("payer_app", payer);
                royalty.put("amount", user.getAmount());
                royalty.put("status", "created");
                royalty.putNull("method");
                royalty.put("recipient_app", order.app());
                royalty.put("source_app", order.app());
                royalty.put("source_url", "/v1/orders/" + orderId);
                royalty.put("source_no", paid.getMerchantOrderNo());
                royalty.put("source_user", user.getUser());
                royalty.set("metadata", JSON.objectNode());
                store(ROYALTIES, "Royalty", royalty);
            }
        }
        return new OrderRoyaltyDataResult().app(order.app()).livemode(false).order(orderId).succeeded(true);
    }

    @Override
    public RoyaltyList updateRoyalties(RoyaltiesUpdateRequest request) {
        long now = clock().instant().getEpochSecond();
        synchronized (royaltyBook()) {
            List<StoredObject> targets = new ArrayList<>();
            for (String id : request.getIds()) {
                StoredObject royalty = objects().find(ROYALTIES, List.of(), id).orElseThrow(() -> Errors.noSuch("royalty", id));
                JsonNode json = royalty.json();
                if (request.getMethod() != null && !"created".equals(json.path("status").asText())) {
                    throw Errors.refused("royalty_unexpected_status", "ids", "Royalty " + id + " is "
                            + json.path("status").asText() + "; only recorded (created) royalties can be marked settled by hand.");
                }
                targets.add(royalty);
            }
            ArrayNode data = JSON.arrayNode();
            for (StoredObject royalty : targets) {
                data.add(royalty.update(json -> {
                    if (request.getMethod() != null) {
                        json.put("status", "succeeded");
                        json.put("method", "manual");
                        json.put("time_settled", now);
                    } else if ("manual".equals(json.path("method").asText())) {
                        json.put("status", "created");
                        json.putNull("method");
                        json.putNull("time_settled");
                    }
                    if (request.getDescription() != null) {
                        json.put("description", request.getDescription());
                    }
                    if (request.getMetadata() != null) {
                        json.set("metadata", JSON.pojoNode(request.getMetadata()));
                    }
                }));
            }
            ObjectNode list = JSON.objectNode();
            list.put("object", "list");
            list.put("url", ROYALTIES);
            list.put("has_more", false);
            list.set("data", data);
            return (RoyaltyList) answer("updateRoyalties", list);
        }
    }

    /** The lock of the caller's royalties: held while a change reads and writes several of them. */
    Timeline<StoredObject> royaltyBook() {
        return objects().collection(ROYALTIES, List.of());
    }

    private java.util.stream.Stream<ObjectNode> royalties() {
        return royaltyBook().newestFirst().map(StoredObject::json);
    }

    private static long amountOf(Long amount) {
        return amount == null ? 0 : amount;
    }
}
