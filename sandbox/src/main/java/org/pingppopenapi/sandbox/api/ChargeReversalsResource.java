package org.pingppopenapi.sandbox.api;

import org.pingppopenapi.server.model.Charge;

/**
 * {@code POST /v1/charges/{charge_id}/reverse}: closes an unpaid charge for good, or refunds and reverses a paid one
 * of a scan channel ({@code ChargeBook#reverse}); the channel groups are the spec's.
 */
public final class ChargeReversalsResource extends GenericChargeReversalsApi {

    public ChargeReversalsResource(ResourceRegistry registry) {
        super(registry);
    }

    @Override
    public Charge reverseCharge(String chargeId) {
        return account().charges().reverse(chargeId).toModel();
    }
}
