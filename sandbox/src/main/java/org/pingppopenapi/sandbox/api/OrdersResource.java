package org.pingppopenapi.sandbox.api;

import org.pingppopenapi.sandbox.domain.OrderRecord;
import org.pingppopenapi.sandbox.domain.Page;
import org.pingppopenapi.server.model.Order;
import org.pingppopenapi.server.model.OrderCancelRequest;
import org.pingppopenapi.server.model.OrderCreateRequest;
import org.pingppopenapi.server.model.OrderList;
import org.pingppopenapi.server.model.OrderPayRequest;

/** {@code /v1/orders}: place, pay, cancel, retrieve and list orders. */
public final class OrdersResource extends GenericOrdersApi {

    public OrdersResource(ResourceRegistry registry) {
        super(registry);
    }

    @Override
    public Order createOrder(OrderCreateRequest request) {
        return account().orders().create(request).toModel();
    }

    @Override
    public Order payOrder(String orderId, OrderPayRequest request) {
        return account().orders().pay(orderId, request).toModel();
    }

    @Override
    public Order cancelOrder(String orderId, OrderCancelRequest request) {
        return account().orders().cancel(orderId, request).toModel();
    }

    @Override
    public Order retrieveOrder(String orderId) {
        return account().orders().order(orderId).toModel();
    }

    @Override
    public OrderList listOrders(String app, String uid, String receiptApp, String serviceApp, Boolean paid,
            Boolean refunded, Integer canceled, String type, Integer page, Integer perPage, Long createdGt,
            Long createdGte, Long createdLt, Long createdLte) {
        Page<OrderRecord> orders = Page.byNumber(account().orders().orders(app, uid, receiptApp, serviceApp, paid,
                refunded, canceled, type, created(createdGt, createdGte, createdLt, createdLte)), page,
                perPage(perPage, DEFAULT_PER_PAGE));
        return new OrderList(OrderList.ObjectEnum.LIST, "/v1/orders", orders.hasMore(), orders.map(OrderRecord::toModel));
    }
}
