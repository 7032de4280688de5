package org.pingppopenapi.sandbox.domain;

import java.time.Clock;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The events of one account, newest first, each handed to the webhook dispatcher as it is recorded. The types are
 * the spec's ({@code Event.type}'s known values): recording a type the spec does not know is a bug of the sandbox.
 * It keeps as many events as the account may make objects ({@link ObjectBudget}): the oldest are forgotten first.
 */
public final class EventLog {

    private static final Set<String> TYPES = SpecDocument.eventTypes();

    private final String accountId;
    private final Clock clock;
    private final IdGenerator ids;
    private final EventDelivery delivery;
    private final int maxEvents;
    private final Timeline<EventRecord> events = new Timeline<>();

    EventLog(String accountId, Clock clock, IdGenerator ids, EventDelivery delivery, int maxEvents) {
        this.accountId = accountId;
        this.maxEvents = maxEvents;
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
    public void record(String type, String app, Object object, boolean byApiRequest) {
        if (!TYPES.contains(type)) {
            throw new IllegalStateException("The spec has no event type " + type + " (Event.type x-pingpp-known-values)");
        }
        EventRecord event;
        do {
            event = new EventRecord(ids.event(), Timeline.next(clock.instant().getEpochSecond()), type, app, accountId,
                    object, byApiRequest ? ids.request() : null);
        } while (!events.add(event));
        events.forgetOldestBeyond(maxEvents);
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
