package org.pingppopenapi.sandbox.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes object ids in the shapes Ping++ uses: a prefix and random letters and digits for charges ({@code ch_} and
 * 24), refunds, events and apps; numeric strings (a type prefix, the date, a sequence number) for orders, recharges
 * and order refunds. Numeric ids come from one counter and never repeat within a sandbox; random ids are checked
 * for uniqueness where they are stored.
 */
public final class IdGenerator {

    private static final char[] ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd").withZone(ZoneOffset.UTC);

    private final AtomicLong sequence = new AtomicLong();

    public String charge() {
        return "ch_" + random(24);
    }

    public String refund() {
        return "re_" + random(24);
    }

    public String event() {
        return "evt_" + random(24);
    }

    public String request() {
        return "iar_" + random(24);
    }

    public String app() {
        return "app_" + random(16);
    }

    public String balanceBonus() {
        return "bb_" + random(24);
    }

    /** A 19-digit order id such as {@code 2011608270000004421}. */
    public String order(Instant now) {
        return numeric("201", now, 10);
    }

    /** A 19-digit recharge id such as {@code 2001706060000002372}. */
    public String recharge(Instant now) {
        return numeric("200", now, 10);
    }

    /** A 19-digit order refund id such as {@code 2111608270000005209}. */
    public String orderRefund(Instant now) {
        return numeric("211", now, 10);
    }

    /** A 24-digit balance transaction id such as {@code 310216082700270000001101}. */
    public String balanceTransaction(Instant now) {
        return numeric("3102", now, 14);
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
            out[i] = ALPHANUMERIC[random.nextInt(ALPHANUMERIC.length)];
        }
        return new String(out);
    }

    private String numeric(String prefix, Instant now, int sequenceDigits) {
        String counter = Long.toString(sequence.incrementAndGet());
        String padded = "0".repeat(Math.max(0, sequenceDigits - counter.length())) + counter;
        return prefix + YYMMDD.format(now) + padded;
    }
}
