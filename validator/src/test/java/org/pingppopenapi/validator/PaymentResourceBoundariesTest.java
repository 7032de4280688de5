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
 * The limits of batch refunds, customs declarations, identity verification, card look-ups and agreements, on both
 * sides of each bound, as {@link RuleBoundariesTest} does for the seed operations. The bodies are the spec's request
 * examples ({@link Fixtures#valid}); the bounds are written here from the API documents and the SDKs (cited per
 * table), not read from the spec, so the spec is held to them.
 */
class PaymentResourceBoundariesTest {

    static final RequestKind BATCH_REFUND = RequestKind.named("batch-refund");
    static final RequestKind CUSTOMS = RequestKind.named("customs");
    static final RequestKind IDENTIFICATION = RequestKind.named("identification");
    static final RequestKind CARD_INFO_QUERY = RequestKind.named("card-info-query");
    static final RequestKind AGREEMENT = RequestKind.named("agreement");
    static final RequestKind AGREEMENT_CANCEL = RequestKind.named("agreement-cancel");
    static final RequestKind AGREEMENT_NOTIFY = RequestKind.named("agreement-notify");

    /** The channels the document "请求报关接口" lists for declarations; the UnionPay ones need the payer's identity. */
    private static final List<String> CUSTOMS_CHANNELS = List.of("alipay", "alipay_pc_direct", "alipay_wap", "alipay_qr",
            "cb_alipay", "cb_alipay_wap", "cb_alipay_pc_direct", "wx", "wx_pub", "wx_pub_qr", "wx_wap", "cb_wx", "cb_wx_pub",
            "cb_wx_pub_qr", "cb_wx_pub_scan", "upacp", "upacp_wap", "upacp_pc", "applepay_upacp");
    private static final List<String> CUSTOMS_UNIONPAY_CHANNELS = List.of("upacp", "upacp_wap", "upacp_pc", "applepay_upacp");

    @ParameterizedTest(name = "{0}")
    @MethodSource({"batchRefunds", "customsChannels", "customsFields", "customsPayerIdentity", "identification",
            "cardInfo", "agreements"})
    void boundary(Case c) {
        RuleBoundariesTest.assertBoundary(c);
    }

    // ---------------------------------------------------------------- batch refunds (创建 Batch Refund; PHP example)

    static Stream<Case> batchRefunds() {
        ObjectNode base = Fixtures.valid(BATCH_REFUND);
        List<Case> cases = new ArrayList<>();
        for (int length : new int[] {2, 3, 24, 25}) {
            cases.add(batchRefund("batch_no of " + length, base, "batch_no", repeat("b", length),
                    length < 3 ? "schema.minLength" : "schema.maxLength", length >= 3 && length <= 24));
        }
        cases.add(batchRefund("batch_no of letters and digits", base, "batch_no", "bre5829a7c1d2e3f", null, true));
        cases.add(batchRefund("batch_no with a dash", base, "batch_no", "batch-201611", "schema.pattern", false));
        cases.add(batchRefund("batch_no with CJK", base, "batch_no", "批量退款001", "schema.pattern", false));
        cases.add(batchRefund("description of 255", base, "description", repeat("退", 255), null, true));
        cases.add(batchRefund("description of 256", base, "description", repeat("d", 256), "schema.maxLength", false));
        cases.add(batchRefund("no description", base, "description", ABSENT, "schema.required", false));
        cases.add(batchRefund("empty description", base, "description", "", "schema.minLength", false));
        cases.add(batchRefund("no app", base, "app", ABSENT, "schema.required", false));
        cases.add(batchRefund("no charges", base, "charges", ABSENT, "schema.required", false));
        cases.add(batchRefund("an empty list of charges", base, "charges", List.of(), "schema.minItems", false));
        cases.add(batchRefund("100 charges", base, "charges", charges(100), null, true));
        cases.add(batchRefund("101 charges", base, "charges", charges(101), "schema.maxItems", false));
        cases.add(batchRefund("a charge without its id", base, "charges[0].charge", ABSENT, "schema.required", false));
        cases.add(batchRefund("a charge given as a bare id (the 2016 format)", base, "charges[0]", "ch_L8qn10mLmr1GS8e5OODmHaL4",
                "schema.type", false));
        cases.add(batchRefund("a charge without amount (the whole rest)", base, "charges[0].amount", ABSENT, null, true));
        cases.add(batchRefund("a charge amount of 1", base, "charges[0].amount", 1, null, true));
        cases.add(batchRefund("a charge amount of 0", base, "charges[0].amount", 0, "schema.minimum", false));
        cases.add(batchRefund("a charge description of 255", base, "charges[1].description", repeat("d", 255), null, true));
        cases.add(batchRefund("a charge description of 256", base, "charges[1].description", repeat("d", 256), "schema.maxLength", false));
        cases.add(batchRefund("funding_source recharge_funds", base, "charges[0].funding_source", "recharge_funds", null, true));
        cases.add(batchRefund("funding_source settled_funds", base, "charges[0].funding_source", "settled_funds", "schema.enum", false));
        cases.add(batchRefund("metadata of 1000 characters", base, "metadata", Map.of("k", repeat("v", 999)), null, true));
        cases.add(batchRefund("metadata of 1001 characters", base, "metadata", Map.of("k", repeat("v", 1000)), "metadata.total_length", false));
        return cases.stream();
    }

    // ---------------------------------------------------------------- customs (请求报关接口; Java and PHP examples)

    static Stream<Case> customsChannels() {
        List<Case> cases = new ArrayList<>();
        for (String channel : CUSTOMS_CHANNELS) {
            cases.add(customs(channel + " declared", customsOn(channel), "channel", channel, null, true));
        }
        for (String channel : List.of("upacp_b2b", "upacp_qr", "wx_lite", "wx_pub_scan", "alipay_scan", "isv_scan", "balance", "qpay")) {
            cases.add(customs(channel + " not declarable", customsOn("alipay"), "channel", channel, "customs.channel.supported", false));
        }
        return cases.stream();
    }

    static Stream<Case> customsFields() {
        ObjectNode base = customsOn("alipay");
        List<Case> cases = new ArrayList<>();
        for (int length : new int[] {7, 8, 20, 21}) {
            cases.add(customs("trade_no of " + length, base, "trade_no", repeat("7", length),
                    length < 8 ? "schema.minLength" : "schema.maxLength", length >= 8 && length <= 20));
        }
        cases.add(customs("trade_no with letters", base, "trade_no", "TR20160928a1", null, true));
        cases.add(customs("trade_no with an underscore", base, "trade_no", "TR_20160928", "schema.pattern", false));
        cases.add(customs("amount 0", base, "amount", 0, "schema.minimum", false));
        cases.add(customs("amount 1", base, "amount", 1, null, true));
        cases.add(customs("amount 1000000000", base, "amount", 1_000_000_000, null, true));
        cases.add(customs("amount 1000000001", base, "amount", 1_000_000_001, "schema.maximum", false));
        cases.add(customs("transport_amount 0", base, "transport_amount", 0, null, true));
        cases.add(customs("transport_amount -1", base, "transport_amount", -1, "schema.minimum", false));
        cases.add(customs("split without sub_order_no", base, "sub_order_no", ABSENT, "customs.sub_order_no.when_split", false));
        cases.add(customs("split with sub_order_no null", base, "sub_order_no", null, "customs.sub_order_no.when_split", false));
        cases.add(customs("not split without sub_order_no", Json.with(base, "is_split", false), "sub_order_no", ABSENT, null, true));
        cases.add(customs("is_split left out, no sub_order_no", Json.with(base, "is_split", ABSENT), "sub_order_no", ABSENT, null, true));
        cases.add(customs("sub_order_no of 1", base, "sub_order_no", "1", null, true));
        cases.add(customs("sub_order_no of 30", base, "sub_order_no", repeat("s", 30), null, true));
        cases.add(customs("sub_order_no of 31", base, "sub_order_no", repeat("s", 31), "schema.maxLength", false));
        cases.add(customs("empty sub_order_no", base, "sub_order_no", "", "schema.minLength", false));
        cases.add(customs("Alipay without extra", base, "extra", ABSENT, null, true));
        cases.add(customs("tax_amount as an integer", base, "extra.tax_amount", 10, null, true));
        cases.add(customs("tax_amount as a numeric string (PHP, Node examples)", base, "extra.tax_amount", "10", "schema.type", false));
        cases.add(customs("no customs_code", base, "customs_code", ABSENT, "schema.required", false));
        cases.add(customs("no charge", base, "charge", ABSENT, "schema.required", false));
        return cases.stream();
    }

    static Stream<Case> customsPayerIdentity() {
        List<Case> cases = new ArrayList<>();
        for (String channel : CUSTOMS_UNIONPAY_CHANNELS) {
            ObjectNode base = customsOn(channel);
            String rule = "customs.extra.unionpay";
            cases.add(customs(channel + " without extra", base, "extra", ABSENT, rule, false));
            cases.add(customs(channel + " with an empty extra", base, "extra", Map.of(), rule, false).withField("extra.pay_account"));
            for (String field : List.of("pay_account", "certif_type", "customer_name", "certif_id")) {
                cases.add(customs(channel + " without extra." + field, base, "extra." + field, ABSENT, rule, false));
            }
            for (String[] bound : new String[][] {{"pay_account", "60"}, {"customer_name", "20"}, {"certif_id", "30"}}) {
                int max = Integer.parseInt(bound[1]);
                cases.add(customs(channel + " extra." + bound[0] + " of " + max, base, "extra." + bound[0], repeat("9", max), null, true));
                cases.add(customs(channel + " extra." + bound[0] + " of " + (max + 1), base, "extra." + bound[0], repeat("9", max + 1), rule, false));
                cases.add(customs(channel + " empty extra." + bound[0], base, "extra." + bound[0], "", rule, false));
            }
            for (String type : List.of("01", "02", "03", "04", "05", "06", "07", "99")) {
                cases.add(customs(channel + " certif_type " + type, base, "extra.certif_type", type, null, true));
            }
            for (String type : List.of("00", "08", "1", "98")) {
                cases.add(customs(channel + " certif_type " + type, base, "extra.certif_type", type, rule, false));
            }
            cases.add(customs(channel + " without tax_amount", base, "extra.tax_amount", ABSENT, null, true));
        }
        return cases.stream();
    }

    /** The spec's example, split, moved to {@code channel}, with the payer's identity every channel may carry. */
    private static ObjectNode customsOn(String channel) {
        ObjectNode body = Fixtures.valid(CUSTOMS);
        body.put("channel", channel);
        body.put("is_split", true);
        body.put("sub_order_no", "123456");
        body.set("extra", Json.object("""
                {"pay_account":"1234567890","certif_type":"02","customer_name":"A Name","certif_id":"ID Card No","tax_amount":10}"""));
        return body;
    }

    // ---------------------------------------------------------------- identification (请求认证接口)

    static Stream<Case> identification() {
        ObjectNode idCard = Fixtures.valid(IDENTIFICATION);
        ObjectNode bankCard = Json.with(Json.with(idCard, "type", "bank_card"), "data.card_number", "6201111122223333");
        List<Case> cases = new ArrayList<>();
        cases.add(identify("id_card without a card", idCard, "data.card_number", ABSENT, null, true));
        cases.add(identify("bank_card with a card", bankCard, "data.card_number", "6201111122223333", null, true));
        cases.add(identify("bank_card without a card", bankCard, "data.card_number", ABSENT, "identification.data.card_number.bank_card", false));
        cases.add(identify("bank_card with card null", bankCard, "data.card_number", null, "identification.data.card_number.bank_card", false));
        cases.add(identify("type passport", idCard, "type", "passport", "schema.enum", false));
        cases.add(identify("no data", idCard, "data", ABSENT, "schema.required", false));
        for (int length : new int[] {0, 1, 16, 17}) {
            cases.add(identify("id_name of " + length, idCard, "data.id_name", repeat("张", length),
                    length < 1 ? "schema.minLength" : "schema.maxLength", length >= 1 && length <= 16));
        }
        cases.add(identify("id_number of 15 digits", idCard, "data.id_number", "310181891010764", null, true));
        cases.add(identify("id_number of 18 digits", idCard, "data.id_number", "310181198910107641", null, true));
        cases.add(identify("id_number of 17 digits and X", idCard, "data.id_number", "31018119891010764X", null, true));
        cases.add(identify("id_number of 17 digits and x", idCard, "data.id_number", "31018119891010764x", null, true));
        for (int length : new int[] {14, 16, 17, 19}) {
            cases.add(identify("id_number of " + length + " digits", idCard, "data.id_number", repeat("3", length), "schema.pattern", false));
        }
        cases.add(identify("id_number of 14 digits and X", idCard, "data.id_number", "31018189101076X", "schema.pattern", false));
        cases.add(identify("id_number with X inside", idCard, "data.id_number", "3101811989X0107641", "schema.pattern", false));
        for (int length : new int[] {11, 12, 19, 20}) {
            cases.add(identify("card_number of " + length, bankCard, "data.card_number", repeat("6", length),
                    "schema.pattern", length >= 12 && length <= 19));
        }
        cases.add(identify("card_number with a space", bankCard, "data.card_number", "6201 1111 2222 3333", "schema.pattern", false));
        for (String phone : List.of("18623234545", "17712345678", "17912345678", "17012345678", "13800000000", "02012345678")) {
            cases.add(identify("phone_number " + phone, bankCard, "data.phone_number", phone, null, true));
        }
        String format = "identification.data.phone_number.format";
        for (String phone : List.of("17812345678", "17800000000", "17899999999")) {
            cases.add(identify("phone_number " + phone + " (178)", bankCard, "data.phone_number", phone, format, false));
        }
        cases.add(identify("phone_number of 10 digits", bankCard, "data.phone_number", "1862323454", format, false));
        cases.add(identify("phone_number of 12 digits", bankCard, "data.phone_number", "186232345450", format, false));
        cases.add(identify("phone_number of 10 digits after 178", bankCard, "data.phone_number", "1781234567", format, false));
        cases.add(identify("phone_number with +86", bankCard, "data.phone_number", "+8618623234", format, false));
        return cases.stream();
    }

    // ---------------------------------------------------------------- card info

    static Stream<Case> cardInfo() {
        ObjectNode base = Fixtures.valid(CARD_INFO_QUERY);
        return Stream.of(
                new Case("card info of a card", CARD_INFO_QUERY, base, "bank_account", null, true),
                new Case("card info without a card", CARD_INFO_QUERY, Json.with(base, "bank_account", ABSENT), "bank_account", "schema.required", false),
                new Case("card info of an empty card", CARD_INFO_QUERY, Json.with(base, "bank_account", ""), "bank_account", "schema.minLength", false),
                new Case("card info without app", CARD_INFO_QUERY, Json.with(base, "app", ABSENT), "app", "schema.required", false));
    }

    // ---------------------------------------------------------------- agreements (Java test, PHP and Node examples)

    static Stream<Case> agreements() {
        ObjectNode create = Fixtures.valid(AGREEMENT);
        ObjectNode cancel = Fixtures.valid(AGREEMENT_CANCEL);
        ObjectNode notify = Fixtures.valid(AGREEMENT_NOTIFY);
        return Stream.of(
                new Case("agreement on qpay", AGREEMENT, create, "channel", null, true),
                new Case("agreement without contract_no", AGREEMENT, Json.with(create, "contract_no", ABSENT), "contract_no", "schema.required", false),
                new Case("agreement with an empty contract_no", AGREEMENT, Json.with(create, "contract_no", ""), "contract_no", "schema.minLength", false),
                new Case("agreement without channel", AGREEMENT, Json.with(create, "channel", ABSENT), "channel", "schema.required", false),
                new Case("agreement on another channel", AGREEMENT, Json.with(create, "channel", "wx"), "channel", null, true),
                new Case("agreement without extra", AGREEMENT, Json.with(create, "extra", ABSENT), "extra", null, true),
                new Case("agreement metadata of 1001 characters", AGREEMENT, Json.with(create, "metadata", Map.of("k", repeat("v", 1000))),
                        "metadata", "metadata.total_length", false),
                new Case("cancel", AGREEMENT_CANCEL, cancel, "status", null, true),
                new Case("cancel with WeChat's reason", AGREEMENT_CANCEL, Json.with(cancel, "extra.description", "Your description"),
                        "extra.description", null, true),
                new Case("cancel to succeeded", AGREEMENT_CANCEL, Json.with(cancel, "status", "succeeded"), "status", "schema.enum", false),
                new Case("cancel without status", AGREEMENT_CANCEL, Json.with(cancel, "status", ABSENT), "status", "schema.required", false),
                new Case("notify 1 fen", AGREEMENT_NOTIFY, Json.with(notify, "amount", 1), "amount", null, true),
                new Case("notify 0 fen", AGREEMENT_NOTIFY, Json.with(notify, "amount", 0), "amount", "schema.minimum", false),
                new Case("notify without amount (Node's README)", AGREEMENT_NOTIFY, Json.with(notify, "amount", ABSENT), "amount", "schema.required", false),
                new Case("notify 1.5 fen", AGREEMENT_NOTIFY, Json.with(notify, "amount", 1.5), "amount", "schema.type", false));
    }

    // ---------------------------------------------------------------- helpers

    /** {@code count} distinct charges to refund in full. */
    private static List<Map<String, String>> charges(int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> Map.of("charge", String.format("ch_%024d", i))).toList();
    }

    private static Case batchRefund(String name, ObjectNode base, String field, Object value, String rule, boolean valid) {
        return new Case(name, BATCH_REFUND, Json.with(base, field, value), field, rule, valid);
    }

    private static Case customs(String name, ObjectNode base, String field, Object value, String rule, boolean valid) {
        return new Case(name, CUSTOMS, Json.with(base, field, value), field, rule, valid);
    }

    private static Case identify(String name, ObjectNode base, String field, Object value, String rule, boolean valid) {
        return new Case(name, IDENTIFICATION, Json.with(base, field, value), field, rule, valid);
    }
}
