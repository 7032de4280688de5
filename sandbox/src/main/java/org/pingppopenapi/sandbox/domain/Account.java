package org.pingppopenapi.sandbox.domain;

import java.time.Clock;
import org.pingppopenapi.validator.PingppValidator;

/**
 * Everything one API key sees: its apps and users, charges, orders, recharges and events. Each key is an account
 * of its own, so test suites that use different keys never see each other's objects.
 */
public final class Account {

    private final String id;
    private final AppBook apps;
    private final UserBook users;
    private final EventLog events;
    private final ChargeBook charges;
    private final OrderBook orders;
    private final RechargeBook recharges;

    Account(String id, Clock clock, IdGenerator ids, Credentials credentials, PingppValidator validator,
            EventDelivery delivery) {
        this.id = id;
        this.users = new UserBook();
        this.apps = new AppBook(id, clock, ids, users);
        this.events = new EventLog(id, clock, ids, delivery);
        this.charges = new ChargeBook(clock, ids, credentials, apps, events);
        this.orders = new OrderBook(clock, ids, apps, users, charges, events, validator);
        this.recharges = new RechargeBook(clock, ids, apps, users, charges, events);
    }

    /** The account id, {@code acct_} and 16 characters derived from the key. */
    public String id() {
        return id;
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
}
