package org.pingppopenapi.sandbox.api;

import java.util.List;
import java.util.function.Function;

/**
 * The resources with behaviour of their own: money that moves, state machines, uniqueness, limits. Each extends the
 * generated {@code Generic<Name>Api} of its interface and overrides the operations it implements; every other
 * operation of the spec is served by the generic store.
 */
public final class HandWrittenResources {

    /** Every hand-written resource of the sandbox. */
    public static final List<Function<ResourceRegistry, GenericResource>> ALL = List.of(
            ChargesResource::new,
            RefundsResource::new,
            RechargesResource::new,
            SubAppsResource::new,
            SubAppChannelsResource::new,
            OrdersResource::new,
            OrderChargesResource::new,
            OrderRefundsResource::new,
            EventsResource::new,
            UsersResource::new,
            CouponsResource::new,
            SettleAccountsResource::new,
            BalanceTransactionsResource::new,
            BalanceBonusesResource::new,
            BalanceTransfersResource::new,
            WithdrawalsResource::new,
            BatchWithdrawalsResource::new,
            RechargeRefundsResource::new,
            ChargeReversalsResource::new,
            BatchRefundsResource::new,
            TransfersResource::new,
            BatchTransfersResource::new,
            RedEnvelopesResource::new,
            AgreementsResource::new,
            IdentificationResource::new,
            CardInfoResource::new,
            SubBanksResource::new,
            RoyaltiesResource::new,
            RoyaltySettlementsResource::new,
            SplitProfitsResource::new);

    private HandWrittenResources() {
    }
}
