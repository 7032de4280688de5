package org.pingppopenapi.sandbox.domain;

/**
 * A user of an app's account system and its balance (in fen). Users come into being when a request first names
 * them, as {@code customer}s, or as {@code business} users when a sub-app is created.
 */
public final class UserRecord {

    private final String app;
    private final String id;
    private final String type;
    private long availableBalance;
    private boolean disabled;

    UserRecord(String app, String id, String type) {
        this.app = app;
        this.id = id;
        this.type = type;
    }

    public String id() {
        return id;
    }

    public String app() {
        return app;
    }

    public String type() {
        return type;
    }

    public synchronized long availableBalance() {
        return availableBalance;
    }

    public synchronized boolean isDisabled() {
        return disabled;
    }

    synchronized void disable() {
        disabled = true;
    }

    /** Adds to the balance; refuses a balance beyond what a long holds. */
    synchronized void credit(long amount) {
        try {
            availableBalance = Math.addExact(availableBalance, amount);
        } catch (ArithmeticException overflow) {
            throw Errors.refused("balance_overflow", null, "The balance of user " + id + " cannot grow by " + amount + " fen.");
        }
    }

    /** Takes from the balance; refuses when it holds less. */
    synchronized void debit(long amount, String param) {
        if (amount > availableBalance) {
            throw Errors.refused("insufficient_balance", param, "The available balance of user " + id + " is "
                    + availableBalance + " fen, less than " + amount + ".");
        }
        availableBalance -= amount;
    }
}
