package org.pingppopenapi.sandbox.api;

import org.pingppopenapi.sandbox.domain.Page;
import org.pingppopenapi.sandbox.domain.RechargeRecord;
import org.pingppopenapi.server.model.Recharge;
import org.pingppopenapi.server.model.RechargeCreateRequest;
import org.pingppopenapi.server.model.RechargeList;

/** {@code /v1/apps/{app_id}/recharges}: top up a user's balance through a charge; retrieve and list recharges. */
public final class RechargesResource extends GenericRechargesApi {

    public RechargesResource(ResourceRegistry registry) {
        super(registry);
    }

    @Override
    public Recharge createRecharge(String appId, RechargeCreateRequest request) {
        return account().recharges().create(appId, request).toModel();
    }

    @Override
    public RechargeList listRecharges(String appId, String user, Boolean succeeded, Boolean refunded, Integer page,
            Integer perPage, Long createdGt, Long createdGte, Long createdLt, Long createdLte) {
        Page<RechargeRecord> recharges = Page.byNumber(account().recharges().recharges(appId, user, succeeded, refunded,
                created(createdGt, createdGte, createdLt, createdLte)), page, perPage(perPage, DEFAULT_PER_PAGE));
        return new RechargeList(RechargeList.ObjectEnum.LIST, "/v1/apps/" + appId + "/recharges", recharges.hasMore(),
                recharges.map(RechargeRecord::toModel));
    }

    @Override
    public Recharge retrieveRecharge(String appId, String rechargeId) {
        return account().recharges().recharge(appId, rechargeId).toModel();
    }
}
