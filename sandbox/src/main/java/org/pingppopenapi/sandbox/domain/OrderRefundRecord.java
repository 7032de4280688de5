package org.pingppopenapi.sandbox.domain;

import java.util.Map;
import org.pingppopenapi.server.model.OrderRefund;
import org.pingppopenapi.server.model.RefundMode;

/** A refund of an order: through the channel (with the charge refund it made) or to the user's balance. */
public record OrderRefundRecord(String id, Position position, String orderId, String app, String uid,
        String merchantOrderNo, long amount, long balanceAmount, long chargeAmount, String coupon,
        String balanceTransaction, String chargeRefund, String description, Map<String, String> metadata,
        RefundMode refundMode) implements Listed {

    public OrderRefund toModel() {
        return new OrderRefund(id, OrderRefund.ObjectEnum.ORDER_REFUND, orderId, amount, OrderRefund.StatusEnum.SUCCEEDED)
                .app(app)
                .uid(uid)
                .merchantOrderNo(merchantOrderNo)
                .couponAmount(0L)
                .balanceAmount(balanceAmount)
                .chargeAmount(chargeAmount)
                .coupon(coupon)
                .balanceTransaction(balanceTransaction)
                .chargeRefund(chargeRefund)
                .created(created())
                .timeSucceed(created())
                .description(description)
                .metadata(metadata)
                .extra(Map.of())
                .refundMode(refundMode);
    }
}
