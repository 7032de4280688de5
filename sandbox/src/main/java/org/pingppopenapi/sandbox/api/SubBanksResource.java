package org.pingppopenapi.sandbox.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.pingppopenapi.server.model.SubBankList;

/**
 * {@code GET /v1/sub_banks}: the sandbox knows the branches of its test query, the one of every SDK example and of
 * the Java SDK's test (bank {@code 0308} in 浙江省 宁波市 on {@code chanpay}), which answers the branches of the spec's
 * example; any other query answers an empty list.
 */
public final class SubBanksResource extends GenericSubBanksApi {

    /** The test query: bank, province, city, channel. */
    static final List<String> TEST_QUERY = List.of("0308", "浙江省", "宁波市", "chanpay");
    static final Map<String, String> TEST_BRANCHES = Map.of(
            "308332010018", "招商银行股份有限公司宁波分行",
            "308332010059", "招商银行股份有限公司宁波鄞州支行");

    public SubBanksResource(ResourceRegistry registry) {
        super(registry);
    }

    @Override
    public SubBankList listSubBanks(String app, String openBankCode, String prov, String city, String channel) {
        ObjectNode list = JsonNodeFactory.instance.objectNode().put("object", "list").put("url", "/v1/sub_banks")
                .put("has_more", false);
        ArrayNode data = list.putArray("data");
        if (TEST_QUERY.equals(List.of(openBankCode, prov, city, channel))) {
            TEST_BRANCHES.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(branch -> data.addObject()
                    .put("object", "sub_bank").put("sub_bank", branch.getValue()).put("sub_bank_code", branch.getKey())
                    .put("prov", prov).put("city", city));
        }
        return answer("listSubBanks", list);
    }
}
