package org.pingppopenapi.sandbox.domain;

import java.util.Map;
import org.pingppopenapi.server.model.Refund;
import org.pingppopenapi.server.model.RefundFundingSource;

/** A refund of a charge. Refunds succeed at once in the sandbox, so a refund never changes after it is made. */
public record RefundRecord(String id, Position position, String chargeId, String chargeOrderNo, long amount,
        String currency, String description, Map<String, String> metadata, RefundFundingSource fundingSource,
        String transactionNo) implements Listed {

    public Refund toModel() {
        return new Refund(id, Refund.ObjectEnum.REFUND, amount, true, Refund.StatusEnum.SUCCEEDED, chargeId)
                .orderNo(id.substring("re_".length()))
                .currency(currency)
                .created(created())
                .timeSucceed(created())
                .description(description)
                .metadata(metadata)
                .chargeOrderNo(chargeOrderNo)
                .transactionNo(transactionNo)
                .fundingSource(fundingSource)
                .extra(Map.of());
    }
}
