package org.pingppopenapi.sandbox.api;

import org.pingppopenapi.sandbox.domain.OrderRefundRecord;
import org.pingppopenapi.sandbox.domain.Page;
import org.pingppopenapi.sandbox.domain.RefundRecord;
import org.pingppopenapi.server.model.OrderRefund;
import org.pingppopenapi.server.model.OrderRefundCreateRequest;
import org.pingppopenapi.server.model.OrderRefundList;
import org.pingppopenapi.server.model.RefundList;

/**
 * {@code /v1/orders/{order_id}/order_refunds}: refund a paid order (answered with the list of the charge refunds
 * made, as the documents' example and every SDK have it); retrieve and list the order's refunds.
 */
public final class OrderRefundsResource extends GenericOrderRefundsApi {

    public OrderRefundsResource(ResourceRegistry registry) {
        super(registry);
    }

    @Override
    public RefundList createOrderRefund(String orderId, OrderRefundCreateRequest request) {
        return new RefundList(RefundList.ObjectEnum.LIST, "/v1/orders/" + orderId + "/order_refunds", false,
                account().orders().refund(orderId, request).stream().map(RefundRecord::toModel).toList());
    }

    @Override
    public OrderRefundList listOrderRefunds(String orderId, String status, Integer page, Integer perPage, Long createdGt,
            Long createdGte, Long createdLt, Long createdLte) {
        Page<OrderRefundRecord> refunds = Page.byNumber(account().orders()
                        .orderRefunds(orderId, created(createdGt, createdGte, createdLt, createdLte))
                        .filter(refund -> status == null || status.equals("succeeded")),
                page, perPage(perPage, DEFAULT_ORDER_PER_PAGE));
        return new OrderRefundList(OrderRefundList.ObjectEnum.LIST, "/v1/orders/" + orderId + "/order_refunds",
                refunds.hasMore(), refunds.map(OrderRefundRecord::toModel));
    }

    @Override
    public OrderRefund retrieveOrderRefund(String orderId, String refundId) {
        return account().orders().orderRefund(orderId, refundId).toModel();
    }
}
