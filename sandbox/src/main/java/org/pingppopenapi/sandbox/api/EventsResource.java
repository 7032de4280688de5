package org.pingppopenapi.sandbox.api;

import org.pingppopenapi.sandbox.domain.EventRecord;
import org.pingppopenapi.sandbox.domain.Page;
import org.pingppopenapi.server.model.Event;
import org.pingppopenapi.server.model.EventList;

/** {@code /v1/events}: the account's events, newest first. */
public final class EventsResource extends GenericEventsApi {

    public EventsResource(ResourceRegistry registry) {
        super(registry);
    }

    @Override
    public EventList listEvents(Integer limit, String startingAfter, String endingBefore, String type, Long createdGt,
            Long createdGte, Long createdLt, Long createdLte) {
        Page<EventRecord> page = account().events().page(type, created(createdGt, createdGte, createdLt, createdLte),
                limit, startingAfter, endingBefore);
        return new EventList(EventList.ObjectEnum.LIST, "/v1/events", page.hasMore(), page.map(EventRecord::toModel));
    }

    @Override
    public Event retrieveEvent(String eventId) {
        return account().events().event(eventId).toModel();
    }
}
