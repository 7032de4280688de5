package org.pingppopenapi.sandbox.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.pingppopenapi.sandbox.domain.Account;
import org.pingppopenapi.sandbox.domain.Errors;
import org.pingppopenapi.sandbox.domain.Ledger;
import org.pingppopenapi.server.model.BalanceTransaction.TypeEnum;
import org.pingppopenapi.server.model.BalanceTransfer;
import org.pingppopenapi.server.model.BalanceTransferCreateRequest;

/**
 * {@code /v1/apps/{app_id}/balance_transfers}: moves balance between two users of an app at once, one {@code
 * transfer} balance transaction on each side. The payer pays {@code amount + user_fee}, never more than its balance
 * (402 {@code insufficient_balance}, also under concurrent transfers); the fee leaves the users' books (the merchant
 * keeps it). {@code order_no} is unique in the app; a disabled payer is refused; a transfer to oneself is a 400.
 */
public final class BalanceTransfersResource extends GenericBalanceTransfersApi {

    private static final String KIND = "balance_transfer";
    private static final String SUCCEEDED = "succeeded";

    public BalanceTransfersResource(ResourceRegistry registry) {
        super(registry);
    }

    @Override
    public BalanceTransfer createBalanceTransfer(String appId, BalanceTransferCreateRequest request) {
        Account account = account();
        account.apps().app(appId, "app_id");
        if (request.getUser().equals(request.getRecipient())) {
            throw Errors.invalid("recipient", "A balance transfer goes to another user than " + request.getUser() + ".");
        }
        account.users().user(appId, request.getUser()).checkEnabled("user");
        long fee = request.getUserFee() == null ? 0 : request.getUserFee();
        String id = account.newId("BalanceTransfer");
        Ledger.Transfer moved = account.ledger().withOrderNo(appId, KIND, request.getOrderNo(), () -> account.ledger()
                .transfer(appId, request.getUser(), request.getRecipient(), request.getAmount(), fee, TypeEnum.TRANSFER, id,
                        request.getDescription(), "amount"));
        ObjectNode transfer = BalanceJson.body(request, id)
                .put("status", SUCCEEDED)
                .put("user_fee", fee)
                .put("user_balance_transaction", moved.payer().id())
                .put("recipient_balance_transaction", moved.recipient().id());
        return (BalanceTransfer) serve("createBalanceTransfer", appId, transfer);
    }
}
