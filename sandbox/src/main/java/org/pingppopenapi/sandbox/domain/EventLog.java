package org.pingppopenapi.sandbox.domain;

import java.time.Clock;
import java.util.stream.Stream;

/**
 * The events of one account, newest first, each handed to the webhook dispatcher as it is recorded. Event types
 * are those the documents name: {@code charge.succeeded}, {@code refund.succeeded}, {@code order.succeeded},
 * {@code order.refund.succeeded} and {@code recharge.succeeded}.
 */
public final class EventLog {

    public static final String CHARGE_SUCCEEDED = "charge.succeeded";
    public static final String REFUND_SUCCEEDED = "refund.succeeded";
    public static final String ORDER_SUCCEEDED = "order.succeeded";
    public static final String ORDER_REFUND_SUCCEEDED = "order.refund.succeeded";
    public static final String RECHARGE_SUCCEEDED = "recharge.succeeded";

    private final String accountId;
    private final Clock clock;
    private final IdGenerator ids;
    private final EventDelivery delivery;
    private final Timeline<EventRecord> events = new Timeline<>();

    EventLog(String accountId, Clock clock, IdGenerator ids, EventDelivery delivery) {
        this.accountId = accountId;
        this.clock = clock;
        this.ids = ids;
        this.delivery = delivery;
    }

    /**
     * Records an event about {@code object} (a snapshot taken by the caller) and starts its webhook delivery.
     *
     * @param byApiRequest whether an API request caused it (then it names a request id); simulated customer
     *                     actions such as a payment are not API requests
     */
    void record(String type, String app, Object object, boolean byApiRequest) {
        EventRecord event;
        do {
            event = new EventRecord(ids.event(), Timeline.next(clock.instant().getEpochSecond()), type, app, accountId,
                    object, byApiRequest ? ids.request() : null);
        } while (!events.add(event));
        delivery.deliver(event);
    }

    public EventRecord event(String id) {
        return events.find(id).orElseThrow(() -> Errors.noSuch("event", id));
    }

    public Page<EventRecord> page(String type, CreatedRange created, int limit, String startingAfter, String endingBefore) {
        return Page.byCursor(events, event -> (type == null || type.equals(event.type())) && created.test(event), limit,
                startingAfter, endingBefore, "event");
    }

    public Stream<EventRecord> newestFirst() {
        return events.newestFirst();
    }
}
