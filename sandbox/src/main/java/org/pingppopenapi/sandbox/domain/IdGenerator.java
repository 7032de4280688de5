package org.pingppopenapi.sandbox.domain;

import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes ids in the shapes the spec gives them ({@link IdShape}): {@code ch_} and 24 letters and digits for charges,
 * numeric strings of a prefix, the date and a sequence number for orders. Sequence numbers come from one counter and
 * never repeat within a sandbox; random ids are checked for uniqueness where they are stored.
 */
public final class IdGenerator {

    private static final IdShape CHARGE = IdShape.of("Charge", "id");
    private static final IdShape REFUND = IdShape.of("Refund", "id");
    private static final IdShape EVENT = IdShape.of("Event", "id");
    private static final IdShape REQUEST = IdShape.of("Event", "request");
    private static final IdShape APP = IdShape.of("SubApp", "id");
    private static final IdShape BALANCE_BONUS = IdShape.of("BalanceBonus", "id");
    private static final IdShape ORDER = IdShape.of("Order", "id");
    private static final IdShape RECHARGE = IdShape.of("Recharge", "id");
    private static final IdShape ORDER_REFUND = IdShape.of("OrderRefund", "id");
    private static final IdShape BALANCE_TRANSACTION = IdShape.of("Order", "balance_transaction");

    private static final String LETTERS_AND_DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private final AtomicLong sequence = new AtomicLong();

    /** A new id of {@code shape}, dated {@code now} where the shape has a date. */
    public String next(IdShape shape, Instant now) {
        return shape.next(sequence, now);
    }

    public String charge() {
        return next(CHARGE, Instant.now());
    }

    public String refund() {
        return next(REFUND, Instant.now());
    }

    public String event() {
        return next(EVENT, Instant.now());
    }

    /** The id of an API request, as events name the request that caused them. */
    public String request() {
        return next(REQUEST, Instant.now());
    }

    public String app() {
        return next(APP, Instant.now());
    }

    public String balanceBonus() {
        return next(BALANCE_BONUS, Instant.now());
    }

    public String order(Instant now) {
        return next(ORDER, now);
    }

    public String recharge(Instant now) {
        return next(RECHARGE, now);
    }

    public String orderRefund(Instant now) {
        return next(ORDER_REFUND, now);
    }

    public String balanceTransaction(Instant now) {
        return next(BALANCE_TRANSACTION, now);
    }

    /** Random decimal digits, for channel transaction numbers and UnionPay {@code tn}s. */
    public String digits(int length) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = (char) ('0' + random.nextInt(10));
        }
        return new String(out);
    }

    /** Random lower-case hexadecimal digits, for nonces and signatures of fake credentials. */
    public String hex(int length) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = Character.forDigit(random.nextInt(16), 16);
        }
        return new String(out);
    }

    /** Random letters and digits. */
    public String random(int length) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = LETTERS_AND_DIGITS.charAt(random.nextInt(LETTERS_AND_DIGITS.length()));
        }
        return new String(out);
    }
}
