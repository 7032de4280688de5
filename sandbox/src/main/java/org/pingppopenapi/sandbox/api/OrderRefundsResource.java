package org.pingppopenapi.sandbox.api;

import org.pingppopenapi.sandbox.domain.Page;
import org.pingppopenapi.sandbox.domain.RefundRecord;
import org.pingppopenapi.server.model.OrderRefundCreateRequest;
import org.pingppopenapi.server.model.Refund;
import org.pingppopenapi.server.model.RefundList;

/**
 * {@code /v1/orders/{order_id}/order_refunds}: refund a paid order, and retrieve and list its charge refunds; all three
 * answer charge {@code refund} objects, as the official SDKs read them (the spec's operations say why).
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
    public RefundList listOrderRefunds(String orderId, String status, Integer page, Integer perPage, Long createdGt,
            Long createdGte, Long createdLt, Long createdLte) {
        Page<RefundRecord> refunds = Page.byNumber(account().orders()
                        .chargeRefunds(orderId, created(createdGt, createdGte, createdLt, createdLte))
                        .filter(refund -> status == null || status.equals("succeeded")),
                page, perPage(perPage, DEFAULT_ORDER_PER_PAGE));
        return new RefundList(RefundList.ObjectEnum.LIST, "/v1/orders/" + orderId + "/order_refunds",
                refunds.hasMore(), refunds.map(RefundRecord::toModel));
    }

    @Override
    public Refund retrieveOrderRefund(String orderId, String refundId) {
        return account().orders().chargeRefund(orderId, refundId).toModel();
    }
}
