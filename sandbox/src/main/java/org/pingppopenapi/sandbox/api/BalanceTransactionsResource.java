package org.pingppopenapi.sandbox.api;

import org.pingppopenapi.sandbox.domain.BalanceTransactionRecord;
import org.pingppopenapi.sandbox.domain.Page;
import org.pingppopenapi.server.model.BalanceTransaction;
import org.pingppopenapi.server.model.BalanceTransactionList;

/** {@code /v1/apps/{app_id}/balance_transactions}: the ledger of the users' balances, read-only. */
public final class BalanceTransactionsResource extends GenericBalanceTransactionsApi {

    public BalanceTransactionsResource(ResourceRegistry registry) {
        super(registry);
    }

    @Override
    public BalanceTransactionList listBalanceTransactions(String appId, Integer page, Integer perPage, Long createdGt,
            Long createdGte, Long createdLt, Long createdLte) {
        Page<BalanceTransactionRecord> transactions = Page.byNumber(account().ledger().transactions(appId,
                created(createdGt, createdGte, createdLt, createdLte)), page == null ? 1 : page,
                perPage(perPage, DEFAULT_PER_PAGE));
        return new BalanceTransactionList(BalanceTransactionList.ObjectEnum.LIST, "/v1/apps/" + appId
                + "/balance_transactions", transactions.hasMore(), transactions.map(BalanceTransactionRecord::toModel));
    }

    @Override
    public BalanceTransaction retrieveBalanceTransaction(String appId, String balanceTransactionId) {
        return account().ledger().transaction(appId, balanceTransactionId).toModel();
    }
}
