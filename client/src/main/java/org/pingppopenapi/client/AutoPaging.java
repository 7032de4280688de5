package org.pingppopenapi.client;

import org.pingppopenapi.client.api.ChargesApi;
import org.pingppopenapi.client.api.EventsApi;
import org.pingppopenapi.client.api.OrderChargesApi;
import org.pingppopenapi.client.api.OrderRefundsApi;
import org.pingppopenapi.client.api.OrdersApi;
import org.pingppopenapi.client.api.RechargesApi;
import org.pingppopenapi.client.api.RefundsApi;
import org.pingppopenapi.client.api.SubAppsApi;
import org.pingppopenapi.client.internal.Pages;
import org.pingppopenapi.client.internal.Pages.Listing;
import org.pingppopenapi.client.model.Charge;
import org.pingppopenapi.client.model.ChargeList;
import org.pingppopenapi.client.model.Event;
import org.pingppopenapi.client.model.EventList;
import org.pingppopenapi.client.model.Order;
import org.pingppopenapi.client.model.OrderList;
import org.pingppopenapi.client.model.Recharge;
import org.pingppopenapi.client.model.RechargeList;
import org.pingppopenapi.client.model.Refund;
import org.pingppopenapi.client.model.RefundList;
import org.pingppopenapi.client.model.SubApp;
import org.pingppopenapi.client.model.SubAppList;

/**
 * Every object of each list operation, as a lazily fetched {@link PagedIterable}. Takes the same query objects as
 * the list operations themselves (their filters, {@code limit} or {@code per_page}) and pages through the rest:
 * cursor lists (charges, charge refunds, events) with {@code starting_after}, the account-system lists (recharges,
 * sub-apps, orders, order charges, order refunds) with {@code page}.
 *
 * <pre>{@code
 * for (Charge charge : client.autoPaging().charges(new ListChargesQueryParams().appId(appId).limit(100))) { ... }
 * }</pre>
 */
public final class AutoPaging {

    private final PingppClient client;

    AutoPaging(PingppClient client) {
        this.client = client;
    }

    /** Every charge of an app ({@code app[id]} is required), newest first. */
    public PagedIterable<Charge> charges(ChargesApi.ListChargesQueryParams query) {
        Listing<ChargesApi.ListChargesQueryParams, ChargeList, Charge> listing = new Listing<>(
                ChargesApi.ListChargesQueryParams::new, client.charges()::listCharges,
                ChargeList::getData, ChargeList::getHasMore);
        return new PagedIterable<>(() -> Pages.byCursor(listing, query, Charge::getId));
    }

    /** Every refund of a charge, newest first. */
    public PagedIterable<Refund> chargeRefunds(String chargeId, RefundsApi.ListChargeRefundsQueryParams query) {
        Listing<RefundsApi.ListChargeRefundsQueryParams, RefundList, Refund> listing = new Listing<>(
                RefundsApi.ListChargeRefundsQueryParams::new, page -> client.refunds().listChargeRefunds(chargeId, page),
                RefundList::getData, RefundList::getHasMore);
        return new PagedIterable<>(() -> Pages.byCursor(listing, query, Refund::getId));
    }

    /** Every event, newest first. */
    public PagedIterable<Event> events(EventsApi.ListEventsQueryParams query) {
        Listing<EventsApi.ListEventsQueryParams, EventList, Event> listing = new Listing<>(
                EventsApi.ListEventsQueryParams::new, client.events()::listEvents,
                EventList::getData, EventList::getHasMore);
        return new PagedIterable<>(() -> Pages.byCursor(listing, query, Event::getId));
    }

    /** Every recharge of an app, newest first. */
    public PagedIterable<Recharge> recharges(String appId, RechargesApi.ListRechargesQueryParams query) {
        Listing<RechargesApi.ListRechargesQueryParams, RechargeList, Recharge> listing = new Listing<>(
                RechargesApi.ListRechargesQueryParams::new, page -> client.recharges().listRecharges(appId, page),
                RechargeList::getData, RechargeList::getHasMore);
        return new PagedIterable<>(() -> Pages.byPageNumber(listing, query));
    }

    /** Every sub-app of a platform app. */
    public PagedIterable<SubApp> subApps(String appId, SubAppsApi.ListSubAppsQueryParams query) {
        Listing<SubAppsApi.ListSubAppsQueryParams, SubAppList, SubApp> listing = new Listing<>(
                SubAppsApi.ListSubAppsQueryParams::new, page -> client.subApps().listSubApps(appId, page),
                SubAppList::getData, SubAppList::getHasMore);
        return new PagedIterable<>(() -> Pages.byPageNumber(listing, query));
    }

    /** Every order of an app ({@code app} is required), newest first. */
    public PagedIterable<Order> orders(OrdersApi.ListOrdersQueryParams query) {
        Listing<OrdersApi.ListOrdersQueryParams, OrderList, Order> listing = new Listing<>(
                OrdersApi.ListOrdersQueryParams::new, client.orders()::listOrders,
                OrderList::getData, OrderList::getHasMore);
        return new PagedIterable<>(() -> Pages.byPageNumber(listing, query));
    }

    /** Every charge made to pay an order. */
    public PagedIterable<Charge> orderCharges(String orderId, OrderChargesApi.ListOrderChargesQueryParams query) {
        Listing<OrderChargesApi.ListOrderChargesQueryParams, ChargeList, Charge> listing = new Listing<>(
                OrderChargesApi.ListOrderChargesQueryParams::new,
                page -> client.orderCharges().listOrderCharges(orderId, page),
                ChargeList::getData, ChargeList::getHasMore);
        return new PagedIterable<>(() -> Pages.byPageNumber(listing, query));
    }

    /** Every charge refund of an order. */
    public PagedIterable<Refund> orderRefunds(String orderId, OrderRefundsApi.ListOrderRefundsQueryParams query) {
        Listing<OrderRefundsApi.ListOrderRefundsQueryParams, RefundList, Refund> listing = new Listing<>(
                OrderRefundsApi.ListOrderRefundsQueryParams::new,
                page -> client.orderRefunds().listOrderRefunds(orderId, page),
                RefundList::getData, RefundList::getHasMore);
        return new PagedIterable<>(() -> Pages.byPageNumber(listing, query));
    }
}
