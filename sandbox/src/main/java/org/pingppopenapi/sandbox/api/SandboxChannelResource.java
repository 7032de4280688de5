package org.pingppopenapi.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import org.pingppopenapi.sandbox.domain.Accounts;

/**
 * The sandbox's own endpoints for payouts and agreements (outside {@code /v1}, not part of the Ping++ API): what
 * the channel or the payee does in real life. Each answers the object after the change, as its retrieve would.
 * <ul>
 *   <li>{@code POST /sandbox/transfers/{id}/pay}: the channel pays the transfer ({@code transfer.succeeded});</li>
 *   <li>{@code POST /sandbox/transfers/{id}/fail[?failure_code=...&failure_msg=...]}: the channel fails it
 *       ({@code transfer.failed}); a transfer of a batch fails that recipient;</li>
 *   <li>{@code POST /sandbox/batch_transfers/{id}/pay}: the channel pays every transfer of the batch not yet sent;</li>
 *   <li>{@code POST /sandbox/red_envelopes/{id}/receive}: the payee opens the red envelope
 *       ({@code red_envelope.received});</li>
 *   <li>{@code POST /sandbox/red_envelopes/{id}/refund}: it goes back unopened, as after 24 hours
 *       ({@code red_envelope.refunded});</li>
 *   <li>{@code POST /sandbox/agreements/{id}/sign}: the user signs the agreement ({@code agreement.succeeded});</li>
 *   <li>{@code POST /sandbox/agreements/{id}/fail[?failure_code=...&failure_msg=...]}: signing fails; the agreement
 *       stays {@code created}.</li>
 * </ul>
 */
@Path("/sandbox")
@Produces(MediaType.APPLICATION_JSON)
public final class SandboxChannelResource extends AccountScoped {

    static final String DEFAULT_SIGNING_FAILURE_CODE = "sandbox_signing_failed";
    static final String DEFAULT_SIGNING_FAILURE_MSG = "The sandbox's user did not sign the agreement.";

    private final Clock clock;

    public SandboxChannelResource(Accounts accounts) {
        super(accounts);
        this.clock = accounts.clock();
    }

    @POST
    @Path("/transfers/{transfer_id}/pay")
    public JsonNode payTransfer(@PathParam("transfer_id") String transferId) {
        return payouts().payTransfer(transferId);
    }

    @POST
    @Path("/transfers/{transfer_id}/fail")
    public JsonNode failTransfer(@PathParam("transfer_id") String transferId, @QueryParam("failure_code") String failureCode,
            @QueryParam("failure_msg") String failureMsg) {
        return payouts().failTransfer(transferId, failureCode, failureMsg);
    }

    @POST
    @Path("/batch_transfers/{batch_transfer_id}/pay")
    public JsonNode payBatchTransfer(@PathParam("batch_transfer_id") String batchTransferId) {
        return payouts().payBatch(batchTransferId);
    }

    @POST
    @Path("/red_envelopes/{red_envelope_id}/receive")
    public JsonNode receiveRedEnvelope(@PathParam("red_envelope_id") String redEnvelopeId) {
        return payouts().receiveRedEnvelope(redEnvelopeId);
    }

    @POST
    @Path("/red_envelopes/{red_envelope_id}/refund")
    public JsonNode refundRedEnvelope(@PathParam("red_envelope_id") String redEnvelopeId) {
        return payouts().refundRedEnvelope(redEnvelopeId);
    }

    @POST
    @Path("/agreements/{agreement_id}/sign")
    public JsonNode signAgreement(@PathParam("agreement_id") String agreementId) {
        return AgreementsResource.sign(account(), clock, agreementId);
    }

    @POST
    @Path("/agreements/{agreement_id}/fail")
    public JsonNode failAgreement(@PathParam("agreement_id") String agreementId,
            @QueryParam("failure_code") String failureCode, @QueryParam("failure_msg") String failureMsg) {
        return AgreementsResource.failSigning(account(), agreementId,
                failureCode != null ? failureCode : DEFAULT_SIGNING_FAILURE_CODE,
                failureMsg != null ? failureMsg : DEFAULT_SIGNING_FAILURE_MSG);
    }

    private Payouts payouts() {
        return new Payouts(account(), clock);
    }
}
