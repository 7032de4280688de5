package org.pingppopenapi.sandbox.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.pingppopenapi.sandbox.domain.Account;
import org.pingppopenapi.sandbox.domain.Errors;
import org.pingppopenapi.sandbox.domain.IdGenerator;
import org.pingppopenapi.sandbox.store.StoredObject;
import org.pingppopenapi.server.model.Agreement;
import org.pingppopenapi.server.model.AgreementCancelRequest;
import org.pingppopenapi.server.model.AgreementCreateRequest;
import org.pingppopenapi.server.model.AgreementNotifyRequest;
import org.pingppopenapi.server.model.AgreementNotifyResult;

/**
 * {@code /v1/agreements}: an agreement is {@code created} with a credential for the channel, {@code succeeded} once
 * the user signs it (the sandbox's {@code POST /sandbox/agreements/{id}/sign}: {@code agreement.succeeded}), and
 * {@code canceled} by the merchant from either state ({@code agreement.canceled}, a sandbox-only event type).
 * {@code contract_no} is unique per app and channel. A pre-debit notice needs a signed agreement and changes nothing.
 */
public final class AgreementsResource extends GenericAgreementsApi {

    static final String AGREEMENTS = "/v1/agreements";
    static final String CREATED = "created";
    static final String SUCCEEDED = "succeeded";
    private static final IdGenerator RANDOM = new IdGenerator();

    public AgreementsResource(ResourceRegistry registry) {
        super(registry);
    }

    @Override
    public Agreement createAgreement(AgreementCreateRequest request) {
        UniqueClaims claims = new UniqueClaims(objects());
        // The message of the Java SDK's test (AgreenmentTest.testCreate).
        List<String> contractNo = claims.claim(List.of("agreement.contract_no", request.getApp(), request.getChannel(),
                request.getContractNo()), holder -> Errors.invalid("contract_no", "该签约协议号 " + request.getContractNo()
                        + " 在 " + request.getChannel() + " 渠道下已使用。请用新的签约协议号发起签约。"));
        try {
            Agreement created = super.createAgreement(request);
            claims.heldBy(contractNo, created.getId());
            return answer("createAgreement", agreement(created.getId()).update(json -> {
                json.put("status", CREATED);
                json.put("livemode", false);
                json.putNull("contract_id");
                json.putNull("time_succeeded");
                json.putNull("time_canceled");
                json.putNull("failure_code");
                json.putNull("failure_msg");
                ObjectNode credential = json.putObject("credential").put("object", "credential");
                credential.putObject(request.getChannel()).put("token_id", RANDOM.hex(32));
                if (!json.path("metadata").isObject()) {
                    json.putObject("metadata");
                }
            }));
        } catch (RuntimeException e) {
            claims.releaseAll();
            throw e;
        }
    }

    @Override
    public Agreement cancelAgreement(String agreementId, AgreementCancelRequest request) {
        ObjectNode canceled = StateChanges.change(agreement(agreementId), Set.of(CREATED, SUCCEEDED),
                // The message of the Java SDK's test (AgreenmentTest.testCancel).
                status -> "该签约对象不能被更新状态。当前的状态为：" + status + "。", "agreement_unexpected_status",
                json -> {
                    json.put("status", "canceled");
                    json.put("time_canceled", now());
                });
        account().events().record("agreement.canceled", canceled.path("app").asText(), canceled, true);
        return answer("cancelAgreement", canceled);
    }

    @Override
    public AgreementNotifyResult notifyAgreement(String agreementId, AgreementNotifyRequest request) {
        String status = agreement(agreementId).json().path("status").asText();
        if (!SUCCEEDED.equals(status)) {
            throw Errors.refused("agreement_unexpected_status", "status", "The agreement " + agreementId + " is " + status
                    + "; a pre-debit notice needs a signed (succeeded) agreement.");
        }
        return answer("notifyAgreement", JsonNodeFactory.instance.objectNode().put("id", agreementId).put("succeed", true));
    }

    private StoredObject agreement(String id) {
        return StateChanges.find(account(), AGREEMENTS, "agreement", id);
    }

    private long now() {
        return clock().instant().getEpochSecond();
    }

    /**
     * The user signs the agreement on the channel (sandbox only): {@code succeeded}, the channel's {@code contract_id},
     * {@code agreement.succeeded}.
     */
    static ObjectNode sign(Account account, Clock clock, String id) {
        ObjectNode signed = StateChanges.change(StateChanges.find(account, AGREEMENTS, "agreement", id), "agreement",
                "signed", Set.of(CREATED), json -> {
                    json.put("status", SUCCEEDED);
                    json.put("contract_id", RANDOM.digits(34));
                    json.put("time_succeeded", clock.instant().getEpochSecond());
                    json.putNull("failure_code");
                    json.putNull("failure_msg");
                    json.putObject("credential");
                });
        account.events().record("agreement.succeeded", signed.path("app").asText(), signed, false);
        return signed;
    }

    /** Signing fails on the channel (sandbox only): the failure is recorded and the agreement stays {@code created}. */
    static ObjectNode failSigning(Account account, String id, String failureCode,
            String failureMsg) {
        return StateChanges.change(StateChanges.find(account, AGREEMENTS, "agreement", id), "agreement",
                "failed", Set.of(CREATED), json -> {
                    json.put("failure_code", failureCode);
                    json.put("failure_msg", failureMsg);
                });
    }
}
