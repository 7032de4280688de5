package org.pingppopenapi.sandbox.domain;

import java.util.concurrent.atomic.AtomicInteger;
import org.pingppopenapi.server.model.Event;
import org.pingppopenapi.server.model.EventData;

/**
 * Something that happened, with a snapshot of the object as it was then. Only the count of webhook deliveries
 * that have not succeeded changes afterwards.
 */
public final class EventRecord implements Listed {

    private final String id;
    private final Position position;
    private final String type;
    private final String app;
    private final String accountId;
    private final Object object;
    private final String requestId;
    private final AtomicInteger pendingWebhooks = new AtomicInteger();

    EventRecord(String id, Position position, String type, String app, String accountId, Object object, String requestId) {
        this.id = id;
        this.position = position;
        this.type = type;
        this.app = app;
        this.accountId = accountId;
        this.object = object;
        this.requestId = requestId;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Position position() {
        return position;
    }

    public String type() {
        return type;
    }

    public int pendingWebhooks() {
        return pendingWebhooks.get();
    }

    /** A delivery of this event was scheduled. */
    public void webhookPending() {
        pendingWebhooks.incrementAndGet();
    }

    /** A delivery of this event succeeded. */
    public void webhookDelivered() {
        pendingWebhooks.decrementAndGet();
    }

    public Event toModel() {
        return new Event(id, Event.ObjectEnum.EVENT, created(), false, type, new EventData(object))
                .pendingWebhooks(pendingWebhooks.get())
                .request(requestId)
                .scope(app)
                .acctId(accountId);
    }
}
