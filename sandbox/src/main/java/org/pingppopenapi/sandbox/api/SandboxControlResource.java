package org.pingppopenapi.sandbox.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.pingppopenapi.sandbox.domain.Accounts;
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

    private final String webhookPublicKeyPem;

    public SandboxControlResource(Accounts accounts, String webhookPublicKeyPem) {
        super(accounts);
        this.webhookPublicKeyPem = webhookPublicKeyPem;
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
