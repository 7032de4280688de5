package org.pingppopenapi.sandbox.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.pingppopenapi.sandbox.domain.Account;
import org.pingppopenapi.sandbox.store.StoredObject;
import org.pingppopenapi.server.model.Coupon;
import org.pingppopenapi.server.model.CouponCreateRequest;
import org.pingppopenapi.server.model.CouponList;

/**
 * {@code /v1/apps/{app_id}/users/{user_id}/coupons}: coupons issued within their template's limits, valid by the
 * sandbox's clock ({@link Coupons}).
 */
public final class CouponsResource extends GenericCouponsApi {

    public CouponsResource(ResourceRegistry registry) {
        super(registry);
    }

    @Override
    public Coupon createCoupon(String appId, String userId, CouponCreateRequest request) {
        Account account = account();
        account.users().existing(appId, userId).checkEnabled("user_id");
        StoredObject template = Coupons.template(account, appId, request.getCouponTemplate());
        synchronized (template) {
            ObjectNode coupon = Coupons.issue(account, template, appId, userId, account.newId("Coupon"));
            if (request.getMetadata() != null) {
                coupon.set("metadata", BalanceJson.JSON.valueToTree(request.getMetadata()));
            }
            return current((Coupon) serve("createCoupon", appId, userId, coupon));
        }
    }

    @Override
    public Coupon retrieveCoupon(String appId, String userId, String couponId) {
        return current(super.retrieveCoupon(appId, userId, couponId));
    }

    @Override
    public CouponList listCoupons(String appId, String userId, Boolean redeemed, Integer page, Integer perPage,
            Long createdGt, Long createdGte, Long createdLt, Long createdLte) {
        CouponList coupons = super.listCoupons(appId, userId, redeemed, page, perPage, createdGt, createdGte, createdLt,
                createdLte);
        return coupons.data(coupons.getData().stream().map(this::current).toList());
    }

    private Coupon current(Coupon coupon) {
        return BalanceJson.JSON.convertValue(Coupons.current(account(), BalanceJson.JSON.valueToTree(coupon)), Coupon.class);
    }
}
