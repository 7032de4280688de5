package org.pingppopenapi.validator;

import static org.pingppopenapi.validator.Json.ABSENT;
import static org.pingppopenapi.validator.Json.repeat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pingppopenapi.validator.RuleBoundariesTest.Case;

/**
 * The limits of royalty data, royalties, royalty settlements and templates, split profits and split receivers, on
 * both sides of each bound, as {@link RuleBoundariesTest} does for the seed operations. The bodies are the spec's
 * request examples ({@link Fixtures#valid}); the bounds are written here from the SDKs (cited per table), not read
 * from the spec, so the spec is held to them.
 */
class RoyaltyRuleBoundariesTest {

    private static final RequestKind ROYALTY_DATA = RequestKind.named("order-royalty-data");
    private static final RequestKind ROYALTIES_UPDATE = RequestKind.named("royalties-update");
    private static final RequestKind SETTLEMENT = RequestKind.named("royalty-settlement");
    private static final RequestKind SETTLEMENT_UPDATE = RequestKind.named("royalty-settlement-update");
    private static final RequestKind TEMPLATE = RequestKind.named("royalty-template");
    private static final RequestKind TEMPLATE_UPDATE = RequestKind.named("royalty-template-update");
    private static final RequestKind SPLIT_PROFIT = RequestKind.named("split-profit");
    private static final RequestKind SPLIT_RECEIVER = RequestKind.named("split-receiver");

    /** The channels split receivers and split profits take (Go SDK, SplitReceiverParams.Channel). */
    private static final List<String> SPLIT_CHANNELS = List.of("wx", "wx_lite", "wx_pub", "wx_wap", "wx_pub_qr", "wx_pub_scan");

    @ParameterizedTest(name = "{0}")
    @MethodSource({"royaltyData", "royaltiesUpdate", "settlements", "templates", "splitReceivers", "splitProfits"})
    void boundary(Case c) {
        RuleBoundariesTest.assertBoundary(c);
    }

    // ---------------------------------------------------------------- royalty data (J RoyaltyTest, H royalty_create_data.php)

    static Stream<Case> royaltyData() {
        ObjectNode base = Fixtures.valid(ROYALTY_DATA);
        List<Case> cases = new ArrayList<>();
        cases.add(of("royalty data without app", ROYALTY_DATA, base, "app", ABSENT, "schema.required", false));
        cases.add(of("royalty data without charge (an unpaid order)", ROYALTY_DATA, base, "charge", ABSENT, null, true));
        cases.add(of("royalty data without users (no share, the default)", ROYALTY_DATA, base, "royalty_users", ABSENT, null, true));
        cases.add(of("royalty user without user", ROYALTY_DATA, base, "royalty_users[0].user", ABSENT, "schema.required", false));
        cases.add(of("royalty user with an empty id", ROYALTY_DATA, base, "royalty_users[0].user", "", "schema.minLength", false));
        cases.add(of("royalty user without amount", ROYALTY_DATA, base, "royalty_users[0].amount", ABSENT, "schema.required", false));
        cases.add(of("royalty share of 0", ROYALTY_DATA, base, "royalty_users[0].amount", 0, null, true));
        cases.add(of("royalty share of -1", ROYALTY_DATA, base, "royalty_users[0].amount", -1, "schema.minimum", false));
        cases.add(of("royalty share of 1.5 fen", ROYALTY_DATA, base, "royalty_users[0].amount", 1.5, "schema.type", false));
        return cases.stream();
    }

    // ---------------------------------------------------------------- royalties batch update (J RoyaltyTest, G RoyaltyBatchUpdateParams)

    static Stream<Case> royaltiesUpdate() {
        ObjectNode base = Fixtures.valid(ROYALTIES_UPDATE);
        List<Case> cases = new ArrayList<>();
        cases.add(of("update without ids", ROYALTIES_UPDATE, base, "ids", ABSENT, "schema.required", false));
        cases.add(of("update of no royalty", ROYALTIES_UPDATE, base, "ids", List.of(), "schema.minItems", false));
        cases.add(of("update with an empty id", ROYALTIES_UPDATE, base, "ids[0]", "", "schema.minLength", false));
        // "手动标记结算: manual 或 取消手动标记结算：null".
        cases.add(of("method manual", ROYALTIES_UPDATE, base, "method", "manual", null, true));
        cases.add(of("method null (undo the mark)", ROYALTIES_UPDATE, base, "method", null, null, true));
        cases.add(of("method alipay", ROYALTIES_UPDATE, base, "method", "alipay", "schema.enum", false));
        cases.add(of("description of 255", ROYALTIES_UPDATE, base, "description", repeat("润", 255), null, true));
        cases.add(of("description of 256", ROYALTIES_UPDATE, base, "description", repeat("d", 256), "schema.maxLength", false));
        cases.add(of("metadata of 1001 characters", ROYALTIES_UPDATE, base, "metadata", Map.of("k", repeat("v", 1000)),
                "metadata.total_length", false));
        return cases.stream();
    }

