package org.pingppopenapi.sandbox.domain;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.pingppopenapi.sandbox.store.ObjectStore;
import org.pingppopenapi.validator.PingppValidator;

/**
 * Everything one API key sees: its apps and users, charges, orders, recharges and events (the books of the
 * resources with behaviour of their own), and the objects of every other operation of the spec (the generic
 * store's {@link ObjectStore}). Each key is an account of its own, so test suites that use different keys never see
 * each other's objects.
 */
public final class Account {

    private static final ConcurrentMap<String, IdShape> ID_SHAPES = new ConcurrentHashMap<>();

    private final String id;
    private final ObjectBudget budget;
    private final AppBook apps;
    private final UserBook users;
    private final EventLog events;
    private final ChargeBook charges;
    private final OrderBook orders;
    private final RechargeBook recharges;
    private final Ledger ledger;
    private final Clock clock;
    private final IdGenerator ids;
    private final ObjectStore objects = new ObjectStore();
    private volatile long lastUsed;

    Account(String id, Clock clock, IdGenerator ids, Credentials credentials, PingppValidator validator,
            EventDelivery delivery, int maxObjects) {
        this.id = id;
        this.lastUsed = System.nanoTime();
        this.budget = new ObjectBudget(maxObjects);
        this.clock = clock;
        this.ids = ids;
        this.users = new UserBook(clock);
        this.ledger = new Ledger(clock, ids, users);
        this.apps = new AppBook(id, clock, ids, users, budget);
        this.events = new EventLog(id, clock, ids, delivery, maxObjects);
        this.charges = new ChargeBook(clock, ids, credentials, apps, events);
        this.orders = new OrderBook(clock, ids, apps, users, ledger, charges, events, validator);
        this.recharges = new RechargeBook(clock, ids, apps, users, ledger, charges, events);
    }

    /** The account id, {@code acct_} and 16 characters derived from the key. */
    public String id() {
        return id;
    }

    /** How many more objects the account may make. */
    public ObjectBudget budget() {
        return budget;
    }

    public AppBook apps() {
        return apps;
    }

    public UserBook users() {
        return users;
    }

    public EventLog events() {
        return events;
    }

    public ChargeBook charges() {
        return charges;
    }

    public OrderBook orders() {
        return orders;
    }

    public RechargeBook recharges() {
        return recharges;
    }

    /** The books of the users' balances: every change of a balance is one of its transactions. */
    public Ledger ledger() {
        return ledger;
    }

    /** A new id for an object of the spec's schema {@code schemaName}, in the shape the spec gives its {@code id}. */
    public String newId(String schemaName) {
        return ids.next(ID_SHAPES.computeIfAbsent(schemaName, name -> IdShape.of(name, "id")), clock.instant());
    }

    /** The sandbox's clock, in Unix seconds. */
    public long now() {
        return clock.instant().getEpochSecond();
    }

    /** The objects of the operations the generic store serves. */
    public ObjectStore objects() {
        return objects;
    }

    /** When the account was last used, by {@link System#nanoTime()}: the least recently used account goes first. */
    long lastUsed() {
        return lastUsed;
    }

    void touch(long now) {
        lastUsed = now;
    }
}
