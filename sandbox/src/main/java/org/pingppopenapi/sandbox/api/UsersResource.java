package org.pingppopenapi.sandbox.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.pingppopenapi.sandbox.domain.Page;
import org.pingppopenapi.sandbox.domain.Timeline;
import org.pingppopenapi.sandbox.domain.UserRecord;
import org.pingppopenapi.server.PingppJson;
import org.pingppopenapi.server.model.SettleAccount;
import org.pingppopenapi.server.model.User;
import org.pingppopenapi.server.model.UserCreateRequest;
import org.pingppopenapi.server.model.UserList;
import org.pingppopenapi.server.model.UserUpdateRequest;

/**
 * {@code /v1/apps/{app_id}/users}: the users of the account system, the same users that recharges, orders, sub-apps
 * and balance operations name (a user named first by one of those exists, as a {@code customer}). A user shows its
 * balance (the sum of its balance transactions), its usable coupons and its settle accounts; a disabled user is
 * refused by orders, recharges, withdrawals and balance transfers (as payer), bonuses and coupons.
 */
public final class UsersResource extends GenericUsersApi {

    static final String SETTLE_ACCOUNTS = "/v1/apps/{}/users/{}/settle_accounts";
    static final String COUPONS = "/v1/apps/{}/users/{}/coupons";
    private static final ObjectMapper JSON = PingppJson.newObjectMapper();

    public UsersResource(ResourceRegistry registry) {
        super(registry);
    }

    @Override
    public User createUser(String appId, UserCreateRequest request) {
        account().apps().app(appId, "app_id");
        if (request.getParentUserId() != null) {
            account().users().existing(appId, request.getParentUserId());
        }
        return toModel(account().users().create(appId, request));
    }

    @Override
    public UserList listUsers(String appId, Integer page, Integer perPage, Long createdGt, Long createdGte, Long createdLt,
            Long createdLte) {
        Page<UserRecord> users = Page.byNumber(account().users().users(appId, created(createdGt, createdGte, createdLt,
                createdLte)), page == null ? 1 : page, perPage(perPage, DEFAULT_PER_PAGE));
        return new UserList(UserList.ObjectEnum.LIST, "/v1/apps/" + appId + "/users", users.hasMore(), users.map(this::toModel));
    }

    @Override
    public User retrieveUser(String appId, String userId) {
        return toModel(account().users().existing(appId, userId));
    }

    @Override
    public User updateUser(String appId, String userId, UserUpdateRequest request) {
        UserRecord user = account().users().existing(appId, userId);
        user.update(request);
        return toModel(user);
    }

    private User toModel(UserRecord user) {
        List<String> scope = List.of(user.app(), user.id());
        List<SettleAccount> settleAccounts = new ArrayList<>(objects().existing(SETTLE_ACCOUNTS, scope).stream()
                .flatMap(Timeline::newestFirst)
                .map(settleAccount -> JSON.convertValue(settleAccount.json(), SettleAccount.class))
                .toList());
        Collections.reverse(settleAccounts);
        int coupons = (int) objects().existing(COUPONS, scope).stream()
                .flatMap(userCoupons -> userCoupons.newestFirst())
                .filter(coupon -> Coupons.isUsable(account(), coupon.json()))
                .count();
        return user.toModel(coupons, settleAccounts);
    }
}
