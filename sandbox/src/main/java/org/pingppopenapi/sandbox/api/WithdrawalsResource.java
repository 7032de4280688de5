package org.pingppopenapi.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.pingppopenapi.sandbox.domain.Account;
import org.pingppopenapi.sandbox.domain.BalanceTransactionRecord;
import org.pingppopenapi.sandbox.domain.Errors;
import org.pingppopenapi.sandbox.store.StoredObject;
import org.pingppopenapi.server.model.BalanceTransaction.TypeEnum;
import org.pingppopenapi.server.model.Withdrawal;
import org.pingppopenapi.server.model.WithdrawalCreateRequest;
import org.pingppopenapi.server.model.WithdrawalUpdateRequest;

/**
 * {@code /v1/apps/{app_id}/withdrawals}: a user applies to withdraw part of its balance; the amount leaves the
 * balance at once, never below zero (402 {@code insufficient_balance}, also under concurrent applications), and the
 * merchant confirms or cancels ({@link Withdrawals}). {@code order_no} is unique in the app; the payee is {@code
 * channel} with {@code extra}, or one of the user's settle accounts.
 */
public final class WithdrawalsResource extends GenericWithdrawalsApi {

    private static final String KIND = "withdrawal";
    private static final String UNIONPAY = "unionpay";
    /** A settle account on a bank card is paid through UnionPay, the withdrawal channel to bank cards. */
    private static final String BANK_ACCOUNT = "bank_account";

    public WithdrawalsResource(ResourceRegistry registry) {
        super(registry);
    }

    @Override
    public Withdrawal createWithdrawal(String appId, WithdrawalCreateRequest request) {
        Account account = account();
        account.apps().app(appId, "app_id");
        account.users().user(appId, request.getUser()).checkEnabled("user");
        String channel = request.getChannel();
        if (channel == null) {
            if (request.getSettleAccount() == null) {
                throw Errors.invalid("channel", "A withdrawal needs channel (with extra) or settle_account.");
            }
            JsonNode settleAccount = account.objects().find(UsersResource.SETTLE_ACCOUNTS,
                    List.of(appId, request.getUser()), request.getSettleAccount())
                    .orElseThrow(() -> Errors.invalid("settle_account", "User " + request.getUser()
                            + " has no settle account " + request.getSettleAccount() + "."))
                    .json();
            channel = settleAccount.path("channel").asText();
            if (BANK_ACCOUNT.equals(channel)) {
                channel = UNIONPAY;
            }
        } else if (UNIONPAY.equals(channel)) {
            Map<String, Object> extra = request.getExtra() == null ? Map.of() : request.getExtra();
            if (extra.get("open_bank_code") == null && extra.get("open_bank") == null) {
                throw Errors.invalid("extra.open_bank_code", "unionpay needs extra.open_bank_code or extra.open_bank.");
            }
        }
        String id = account.newId("Withdrawal");
        BalanceTransactionRecord applied = account.ledger().withOrderNo(appId, KIND, request.getOrderNo(), () -> account
                .ledger().debit(appId, request.getUser(), request.getAmount(), TypeEnum.WITHDRAWAL, id,
                        request.getDescription(), "amount"));
        ObjectNode withdrawal = BalanceJson.body(request, id)
                .put("channel", channel)
                .put("status", Withdrawals.CREATED)
                .put("user_fee", request.getUserFee() == null ? 0 : request.getUserFee())
                .put("fee", 0L)
                .put("balance_transaction", applied.id());
        return (Withdrawal) serve("createWithdrawal", appId, withdrawal);
    }

    @Override
    public Withdrawal updateWithdrawal(String appId, String withdrawalId, WithdrawalUpdateRequest request) {
        StoredObject withdrawal = Withdrawals.withdrawal(account(), appId, withdrawalId, null);
        return switch (request.getStatus()) {
            case PENDING -> Withdrawals.confirm(account(), appId, withdrawal);
            case CANCELED -> Withdrawals.cancel(account(), appId, withdrawal);
        };
    }
}
