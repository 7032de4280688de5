package org.pingppopenapi.sandbox.api;

import org.pingppopenapi.sandbox.domain.Page;
import org.pingppopenapi.sandbox.domain.RefundRecord;
import org.pingppopenapi.server.model.RechargeRefundCreateRequest;
import org.pingppopenapi.server.model.Refund;
import org.pingppopenapi.server.model.RefundList;

/**
 * {@code /v1/apps/{app_id}/recharges/{recharge_id}/refunds}: refunds a succeeded recharge whole, once: the amount it
 * credited leaves the user's balance (never below zero) and its charge is refunded.
 */
public final class RechargeRefundsResource extends GenericRechargeRefundsApi {

    public RechargeRefundsResource(ResourceRegistry registry) {
        super(registry);
    }

    @Override
    public Refund createRechargeRefund(String appId, String rechargeId, RechargeRefundCreateRequest request) {
        return account().recharges().refund(appId, rechargeId, request).toModel();
    }

    @Override
    public RefundList listRechargeRefunds(String appId, String rechargeId, Integer page, Integer perPage) {
        Page<RefundRecord> refunds = Page.byNumber(account().recharges().refunds(appId, rechargeId), page == null ? 1 : page,
                perPage(perPage, DEFAULT_PER_PAGE));
        return new RefundList(RefundList.ObjectEnum.LIST, "/v1/apps/" + appId + "/recharges/" + rechargeId + "/refunds",
                refunds.hasMore(), refunds.map(RefundRecord::toModel));
    }

    @Override
    public Refund retrieveRechargeRefund(String appId, String rechargeId, String refundId) {
        return account().recharges().refund(appId, rechargeId, refundId).toModel();
    }
}
