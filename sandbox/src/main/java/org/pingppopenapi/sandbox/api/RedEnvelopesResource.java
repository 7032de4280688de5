package org.pingppopenapi.sandbox.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.pingppopenapi.server.model.RedEnvelope;
import org.pingppopenapi.server.model.RedEnvelopeCreateRequest;

/**
 * {@code /v1/red_envelopes}: a red envelope is {@code sent} as it is created ({@code red_envelope.sent}), with an
 * {@code order_no} unique in its app; the sandbox's endpoints have the payee open it or let it go back
 * ({@link Payouts}). Retrieve and list are the generic store's.
 */
public final class RedEnvelopesResource extends GenericRedEnvelopesApi {

    public RedEnvelopesResource(ResourceRegistry registry) {
        super(registry);
    }

    @Override
    public RedEnvelope createRedEnvelope(RedEnvelopeCreateRequest request) {
        String app = request.getApp().getId();
        UniqueClaims claims = new UniqueClaims(objects());
        List<String> orderNo = claims.claim("order_no", "order_no " + request.getOrderNo() + " of app " + app,
                List.of("red_envelope.order_no", app, request.getOrderNo()));
        try {
            RedEnvelope created = super.createRedEnvelope(request);
            claims.heldBy(orderNo, created.getId());
            Payouts payouts = new Payouts(account(), clock());
            ObjectNode sent = StateChanges.find(account(), Payouts.RED_ENVELOPES, "red_envelope", created.getId())
                    .update(payouts::newRedEnvelope);
            account().events().record("red_envelope.sent", app, sent, true);
            return answer("createRedEnvelope", sent);
        } catch (RuntimeException e) {
            claims.releaseAll();
            throw e;
        }
    }
}
