package org.pingppopenapi.sandbox.domain;

import org.pingppopenapi.server.model.BalanceTransaction;

/**
 * One change of a user's balance: the only way a balance changes ({@link Ledger}). Immutable; {@code
 * availableBalance} is the user's balance right after it.
 */
public record BalanceTransactionRecord(String id, Position position, String app, String user, long amount,
        long availableBalance, BalanceTransaction.TypeEnum type, String source, String description) implements Listed {

    public BalanceTransaction toModel() {
        return new BalanceTransaction(id, BalanceTransaction.ObjectEnum.BALANCE_TRANSACTION, app, amount, availableBalance,
                position.created(), false, source, type, user)
                .description(description);
    }
}
