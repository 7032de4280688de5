package org.pingppopenapi.sandbox.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.pingppopenapi.sandbox.domain.Errors;
import org.pingppopenapi.server.model.CardInfo;
import org.pingppopenapi.server.model.CardInfoQueryRequest;

/**
 * {@code POST /v1/card_info}: the sandbox knows the cards of its test values, by their first six digits (BIN);
 * another card number is refused (400, {@code bank_account}), as a card the lookup service does not know.
 */
public final class CardInfoResource extends GenericCardInfoApi {

    private static final int BIN_LENGTH = 6;
    private static final int DEBIT = 0;
    private static final int CREDIT = 2;

    /** The sandbox's test BINs: the Java SDK test's card ({@code 6222280012469823}), and the Go and PHP examples'. */
    static final Map<String, Bin> BINS = Map.of(
            "622228", new Bin("0310", "浦东发展银行", CREDIT),
            "622848", new Bin("0103", "中国农业银行", DEBIT));

    record Bin(String openBankCode, String openBank, int cardType) {

        /** The payout channels able to pay to such a card: {@code jdpay} to debit cards only. */
        List<String> supportChannels() {
            return cardType == DEBIT ? List.of("unionpay", "allinpay", "jdpay") : List.of("unionpay", "allinpay");
        }
    }

    public CardInfoResource(ResourceRegistry registry) {
        super(registry);
    }

    @Override
    public CardInfo queryCardInfo(CardInfoQueryRequest request) {
        String number = request.getBankAccount();
        Bin bin = number.length() < BIN_LENGTH ? null : BINS.get(number.substring(0, BIN_LENGTH));
        if (bin == null) {
            throw Errors.invalid("bank_account", "The sandbox knows no card " + number + "; its test cards start with "
                    + String.join(" or ", BINS.keySet().stream().sorted().toList()) + ".");
        }
        ObjectNode info = JsonNodeFactory.instance.objectNode()
                .put("app", request.getApp())
                .put("card_bin", number.substring(0, BIN_LENGTH))
                .put("card_type", bin.cardType())
                .put("open_bank_code", bin.openBankCode())
                .put("open_bank", bin.openBank());
        bin.supportChannels().forEach(info.putArray("support_channels")::add);
        return answer("queryCardInfo", info);
    }
}
