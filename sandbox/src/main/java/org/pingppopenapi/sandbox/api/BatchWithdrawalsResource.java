package org.pingppopenapi.sandbox.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.pingppopenapi.sandbox.domain.Account;
import org.pingppopenapi.sandbox.domain.Errors;
import org.pingppopenapi.sandbox.store.StoredObject;
import org.pingppopenapi.server.model.BatchWithdrawal;
import org.pingppopenapi.server.model.BatchWithdrawalCreateRequest;
import org.pingppopenapi.server.model.Withdrawal;

/**
 * {@code /v1/apps/{app_id}/batch_withdrawals}: confirms ({@code pending}, the default) or cancels 1 to 200
 * withdrawals of the app that are all {@code created} (batch withdrawal document); otherwise nothing is applied and
 * the answer is a 400 naming {@code withdrawals}. Each withdrawal moves as it would alone ({@link Withdrawals}); the
 * batch reports their totals as they were when it was made.
 */
public final class BatchWithdrawalsResource extends GenericBatchWithdrawalsApi {

    /** The batch withdrawal document: at most 200 withdrawals a batch. */
    private static final int MAX_WITHDRAWALS = 200;

    public BatchWithdrawalsResource(ResourceRegistry registry) {
        super(registry);
    }

    @Override
    public BatchWithdrawal createBatchWithdrawal(String appId, BatchWithdrawalCreateRequest request) {
        Account account = account();
        account.apps().app(appId, "app_id");
        List<String> ids = List.copyOf(new LinkedHashSet<>(request.getWithdrawals()));
        if (ids.isEmpty() || ids.size() > MAX_WITHDRAWALS) {
            throw Errors.invalid("withdrawals", "A batch withdrawal takes 1 to " + MAX_WITHDRAWALS
                    + " different withdrawals, not " + ids.size() + ".");
        }
        List<StoredObject> withdrawals = new ArrayList<>();
        for (String id : ids) {
            StoredObject withdrawal = Withdrawals.withdrawal(account, appId, id, "withdrawals");
            String status = withdrawal.json().path("status").asText();
            if (!Withdrawals.CREATED.equals(status)) {
                throw Errors.invalid("withdrawals", "Withdrawal " + id + " is " + status + "; a batch takes created"
                        + " withdrawals only.");
            }
            withdrawals.add(withdrawal);
        }
        boolean cancel = request.getStatus() == BatchWithdrawalCreateRequest.StatusEnum.CANCELED;
        List<Withdrawal> done = new ArrayList<>();
        for (StoredObject withdrawal : withdrawals) {
            done.add(cancel ? Withdrawals.cancel(account, appId, withdrawal) : Withdrawals.confirm(account, appId, withdrawal));
        }
        return (BatchWithdrawal) serve("createBatchWithdrawal", appId, batch(account, request, done, cancel));
    }

    private static ObjectNode batch(Account account, BatchWithdrawalCreateRequest request, List<Withdrawal> withdrawals,
            boolean cancel) {
        long amount = 0;
        long userFee = 0;
        long amountSucceeded = 0;
        long amountCanceled = 0;
        int succeeded = 0;
        int canceled = 0;
        ArrayNode data = BalanceJson.JSON.createArrayNode();
        for (Withdrawal withdrawal : withdrawals) {
            amount += withdrawal.getAmount();
            userFee += withdrawal.getUserFee() == null ? 0 : withdrawal.getUserFee();
            if (Withdrawals.SUCCEEDED.equals(withdrawal.getStatus().toString())) {
                succeeded++;
                amountSucceeded += withdrawal.getAmount();
            } else if (Withdrawals.CANCELED.equals(withdrawal.getStatus().toString())) {
                canceled++;
                amountCanceled += withdrawal.getAmount();
            }
            data.add(BalanceJson.JSON.<ObjectNode>valueToTree(withdrawal));
        }
        boolean finished = cancel || succeeded == withdrawals.size();
        ObjectNode batch = BalanceJson.body(request, account.newId("BatchWithdrawal"))
                .put("status", cancel ? Withdrawals.CANCELED : finished ? Withdrawals.SUCCEEDED : Withdrawals.PENDING)
                .put("amount", amount)
                .put("amount_succeeded", amountSucceeded)
                .put("amount_failed", 0L)
                .put("amount_canceled", amountCanceled)
                .put("count", withdrawals.size())
                .put("count_succeeded", succeeded)
                .put("count_failed", 0)
                .put("count_canceled", canceled)
                .put("fee", 0L)
                .put("user_fee", userFee);
        if (finished) {
            batch.put("time_finished", account.now());
        } else {
            batch.putNull("time_finished");
        }
        ObjectNode list = batch.putObject("withdrawals");
        list.put("object", "list").putNull("url");
        list.put("has_more", false).set("data", data);
        return batch;
    }
}
