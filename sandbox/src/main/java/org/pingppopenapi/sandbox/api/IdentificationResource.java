package org.pingppopenapi.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.pingppopenapi.sandbox.domain.Errors;
import org.pingppopenapi.server.PingppJson;
import org.pingppopenapi.server.model.IdentificationCreateRequest;
import org.pingppopenapi.server.model.IdentificationResult;

/**
 * {@code POST /v1/identification}: a deterministic verdict, by the sandbox's test values (no Ping++ source names
 * any; the SDK examples' numbers fail the ID and card checksums yet expect success, so no checksum decides):
 * <ul>
 *   <li>an ID number or a bank card number ending in {@code 0001}: not matching, {@code result_code} 1, billed;</li>
 *   <li>an ID number ending in {@code 0002}: cannot be verified, {@code result_code} 2, not billed;</li>
 *   <li>anything else, the SDK examples included: verified, {@code result_code} 0, {@code message} {@code success},
 *       billed.</li>
 * </ul>
 * {@code data.card_number} and {@code data.phone_number} are refused with {@code type: id_card} (the document: do not
 * send them), which the rule vocabulary cannot say.
 */
public final class IdentificationResource extends GenericIdentificationApi {

    static final String MISMATCH_SUFFIX = "0001";
    static final String UNVERIFIABLE_SUFFIX = "0002";
    private static final ObjectMapper JSON = PingppJson.newObjectMapper();

    public IdentificationResource(ResourceRegistry registry) {
        super(registry);
    }

    @Override
    public IdentificationResult createIdentification(IdentificationCreateRequest request) {
        ObjectNode body = JSON.valueToTree(request);
        String type = body.path("type").asText();
        JsonNode data = body.path("data");
        if ("id_card".equals(type)) {
            for (String bankCardOnly : new String[] {"card_number", "phone_number"}) {
                if (data.hasNonNull(bankCardOnly)) {
                    throw Errors.invalid("data." + bankCardOnly, "data." + bankCardOnly
                            + " belongs to type bank_card; leave it out with type id_card.");
                }
            }
        }
        String idNumber = data.path("id_number").asText();
        String cardNumber = data.path("card_number").asText("");
        ObjectNode result = JSON.createObjectNode().put("type", type).put("app", body.path("app").asText());
        if (idNumber.endsWith(UNVERIFIABLE_SUFFIX)) {
            result.put("result_code", 2).put("message", "The identity could not be verified: no record of the ID number.")
                    .put("paid", false);
        } else if (idNumber.endsWith(MISMATCH_SUFFIX) || cardNumber.endsWith(MISMATCH_SUFFIX)) {
            result.put("result_code", 1).put("message", "The identity does not match: the name, the ID number"
                    + ("bank_card".equals(type) ? ", the bank card and the phone number" : "") + " do not belong together.")
                    .put("paid", true);
        } else {
            result.put("result_code", 0).put("message", "success").put("paid", true);
        }
        result.set("data", data.deepCopy());
        return answer("createIdentification", result);
    }
}
