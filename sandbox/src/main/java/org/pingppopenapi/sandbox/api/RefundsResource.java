package org.pingppopenapi.sandbox.api;

import org.pingppopenapi.sandbox.domain.Page;
import org.pingppopenapi.sandbox.domain.RefundRecord;
import org.pingppopenapi.server.model.Refund;
import org.pingppopenapi.server.model.RefundCreateRequest;
import org.pingppopenapi.server.model.RefundList;

/** {@code /v1/charges/{charge_id}/refunds}: refund a paid charge in parts or in full; retrieve and list refunds. */
public final class RefundsResource extends GenericRefundsApi {

    public RefundsResource(ResourceRegistry registry) {
        super(registry);
    }

    @Override
    public Refund createChargeRefund(String chargeId, RefundCreateRequest request) {
        return account().charges().refund(chargeId, request).toModel();
    }

    @Override
    public RefundList listChargeRefunds(String chargeId, Integer limit, String startingAfter, String endingBefore) {
        Page<RefundRecord> page = account().charges().refunds(chargeId, limit, startingAfter, endingBefore);
        return new RefundList(RefundList.ObjectEnum.LIST, "/v1/charges/" + chargeId + "/refunds", page.hasMore(),
                page.map(RefundRecord::toModel));
    }

    @Override
    public Refund retrieveChargeRefund(String chargeId, String refundId) {
        return account().charges().refund(chargeId, refundId).toModel();
    }
}
