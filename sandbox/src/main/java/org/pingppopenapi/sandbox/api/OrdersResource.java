package org.pingppopenapi.sandbox.api;

import org.pingppopenapi.sandbox.domain.Account;
import org.pingppopenapi.sandbox.domain.OrderRecord;
import org.pingppopenapi.sandbox.domain.Page;
import org.pingppopenapi.sandbox.store.StoredObject;
import org.pingppopenapi.server.model.Order;
import org.pingppopenapi.server.model.OrderCancelRequest;
import org.pingppopenapi.server.model.OrderCreateRequest;
import org.pingppopenapi.server.model.OrderList;
import org.pingppopenapi.server.model.OrderPayRequest;

/** {@code /v1/orders}: place, pay, cancel, retrieve and list orders. */
public final class OrdersResource extends GenericOrdersApi {

    /** 002: an order without {@code uid} is the app's own user {@code 0}'s. */
    private static final String DEFAULT_UID = "0";

    public OrdersResource(ResourceRegistry registry) {
        super(registry);
    }

    @Override
    public Order createOrder(OrderCreateRequest request) {
        if (request.getCoupon() == null) {
            return account().orders().create(request, 0).toModel();
        }
        Account account = account();
        StoredObject coupon = Coupons.ofUser(account, request.getApp(),
                request.getUid() == null ? DEFAULT_UID : request.getUid(), request.getCoupon());
        long discount = Coupons.redeem(account, coupon, request.getAmount());
        OrderRecord order;
        try {
            order = account.orders().create(request, discount);
        } catch (RuntimeException refused) {
            Coupons.giveBack(account, coupon);
            throw refused;
        }
        Order placed = order.toModel();
        Coupons.redeemedBy(coupon, placed.getId(), placed.getActualAmount());
        return placed;
    }

    @Override
    public Order payOrder(String orderId, OrderPayRequest request) {
        return account().orders().pay(orderId, request).toModel();
    }

    @Override
    public Order cancelOrder(String orderId, OrderCancelRequest request) {
        Order canceled = account().orders().cancel(orderId, request).toModel();
        if (canceled.getCoupon() != null) {
            Coupons.ofUserIfAny(account(), canceled.getApp(), canceled.getUid(), canceled.getCoupon())
                    .ifPresent(coupon -> Coupons.giveBack(account(), coupon));
        }
        return canceled;
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
