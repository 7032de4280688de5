package org.pingppopenapi.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pingppopenapi.client.PingppClient;
import org.pingppopenapi.client.model.BalanceTransaction;
import org.pingppopenapi.client.param.ListBalanceTransactionsParams;

/** What the ledger tests check through the client: the balance transactions, and the books they must balance. */
final class LedgerBooks {

    private LedgerBooks() {
    }

    /** Every balance transaction of the client's app, oldest first. */
    static List<BalanceTransaction> transactions(PingppClient client) {
        List<BalanceTransaction> newestFirst = new ArrayList<>();
        client.balanceTransactions().list(ListBalanceTransactionsParams.builder().perPage(100).build()).autoPaging()
                .forEach(newestFirst::add);
        List<BalanceTransaction> oldestFirst = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    /**
     * For every user: its {@code available_balance} is the sum of its transactions, each transaction's {@code
     * available_balance} is the running sum (never negative), and retrieving each transaction gives the listed one.
     * Returns the balances by user.
     */
    static Map<String, Long> assertBalanced(PingppClient client, Collection<String> users) {
        List<BalanceTransaction> transactions = transactions(client);
        Map<String, Long> running = new HashMap<>();
        for (BalanceTransaction transaction : transactions) {
            long balance = running.merge(transaction.getUser(), transaction.getAmount(), Long::sum);
            assertThat(transaction.getAvailableBalance()).as("running balance of %s after %s", transaction.getUser(),
                    transaction.getId()).isEqualTo(balance);
            assertThat(balance).as("balance of %s after %s", transaction.getUser(), transaction.getId()).isNotNegative();
            assertThat(transaction.getAmount()).as("amount of %s", transaction.getId()).isNotZero();
        }
        Map<String, Long> balances = new HashMap<>();
        for (String user : users) {
            long balance = client.users().retrieve(user).getAvailableBalance();
            assertThat(balance).as("balance of %s: the sum of its transactions", user).isEqualTo(running.getOrDefault(user, 0L));
            balances.put(user, balance);
        }
        transactions.stream().max(Comparator.comparing(BalanceTransaction::getCreated)).ifPresent(latest ->
                assertThat(client.balanceTransactions().retrieve(latest.getId())).isEqualTo(latest));
        return balances;
    }
}