    // ---------------------------------------------------------------- royalty settlements (J, G, D14)

    static Stream<Case> settlements() {
        ObjectNode base = Fixtures.valid(SETTLEMENT);
        List<Case> cases = new ArrayList<>();
        cases.add(of("settlement without payer_app", SETTLEMENT, base, "payer_app", ABSENT, "schema.required", false));
        cases.add(of("settlement without method", SETTLEMENT, base, "method", ABSENT, "schema.required", false));
        for (String method : List.of("balance", "wx", "wx_pub", "wx_lite", "alipay", "unionpay", "allinpay", "jdpay")) {
            cases.add(of("settlement through " + method, SETTLEMENT, base, "method", method, null, true));
        }
        cases.add(of("settlement through upacp (a payment channel)", SETTLEMENT, base, "method", "upacp", "schema.enum", false));
        cases.add(of("settlement through manual", SETTLEMENT, base, "method", "manual", "schema.enum", false));
        cases.add(of("min_amount 0", SETTLEMENT, base, "min_amount", 0, null, true));
        cases.add(of("min_amount -1", SETTLEMENT, base, "min_amount", -1, "schema.minimum", false));
        cases.add(of("created range", SETTLEMENT, base, "created", Map.of("gte", 1489819620, "lt", 1489906020), null, true));
        cases.add(of("created bound as a string", SETTLEMENT, base, "created.gte", "1489819620", "schema.type", false));
        cases.add(of("is_preview as a string", SETTLEMENT, base, "is_preview", "true", "schema.type", false));
        ObjectNode update = Fixtures.valid(SETTLEMENT_UPDATE);
        cases.add(of("confirm", SETTLEMENT_UPDATE, update, "status", "pending", null, true));
        cases.add(of("cancel", SETTLEMENT_UPDATE, update, "status", "canceled", null, true));
        cases.add(of("to succeeded", SETTLEMENT_UPDATE, update, "status", "succeeded", "schema.enum", false));
        cases.add(of("without status", SETTLEMENT_UPDATE, update, "status", ABSENT, "schema.required", false));
        return cases.stream();
    }

    // ---------------------------------------------------------------- royalty templates (J RoyaltyTemplateTest, N royalty_template.md)

    static Stream<Case> templates() {
        ObjectNode rate = Fixtures.valid(TEMPLATE);
        ObjectNode fixed = Json.with(rate, "rule.royalty_mode", "fixed");
        List<Case> cases = new ArrayList<>();
        // "rate 下取值为 0 - 10000，单位为 0.01 %，fixed 下取值为 0 - 1000000，单位为分".
        String rateRule = "royalty_template.rule.rate";
        cases.add(of("rate of 0", TEMPLATE, rate, "rule.data[0].value", 0, null, true));
        cases.add(of("rate of 10000", TEMPLATE, rate, "rule.data[0].value", 10000, null, true));
        cases.add(of("rate of 10001", TEMPLATE, rate, "rule.data[0].value", 10001, rateRule, false));
        cases.add(of("rate of -1", TEMPLATE, rate, "rule.data[1].value", -1, "schema.minimum", false));
        cases.add(of("fixed 10001 fen", TEMPLATE, fixed, "rule.data[0].value", 10001, null, true));
        cases.add(of("fixed 1000000 fen", TEMPLATE, fixed, "rule.data[0].value", 1000000, null, true));
        cases.add(of("fixed 1000001 fen", TEMPLATE, fixed, "rule.data[0].value", 1000001, "schema.maximum", false));
        cases.add(of("fixed -1 fen", TEMPLATE, fixed, "rule.data[0].value", -1, "schema.minimum", false));
        cases.add(of("level 0 (the platform)", TEMPLATE, rate, "rule.data[0].level", 0, null, true));
        cases.add(of("level -1", TEMPLATE, rate, "rule.data[0].level", -1, "schema.minimum", false));
        cases.add(of("level without value", TEMPLATE, rate, "rule.data[0].value", ABSENT, "schema.required", false));
        cases.add(of("no levels", TEMPLATE, rate, "rule.data", List.of(), "schema.minItems", false));
        cases.add(of("royalty_mode percent", TEMPLATE, rate, "rule.royalty_mode", "percent", "schema.enum", false));
        for (String mode : List.of("no_refund", "proportional", "full_refund")) {
            cases.add(of("refund_mode " + mode, TEMPLATE, rate, "rule.refund_mode", mode, null, true));
        }
        cases.add(of("refund_mode partial", TEMPLATE, rate, "rule.refund_mode", "partial", "schema.enum", false));
        cases.add(of("allocation_mode service_reserved", TEMPLATE, rate, "rule.allocation_mode", "service_reserved", null, true));
        cases.add(of("allocation_mode platform_reserved", TEMPLATE, rate, "rule.allocation_mode", "platform_reserved", "schema.enum", false));
        for (String field : List.of("royalty_mode", "refund_mode", "allocation_mode", "data")) {
            cases.add(of("rule without " + field, TEMPLATE, rate, "rule." + field, ABSENT, "schema.required", false));
        }
        cases.add(of("template without rule", TEMPLATE, rate, "rule", ABSENT, "schema.required", false));
        cases.add(of("template without app", TEMPLATE, rate, "app", ABSENT, "schema.required", false));
        ObjectNode rename = Fixtures.valid(TEMPLATE_UPDATE);
        cases.add(of("update of the name only", TEMPLATE_UPDATE, rename, "name", "new name", null, true));
        cases.add(of("update with a whole rule", TEMPLATE_UPDATE, rename, "rule", rate.get("rule"), null, true));
        cases.add(of("update to a rate of 10001", TEMPLATE_UPDATE, Json.with(rename, "rule", rate.get("rule")),
                "rule.data[0].value", 10001, rateRule, false));
        return cases.stream();
    }

