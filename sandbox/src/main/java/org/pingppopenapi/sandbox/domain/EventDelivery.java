package org.pingppopenapi.sandbox.domain;

/** Where new events go besides the event list: the webhook dispatcher. */
@FunctionalInterface
public interface EventDelivery {

    /** Nothing is delivered: the sandbox runs without a webhook URL. */
    EventDelivery NONE = event -> { };

    /** Takes a new event; must not block (deliveries happen later, on their own threads). */
    void deliver(EventRecord event);
}
