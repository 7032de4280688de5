package org.pingppopenapi.sandbox.api;

import org.pingppopenapi.sandbox.domain.Errors;
import org.pingppopenapi.server.model.SettleAccount;
import org.pingppopenapi.server.model.SettleAccountVerifyRequest;

/**
 * {@code /v1/apps/{app_id}/users/{user_id}/settle_accounts}: the sandbox's micro-deposit is always 2 fen (the Java
 * SDK's test and the PHP SDK's example both report 2), so {@code receive_amount: 2} verifies a settle account and any
 * other amount is refused (402 {@code channel_error}, code {@code settle_account_verification_failed}, naming
 * {@code receive_amount}); the settle account is unchanged either way (no model of any SDK has a verified flag).
 */
public final class SettleAccountsResource extends GenericSettleAccountsApi {

    /** The micro-deposit of the sandbox, in fen. */
    static final long MICRO_DEPOSIT = 2;

    public SettleAccountsResource(ResourceRegistry registry) {
        super(registry);
    }

    @Override
    public SettleAccount verifySettleAccount(String appId, String userId, String settleAccountId,
            SettleAccountVerifyRequest request) {
        SettleAccount settleAccount = retrieveSettleAccount(appId, userId, settleAccountId);
        if (request.getReceiveAmount() != MICRO_DEPOSIT) {
            throw Errors.channelRefused("receive_amount", "settle_account_verification_failed", "Settle account "
                    + settleAccountId + " received another amount than " + request.getReceiveAmount()
                    + " fen (the sandbox's micro-deposit is " + MICRO_DEPOSIT + " fen).");
        }
        return settleAccount;
    }
}