    // ---------------------------------------------------------------- split receivers (G SplitReceiverParams, J SplitReceiverTest)

    static Stream<Case> splitReceivers() {
        ObjectNode merchant = Fixtures.valid(SPLIT_RECEIVER);
        ObjectNode openid = Json.with(Json.with(merchant, "type", "PERSONAL_OPENID"), "name", ABSENT);
        List<Case> cases = new ArrayList<>();
        // app "20", account "[1~64]", name "[1~1024]".
        cases.add(of("app of 19", SPLIT_RECEIVER, merchant, "app", repeat("a", 19), "schema.minLength", false));
        cases.add(of("app of 21", SPLIT_RECEIVER, merchant, "app", repeat("a", 21), "schema.maxLength", false));
        cases.add(of("account of 64", SPLIT_RECEIVER, merchant, "account", repeat("9", 64), null, true));
        cases.add(of("account of 65", SPLIT_RECEIVER, merchant, "account", repeat("9", 65), "schema.maxLength", false));
        cases.add(of("empty account", SPLIT_RECEIVER, merchant, "account", "", "schema.minLength", false));
        cases.add(of("name of 1024", SPLIT_RECEIVER, merchant, "name", repeat("商", 1024), null, true));
        cases.add(of("name of 1025", SPLIT_RECEIVER, merchant, "name", repeat("n", 1025), "schema.maxLength", false));
        // name: MERCHANT_ID "商户全称（必传）", PERSONAL_WECHATID "个人姓名（必传）", the openid types "选传".
        cases.add(of("merchant without name", SPLIT_RECEIVER, merchant, "name", ABSENT, "split_receiver.name.merchant", false));
        cases.add(of("WeChat id without name", SPLIT_RECEIVER, Json.with(merchant, "type", "PERSONAL_WECHATID"), "name", ABSENT,
                "split_receiver.name.wechat_id", false));
        cases.add(new Case("openid without name", SPLIT_RECEIVER, openid, "name", null, true));
        cases.add(of("sub-openid without name", SPLIT_RECEIVER, openid, "type", "PERSONAL_SUB_OPENID", null, true));
        cases.add(of("openid with a name (checked)", SPLIT_RECEIVER, openid, "name", "张三", null, true));
        cases.add(of("type MERCHANT", SPLIT_RECEIVER, merchant, "type", "MERCHANT", "schema.enum", false));
        for (String channel : SPLIT_CHANNELS) {
            cases.add(of("receiver on " + channel, SPLIT_RECEIVER, merchant, "channel", channel, null, true));
        }
        for (String channel : List.of("alipay", "cb_wx", "wx_pub_scan ", "upacp")) {
            cases.add(of("receiver on '" + channel + "'", SPLIT_RECEIVER, merchant, "channel", channel, "schema.enum", false));
        }
        for (String field : List.of("app", "type", "account", "channel")) {
            cases.add(of("receiver without " + field, SPLIT_RECEIVER, merchant, field, ABSENT, "schema.required", false));
        }
        return cases.stream();
    }

