package org.pingppopenapi.sandbox.domain;

/**
 * The object a charge pays for, when it is not a charge created on its own: an order or a recharge. The owner is
 * locked before its charge whenever both change, so an order and its charge never disagree.
 */
interface ChargeOwner {

    /** The lock taken before the charge's. */
    Object monitor();

    /** The charge was paid; called with both locks held. */
    void chargePaid(ChargeRecord charge, long now);

    /** Throws when {@code amount} of the charge may not be refunded through the charge refund operation. */
    void checkRefundable(ChargeRecord charge, long amount);

    /** The charge was refunded through the charge refund operation; called with both locks held. */
    void chargeRefunded(ChargeRecord charge, RefundRecord refund, long now);
}
