package org.pingppopenapi.sandbox.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.pingppopenapi.sandbox.domain.Account;
import org.pingppopenapi.sandbox.domain.BalanceTransactionRecord;
import org.pingppopenapi.server.model.BalanceBonus;
import org.pingppopenapi.server.model.BalanceBonusCreateRequest;
import org.pingppopenapi.server.model.BalanceTransaction.TypeEnum;

/**
 * {@code /v1/apps/{app_id}/balance_bonuses}: a bonus is paid into the user's balance at once, as a
 * {@code receipts_extra} balance transaction; {@code order_no} is unique in the app; a disabled user gets none.
 */
public final class BalanceBonusesResource extends GenericBalanceBonusesApi {

    private static final String KIND = "balance_bonus";

    public BalanceBonusesResource(ResourceRegistry registry) {
        super(registry);
    }

    @Override
    public BalanceBonus createBalanceBonus(String appId, BalanceBonusCreateRequest request) {
        Account account = account();
        account.apps().app(appId, "app_id");
        account.users().user(appId, request.getUser()).checkEnabled("user");
        String id = account.newId("BalanceBonus");
        BalanceTransactionRecord paid = account.ledger().withOrderNo(appId, KIND, request.getOrderNo(), () -> account.ledger()
                .credit(appId, request.getUser(), request.getAmount(), TypeEnum.RECEIPTS_EXTRA, id, request.getDescription()));
        ObjectNode bonus = BalanceJson.body(request, id)
                .put("paid", true)
                .put("time_paid", paid.created())
                .put("refunded", false)
                .put("amount_refunded", 0L)
                .put("balance_transaction", paid.id());
        return (BalanceBonus) serve("createBalanceBonus", appId, bonus);
    }
}