    // ---------------------------------------------------------------- split profits (G SplitProfitParams, J SplitProfitTest)

    static Stream<Case> splitProfits() {
        ObjectNode normal = Fixtures.valid(SPLIT_PROFIT);
        ObjectNode finish = Json.with(Json.with(Json.with(normal, "type", "split_return"),
                "recipients[0].split_receiver", ABSENT), "recipients[0].name", ABSENT);
        List<Case> cases = new ArrayList<>();
        // app "20", charge "27", order_no "[1~64]".
        cases.add(of("app of 21", SPLIT_PROFIT, normal, "app", repeat("a", 21), "schema.maxLength", false));
        cases.add(of("charge of 26", SPLIT_PROFIT, normal, "charge", repeat("c", 26), "schema.minLength", false));
        cases.add(of("charge of 28", SPLIT_PROFIT, normal, "charge", repeat("c", 28), "schema.maxLength", false));
        cases.add(of("order_no of 1", SPLIT_PROFIT, normal, "order_no", "1", null, true));
        cases.add(of("order_no of 64", SPLIT_PROFIT, normal, "order_no", repeat("1", 64), null, true));
        cases.add(of("order_no of 65", SPLIT_PROFIT, normal, "order_no", repeat("1", 65), "schema.maxLength", false));
        cases.add(of("empty order_no", SPLIT_PROFIT, normal, "order_no", "", "schema.minLength", false));
        cases.add(of("type split_all", SPLIT_PROFIT, normal, "type", "split_all", "schema.enum", false));
        cases.add(of("no recipients", SPLIT_PROFIT, normal, "recipients", List.of(), "schema.minItems", false));
        for (String field : List.of("app", "charge", "order_no", "type", "recipients")) {
            cases.add(of("split without " + field, SPLIT_PROFIT, normal, field, ABSENT, "schema.required", false));
        }
        // split_receiver "19": "type 为 split_normal 时必须填写; type 为 split_return 时不支持该参数".
        cases.add(of("receiver id of 18", SPLIT_PROFIT, normal, "recipients[0].split_receiver", repeat("r", 18), "schema.minLength", false));
        cases.add(of("receiver id of 20", SPLIT_PROFIT, normal, "recipients[0].split_receiver", repeat("r", 20), "schema.maxLength", false));
        cases.add(of("normal split without receiver", SPLIT_PROFIT, normal, "recipients[0].split_receiver", ABSENT,
                "split_profit.recipient.receiver", false));
        cases.add(new Case("split_return without receiver", SPLIT_PROFIT, finish, "recipients", null, true));
        cases.add(of("split_return with a receiver", SPLIT_PROFIT, finish, "recipients[0].split_receiver", "recv_1fRc57XpIehmFI",
                "split_profit.recipient.return", false));
        cases.add(of("split_return with a name", SPLIT_PROFIT, finish, "recipients[0].name", "示例商户全称",
                "split_profit.recipient.return", false));
        // name "[1~1024]", optional (J and C mark it optional; decision in the spec).
        cases.add(of("normal split without name", SPLIT_PROFIT, normal, "recipients[0].name", ABSENT, null, true));
        cases.add(of("recipient name of 1024", SPLIT_PROFIT, normal, "recipients[0].name", repeat("名", 1024), null, true));
        cases.add(of("recipient name of 1025", SPLIT_PROFIT, normal, "recipients[0].name", repeat("n", 1025), "schema.maxLength", false));
        // description "[1~80]", "不支持特殊字符 &".
        cases.add(of("description of 80", SPLIT_PROFIT, normal, "recipients[0].description", repeat("分", 80), null, true));
        cases.add(of("description of 81", SPLIT_PROFIT, normal, "recipients[0].description", repeat("d", 81), "schema.maxLength", false));
        cases.add(of("empty description", SPLIT_PROFIT, normal, "recipients[0].description", "", "schema.minLength", false));
        cases.add(of("description without", SPLIT_PROFIT, normal, "recipients[0].description", ABSENT, "schema.required", false));
        cases.add(of("share of 1 fen", SPLIT_PROFIT, normal, "recipients[0].amount", 1, null, true));
        cases.add(of("share of 0", SPLIT_PROFIT, normal, "recipients[0].amount", 0, "schema.minimum", false));
        cases.add(of("share without amount", SPLIT_PROFIT, normal, "recipients[0].amount", ABSENT, "schema.required", false));
        return cases.stream();
    }

    // ---------------------------------------------------------------- helpers

    private static Case of(String name, RequestKind kind, ObjectNode base, String field, Object value, String rule, boolean valid) {
        return new Case(name, kind, Json.with(base, field, value), field, rule, valid);
    }
}
