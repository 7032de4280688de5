package org.pingppopenapi.sandbox.domain;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.pingppopenapi.validator.PingppValidator;

/** The accounts of the sandbox, one per API key, made on first use. Thread-safe. */
public final class Accounts {

    private final Clock clock;
    private final IdGenerator ids = new IdGenerator();
    private final Credentials credentials = new Credentials(ids);
    private final PingppValidator validator;
    private final EventDelivery delivery;
    private final ConcurrentMap<String, Account> accounts = new ConcurrentHashMap<>();

    public Accounts(Clock clock, EventDelivery delivery) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.delivery = Objects.requireNonNull(delivery, "delivery");
        this.validator = PingppValidator.fromSpec().withClock(clock);
    }

    /** The account with this id (see {@link Account#id()}). */
    public Account account(String accountId) {
        return accounts.computeIfAbsent(accountId, id -> new Account(id, clock, ids, credentials, validator, delivery));
    }

    /** Forgets everything of one account: its next request starts from nothing. */
    public void reset(String accountId) {
        accounts.remove(accountId);
    }
}
