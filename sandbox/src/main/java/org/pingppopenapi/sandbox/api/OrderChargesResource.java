package org.pingppopenapi.sandbox.api;

import org.pingppopenapi.sandbox.domain.ChargeRecord;
import org.pingppopenapi.sandbox.domain.Page;
import org.pingppopenapi.server.model.Charge;
import org.pingppopenapi.server.model.ChargeList;

/** {@code /v1/orders/{order_id}/charges}: the charges made to pay an order. */
public final class OrderChargesResource extends GenericOrderChargesApi {

    public OrderChargesResource(ResourceRegistry registry) {
        super(registry);
    }

    @Override
    public ChargeList listOrderCharges(String orderId, String channel, Boolean paid, Boolean refunded, Integer page,
            Integer perPage) {
        Page<ChargeRecord> charges = Page.byNumber(account().orders().charges(orderId, channel, paid, refunded), page,
                perPage(perPage, DEFAULT_ORDER_PER_PAGE));
        return new ChargeList(ChargeList.ObjectEnum.LIST, "/v1/orders/" + orderId + "/charges", charges.hasMore(),
                charges.map(ChargeRecord::toModel));
    }

    @Override
    public Charge retrieveOrderCharge(String orderId, String chargeId) {
        return account().orders().charge(orderId, chargeId).toModel();
    }
}
