package org.pingppopenapi.sandbox.domain;

import java.time.Clock;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.pingppopenapi.sandbox.store.GenericStore;
import org.pingppopenapi.sandbox.store.SpecOperations;
import org.pingppopenapi.validator.PingppValidator;

/**
 * The accounts of the sandbox, one per API key, made on first use. At most {@code maxAccounts} are kept: making one
 * more forgets the account used least recently, as if it had been reset. Thread-safe.
 */
public final class Accounts {

    /** The defaults of {@code Sandbox.builder()} and the command line. */
    public static final int DEFAULT_MAX_ACCOUNTS = 100;
    public static final int DEFAULT_MAX_OBJECTS_PER_ACCOUNT = 10_000;

    private final Clock clock;
    private final IdGenerator ids = new IdGenerator();
    private final Credentials credentials = new Credentials(ids);
    private final PingppValidator validator;
    private final EventDelivery delivery;
    private final String webhookUrl;
    private final int maxAccounts;
    private final int maxObjectsPerAccount;
    private final GenericStore store;
    private final ConcurrentMap<String, Account> accounts = new ConcurrentHashMap<>();

    public Accounts(Clock clock, EventDelivery delivery, String webhookUrl, int maxAccounts, int maxObjectsPerAccount) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.delivery = Objects.requireNonNull(delivery, "delivery");
        this.webhookUrl = webhookUrl;
        if (maxAccounts < 1 || maxObjectsPerAccount < 1) {
            throw new IllegalArgumentException("The sandbox needs room for at least 1 account of at least 1 object");
        }
        this.maxAccounts = maxAccounts;
        this.maxObjectsPerAccount = maxObjectsPerAccount;
        this.validator = PingppValidator.fromSpec().withClock(clock);
        this.store = new GenericStore(SpecOperations.bundled(), ids, clock);
    }

    /** The account with this id (see {@link Account#id()}), made when it is new. */
    public Account account(String accountId) {
        Account account = accounts.get(accountId);
        if (account == null) {
            account = accounts.computeIfAbsent(accountId, id -> new Account(id, clock, ids, credentials, validator, delivery,
                    maxObjectsPerAccount));
            forgetLeastRecentlyUsedBeyond(maxAccounts, account);
        }
        account.touch(System.nanoTime());
        return account;
    }

    /** Forgets everything of one account: its next request starts from nothing. */
    public void reset(String accountId) {
        accounts.remove(accountId);
    }

    /** The sandbox's clock, for the hand-written resources that stamp the times of state changes. */
    public Clock clock() {
        return clock;
    }

    /** The webhook URL events go to, which apps show as their {@code notify_url}; null when there is none. */
    public String webhookUrl() {
        return webhookUrl;
    }

    /** What serves the operations without behaviour of their own. */
    public GenericStore store() {
        return store;
    }

    /** How many accounts the sandbox holds now. */
    public int size() {
        return accounts.size();
    }

    private void forgetLeastRecentlyUsedBeyond(int limit, Account keep) {
        while (accounts.size() > limit) {
            accounts.entrySet().stream()
                    .filter(entry -> entry.getValue() != keep)
                    .min(Comparator.comparingLong((Map.Entry<String, Account> entry) -> entry.getValue().lastUsed()))
                    .ifPresent(oldest -> accounts.remove(oldest.getKey(), oldest.getValue()));
        }
    }
}
