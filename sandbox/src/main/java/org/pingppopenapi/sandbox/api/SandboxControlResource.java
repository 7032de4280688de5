package org.pingppopenapi.sandbox.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.pingppopenapi.sandbox.domain.Accounts;
import org.pingppopenapi.sandbox.domain.ChargeRecord;
import org.pingppopenapi.sandbox.domain.Errors;
import org.pingppopenapi.sandbox.store.StoredObject;
import org.pingppopenapi.server.model.BalanceTransaction;
import org.pingppopenapi.server.model.Charge;

/**
 * The sandbox's own endpoints, outside {@code /v1} and outside the Ping++ API: what the customer and the channel
 * would do in real life, and housekeeping. They need the same API key as the account they act on.
 * <ul>
 *   <li>{@code POST /sandbox/charges/{id}/pay}: the customer pays the charge ({@code charge.succeeded}, and the
 *       order or recharge it pays succeeds);</li>
 *   <li>{@code POST /sandbox/charges/{id}/fail[?failure_code=...&failure_msg=...]}: the payment fails and the
 *       charge closes;</li>
 *   <li>{@code POST /sandbox/reset}: forgets every object of the key's account;</li>
 *   <li>{@code GET /sandbox/webhook-public-key}: the PEM to verify the sandbox's webhooks with.</li>
 * </ul>
 */
@Path("/sandbox")
@Produces(MediaType.APPLICATION_JSON)
public final class SandboxControlResource extends AccountScoped {

    static final String DEFAULT_FAILURE_CODE = "card_declined";
    static final String DEFAULT_FAILURE_MSG = "The sandbox declined the payment.";

    static final String DEFAULT_SETTLED_USER = "user_001";
    private static final String BALANCE_SETTLEMENTS = "/v1/apps/{app_id}/balance_settlements";

    private final Accounts accounts;
    private final String webhookPublicKeyPem;

    public SandboxControlResource(Accounts accounts, String webhookPublicKeyPem) {
        super(accounts);
        this.accounts = accounts;
        this.webhookPublicKeyPem = webhookPublicKeyPem;
    }

    /**
     * A paid charge's amount settled into a user's balance, as Ping++ settles a charge made with
     * {@code balance_settlement} (no request field of the spec asks for one): a {@code balance_settlement} that the
     * spec's retrieve and list find, and a {@code credited} balance transaction of the user (default
     * {@value #DEFAULT_SETTLED_USER}). A charge is settled once.
     */
    @POST
    @Path("/charges/{charge_id}/balance_settlement")
    public ObjectNode settleToBalance(@PathParam("charge_id") String chargeId, @QueryParam("user") String user) {
        ChargeRecord charge = account().charges().charge(chargeId);
        if (!charge.isPaid()) {
            throw Errors.refused("charge_unexpected_status", "charge", "Charge " + chargeId
                    + " is not paid; only a paid charge can be settled into a balance.");
        }
        String app = charge.app();
        String payee = user != null && !user.isBlank() ? user : DEFAULT_SETTLED_USER;
        if (account().objects().claim(List.of("balance_settlement", chargeId), chargeId) != null) {
            throw Errors.refused("charge_already_settled", "charge", "Charge " + chargeId + " was settled already.");
        }
        ObjectNode fields = JsonNodeFactory.instance.objectNode().put("app", app).put("charge", chargeId)
                .put("order_no", charge.orderNo()).put("amount", charge.amount()).put("user", payee)
                .put("livemode", false);
        StoredObject made = accounts.store().make(account(), BALANCE_SETTLEMENTS, List.of(app), "BalanceSettlement",
                fields, true);
        account().ledger().credit(app, payee, charge.amount(), BalanceTransaction.TypeEnum.CREDITED, made.id(),
                "Balance settlement of charge " + chargeId);
        return made.json();
    }

    @POST
    @Path("/charges/{charge_id}/pay")
    public Charge pay(@PathParam("charge_id") String chargeId) {
        return account().charges().simulatePayment(chargeId).toModel();
    }

    @POST
    @Path("/charges/{charge_id}/fail")
    public Charge fail(@PathParam("charge_id") String chargeId, @QueryParam("failure_code") String failureCode,
            @QueryParam("failure_msg") String failureMsg) {
        return account().charges().simulateFailure(chargeId, failureCode != null ? failureCode : DEFAULT_FAILURE_CODE,
                failureMsg != null ? failureMsg : DEFAULT_FAILURE_MSG).toModel();
    }

    @POST
    @Path("/reset")
    public Response reset() {
        resetAccount();
        return Response.noContent().build();
    }

    @GET
    @Path("/webhook-public-key")
    @Produces("application/x-pem-file")
    public String webhookPublicKey() {
        return webhookPublicKeyPem;
    }
}
