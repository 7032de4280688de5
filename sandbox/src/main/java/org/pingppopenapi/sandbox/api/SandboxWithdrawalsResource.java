package org.pingppopenapi.sandbox.api;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.pingppopenapi.sandbox.domain.Accounts;
import org.pingppopenapi.sandbox.domain.Errors;
import org.pingppopenapi.server.model.Withdrawal;

/**
 * The sandbox's own endpoints for confirmed ({@code pending}) withdrawals, outside {@code /v1}: what the channel
 * would do with the payout.
 * <ul>
 *   <li>{@code POST /sandbox/apps/{app_id}/withdrawals/{id}/succeed}: the payout arrives ({@code succeeded},
 *       {@code balance.withdrawal.succeeded});</li>
 *   <li>{@code POST /sandbox/apps/{app_id}/withdrawals/{id}/fail[?reason=user|merchant&failure_msg=...]}: the payout
 *       fails; for the user's reason (the default) the withdrawal is {@code failed} and the amount comes back to the
 *       balance, for the merchant's it is {@code created} again, to be confirmed again or canceled.</li>
 * </ul>
 */
@Path("/sandbox/apps/{app_id}/withdrawals/{withdrawal_id}")
@Produces(MediaType.APPLICATION_JSON)
public final class SandboxWithdrawalsResource extends AccountScoped {

    static final String DEFAULT_FAILURE_MSG = "The sandbox's payee account refused the payout.";

    public SandboxWithdrawalsResource(Accounts accounts) {
        super(accounts);
    }

    @POST
    @Path("/succeed")
    public Withdrawal succeed(@PathParam("app_id") String appId, @PathParam("withdrawal_id") String withdrawalId) {
        return Withdrawals.succeed(account(), appId, Withdrawals.withdrawal(account(), appId, withdrawalId, null));
    }

    @POST
    @Path("/fail")
    public Withdrawal fail(@PathParam("app_id") String appId, @PathParam("withdrawal_id") String withdrawalId,
            @QueryParam("reason") String reason, @QueryParam("failure_msg") String failureMsg) {
        if (reason != null && !reason.equals("user") && !reason.equals("merchant")) {
            throw Errors.invalid("reason", "reason is user or merchant, not " + reason + ".");
        }
        return Withdrawals.fail(account(), appId, Withdrawals.withdrawal(account(), appId, withdrawalId, null),
                !"merchant".equals(reason), failureMsg != null ? failureMsg : DEFAULT_FAILURE_MSG);
    }
}
