package org.pingppopenapi.sandbox.domain;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.pingppopenapi.server.model.BalanceTransaction.TypeEnum;

/**
 * The books of the users' balances of one account: every change of a balance is a {@link BalanceTransactionRecord},
 * written here and nowhere else, so that a user's {@code available_balance} is at every moment the sum of its
 * transactions' amounts and each transaction's {@code available_balance} the running sum. A debit never takes a
 * balance below zero: the check and the change happen under the user's lock, and a transfer locks both users in
 * one fixed order, so concurrent requests can neither overdraw nor deadlock. Thread-safe.
 */
public final class Ledger {

    private final Clock clock;
    private final IdGenerator ids;
    private final UserBook users;
    private final Timeline<BalanceTransactionRecord> transactions = new Timeline<>();
    private final ConcurrentMap<OrderNo, Boolean> orderNos = new ConcurrentHashMap<>();

    Ledger(Clock clock, IdGenerator ids, UserBook users) {
        this.clock = clock;
        this.ids = ids;
        this.users = users;
    }

    /**
     * Adds {@code amount} (at least 1) to the balance of {@code user} of {@code app} (made a customer if it is new),
     * for the object {@code source}: a recharge, a bonus, a refund to the balance, a transfer on the {@code balance}
     * channel, a withdrawal given back.
     */
    public BalanceTransactionRecord credit(String app, String user, long amount, TypeEnum type, String source,
            String description) {
        checkPositive(amount);
        UserRecord record = users.user(app, user);
        synchronized (record) {
            return write(record, amount, type, source, description);
        }
    }

    /**
     * Takes {@code amount} (at least 1) from the balance of {@code user} of {@code app}; refuses with 402
     * {@code insufficient_balance} naming {@code param} when the balance holds less, and then nothing changes.
     */
    public BalanceTransactionRecord debit(String app, String user, long amount, TypeEnum type, String source,
            String description, String param) {
        checkPositive(amount);
        UserRecord record = users.user(app, user);
        synchronized (record) {
            checkCovers(record, amount, param);
            return write(record, -amount, type, source, description);
        }
    }

    /** The two sides of a transfer between users. */
    public record Transfer(BalanceTransactionRecord payer, BalanceTransactionRecord recipient) {
    }

    /**
     * Moves {@code amount} from {@code payer} to {@code recipient} of {@code app}, and takes {@code fee} from the
     * payer on top (it leaves the users' books: the merchant keeps it); refuses like {@link #debit} when the payer's
     * balance is short of both together.
     */
    public Transfer transfer(String app, String payer, String recipient, long amount, long fee, TypeEnum type,
            String source, String description, String param) {
        checkPositive(amount);
        if (payer.equals(recipient)) {
            throw new IllegalArgumentException("A transfer needs two users");
        }
        long taken;
        try {
            taken = Math.addExact(amount, fee);
        } catch (ArithmeticException overflow) {
            throw Errors.invalid("user_fee", "amount plus user_fee is beyond what a balance holds.");
        }
        UserRecord from = users.user(app, payer);
        UserRecord to = users.user(app, recipient);
        UserRecord first = payer.compareTo(recipient) < 0 ? from : to;
        UserRecord second = first == from ? to : from;
        synchronized (first) {
            synchronized (second) {
                checkCovers(from, taken, param);
                return new Transfer(write(from, -taken, type, source, description), write(to, amount, type, source, description));
            }
        }
    }

    /**
     * Moves money for an object with a merchant number ({@code order_no}) unique among the app's objects of its
     * kind: refuses with 400 naming {@code order_no} when the number is taken, and gives it back when {@code
     * change} is refused.
     */
    public <T> T withOrderNo(String app, String kind, String orderNo, Supplier<T> change) {
        OrderNo key = new OrderNo(app, kind, orderNo);
        if (orderNos.putIfAbsent(key, Boolean.TRUE) != null) {
            throw Errors.invalid("order_no", "A " + kind + " with order_no " + orderNo + " already exists in app " + app + ".");
        }
        try {
            return change.get();
        } catch (RuntimeException refused) {
            orderNos.remove(key);
            throw refused;
        }
    }

    public BalanceTransactionRecord transaction(String app, String id) {
        return transactions.find(id).filter(transaction -> transaction.app().equals(app))
                .orElseThrow(() -> Errors.noSuch("balance_transaction", id));
    }

    /** The transactions of an app, newest first. */
    public Stream<BalanceTransactionRecord> transactions(String app, CreatedRange created) {
        return transactions.newestFirst().filter(transaction -> transaction.app().equals(app)).filter(created);
    }

    private static void checkPositive(long amount) {
        if (amount <= 0) {
            throw new IllegalArgumentException("A balance transaction moves at least 1 fen, not " + amount);
        }
    }

    private static void checkCovers(UserRecord user, long amount, String param) {
        if (amount > user.availableBalance()) {
            throw Errors.refused("insufficient_balance", param, "The available balance of user " + user.id() + " is "
                    + user.availableBalance() + " fen, less than " + amount + ".");
        }
    }

    /** Writes one transaction and the balance it leaves; the caller holds the user's lock. */
    private BalanceTransactionRecord write(UserRecord user, long amount, TypeEnum type, String source, String description) {
        long balance;
        try {
            balance = Math.addExact(user.availableBalance(), amount);
        } catch (ArithmeticException overflow) {
            throw Errors.refused("balance_overflow", null, "The balance of user " + user.id() + " cannot grow by " + amount + " fen.");
        }
        long now = clock.instant().getEpochSecond();
        BalanceTransactionRecord transaction;
        do {
            transaction = new BalanceTransactionRecord(ids.balanceTransaction(clock.instant()), Timeline.next(now), user.app(),
                    user.id(), amount, balance, type, source, description);
        } while (!transactions.add(transaction));
        user.setAvailableBalance(balance);
        return transaction;
    }

    private record OrderNo(String app, String kind, String orderNo) {
    }
}
