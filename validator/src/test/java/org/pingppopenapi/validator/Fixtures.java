package org.pingppopenapi.validator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Valid request bodies. Those of a channel are written from the documents (001, 002, 003) and the SDK tables of
 * {@code pingpp-api-and-sdks.md} §7, not from the spec: the tests hold the spec's rules to them. The body of any
 * kind ({@link #valid}) is the spec's request example, so that a kind added to the spec needs no fixture here.
 */
final class Fixtures {

    /** The creation time every fixture's {@code time_expire} is measured from. */
    static final long NOW = 1_700_000_000L;

    /** Every charge channel the documents name, with what it needs to be valid. */
    static final List<String> CHARGE_CHANNELS = List.of(
            "alipay", "alipay_wap", "alipay_pc_direct", "alipay_qr", "alipay_scan", "cb_alipay",
            "wx", "wx_pub", "wx_pub_qr", "wx_pub_scan", "wx_wap", "wx_lite",
            "cb_wx", "cb_wx_pub", "cb_wx_pub_qr", "cb_wx_pub_scan",
            "upacp", "upacp_wap", "upacp_pc", "upacp_b2b", "upacp_qr", "cp_b2b", "applepay_upacp",
            "bfb", "bfb_wap", "jdpay_wap", "yeepay_wap", "qpay", "qpay_pub", "cmb_wallet", "fqlpay_wap", "mmdpay_wap",
            "qgbc_wap", "balance", "isv_qr", "isv_scan", "isv_wap", "paypal", "coolcredit", "ccb_pay", "ccb_qr", "cmpay");

    static final String GOODS = "[{\"goods_id\":\"iphone6s16G\",\"goods_name\":\"iPhone6s 16G\",\"goods_num\":1,\"price\":528800}]";

    /** The {@code extra} each channel requires (SDK table §7.4 and document 002). */
    private static final Map<String, String> EXTRA = Map.ofEntries(
            Map.entry("alipay_wap", "{\"success_url\":\"https://example.com/success\"}"),
            Map.entry("alipay_pc_direct", "{\"success_url\":\"https://example.com/success\"}"),
            Map.entry("alipay_scan", "{\"scan_code\":\"286801346868493272\",\"terminal_id\":\"T0001\"}"),
            Map.entry("wx_pub", "{\"open_id\":\"o9zpMs9jIaLynQY9N6yxcZ\"}"),
            Map.entry("wx_lite", "{\"open_id\":\"o9zpMs9jIaLynQY9N6yxcZ\"}"),
            Map.entry("wx_pub_qr", "{\"product_id\":\"Productid\"}"),
            Map.entry("wx_pub_scan", "{\"scan_code\":\"286801346868493272\"}"),
            Map.entry("cb_wx", "{\"goods_list\":" + GOODS + "}"),
            Map.entry("cb_wx_pub", "{\"open_id\":\"o9zpMs9jIaLynQY9N6yxcZ\",\"goods_list\":" + GOODS + "}"),
            Map.entry("cb_wx_pub_qr", "{\"product_id\":\"Productid\",\"goods_list\":" + GOODS + "}"),
            Map.entry("cb_wx_pub_scan", "{\"scan_code\":\"286801346868493272\",\"goods_list\":" + GOODS + "}"),
            Map.entry("upacp_wap", "{\"result_url\":\"https://example.com/result\"}"),
            Map.entry("upacp_pc", "{\"result_url\":\"https://example.com/result\"}"),
            Map.entry("bfb_wap", "{\"result_url\":\"https://example.com/result\",\"bfb_login\":true}"),
            Map.entry("jdpay_wap", "{\"success_url\":\"https://example.com/success\",\"fail_url\":\"https://example.com/fail\"}"),
            Map.entry("yeepay_wap", "{\"product_category\":\"1\",\"identity_id\":\"your identity_id\",\"identity_type\":1,"
                    + "\"terminal_type\":1,\"terminal_id\":\"your terminal_id\",\"user_ua\":\"your user_ua\",\"result_url\":\"https://example.com/result\"}"),
            Map.entry("qpay", "{\"device\":\"ios\"}"),
            Map.entry("cmb_wallet", "{\"result_url\":\"https://example.com/result\",\"p_no\":\"123456789\",\"seq\":\"12345\",\"m_uid\":\"1234\",\"mobile\":\"13800000000\"}"),
            Map.entry("balance", "{\"user\":\"user_001\"}"),
            Map.entry("fqlpay_wap", "{\"c_merch_id\":\"merchant01\"}"),
            Map.entry("mmdpay_wap", "{\"phone\":\"13800000000\",\"id_no\":\"110101199001011234\",\"name\":\"张三\"}"),
            Map.entry("qgbc_wap", "{\"phone\":\"13800000000\"}"),
            Map.entry("isv_qr", "{\"pay_channel\":\"wx\",\"terminal_id\":\"SH008\"}"),
            Map.entry("isv_scan", "{\"scan_code\":\"286801346868493272\",\"terminal_id\":\"SH008\"}"),
            Map.entry("isv_wap", "{\"pay_channel\":\"alipay\",\"result_url\":\"https://example.com/result\",\"terminal_id\":\"SH008\"}"));

    private Fixtures() {
    }

    /** A valid charge on {@code channel}: an 8-character order number fits every channel's length. */
    static ObjectNode charge(String channel) {
        ObjectNode charge = Json.object("""
                {"order_no":"12345678","amount":100,"app":{"id":"app_1Gqj58ynP0mHeX1q"},"channel":"upacp","currency":"cny",
                 "client_ip":"127.0.0.1","subject":"Your Subject","body":"Your Body"}""");
        charge.put("channel", channel);
        if (channel.startsWith("cb_") || channel.equals("paypal")) {
            charge.put("currency", "usd");
        }
        if (EXTRA.containsKey(channel)) {
            charge.set("extra", Json.object(EXTRA.get(channel)));
        }
        return charge;
    }

    /** The {@code extra} the channel requires, for order payments and recharges; {@code {}} when it needs none. */
    static ObjectNode extra(String channel) {
        return Json.object(EXTRA.getOrDefault(channel, "{}"));
    }

    static ObjectNode recharge(String channel) {
        ObjectNode recharge = Json.object("""
                {"user":"test_user_02","from_user":"test_user_01","charge":{"amount":1000,"channel":"upacp","order_no":"20161000167",
                 "subject":"测试订单007","body":"订单内容007","client_ip":"127.0.0.1"},"description":"Your description"}""");
        ((ObjectNode) recharge.get("charge")).put("channel", channel);
        ((ObjectNode) recharge.get("charge")).set("extra", extra(channel));
        if (channel.equals("custom")) {
            recharge.put("user", "0");
        }
        return recharge;
    }

    static ObjectNode orderPay(String channel) {
        ObjectNode pay = Json.object("{\"charge_amount\":10}");
        pay.put("channel", channel);
        if (!extra(channel).isEmpty()) {
            pay.set("extra", extra(channel));
        }
        return pay;
    }

    static ObjectNode subAppChannel(String channel) {
        ObjectNode request = Json.object("""
                {"channel":"isv_wap","banned":false,"banned_msg":null,"description":"description",
                 "params":{"fee_rate":16,"mer_id":"288880088880008","inst_id":"98888888","key":"eae4c4426b73e26e48dacf0fd6e9a9e1","support_refund":true}}""");
        request.put("channel", channel);
        return request;
    }

    /** A valid body of the kind: the first of {@link #examples}. */
    static ObjectNode valid(RequestKind kind) {
        List<ObjectNode> examples = examples(kind);
        if (examples.isEmpty()) {
            throw new IllegalStateException("The spec has no request example of " + kind + " to test it with");
        }
        return examples.get(0);
    }

    /**
     * The request examples of the operation the kind is named after, with the times their rules measure from the
     * creation time ({@code secondsAfterNow}) moved so that they are valid at {@link #NOW}.
     */
    static List<ObjectNode> examples(RequestKind kind) {
        List<ObjectNode> bodies = new ArrayList<>();
        for (SpecDocument.Example example : SpecDocument.requestExamples(kind)) {
            ObjectNode body = (ObjectNode) example.body().deepCopy();
            example.createdAt().ifPresent(created -> moveTimes(body, SpecDocument.schema(SpecDocument.requestSchema(kind)), NOW - created));
            bodies.add(body);
        }
        return bodies;
    }

    /** Adds {@code seconds} to every time the rules of the schema (and of the schemas of its fields) measure from now. */
    private static void moveTimes(JsonNode value, JsonNode schema, long seconds) {
        JsonNode resolved = SpecDocument.resolve(schema);
        if (value instanceof ObjectNode object) {
            Set<String> times = new TreeSet<>();
            for (JsonNode rule : resolved.path("x-pingpp-rules")) {
                rule.path("then").fields().forEachRemaining(requirement -> {
                    if (requirement.getValue().has("secondsAfterNow")) {
                        times.add(requirement.getKey());
                    }
                });
            }
            for (String path : times) {
                JsonNode time = SpecAgreementTest.value(object, path);
                if (time != null && time.isIntegralNumber()) {
                    Json.set(object, path, time.asLong() + seconds);
                }
            }
            resolved.path("properties").fields().forEachRemaining(property -> {
                if (object.has(property.getKey())) {
                    moveTimes(object.get(property.getKey()), property.getValue(), seconds);
                }
            });
        } else if (value != null && value.isArray()) {
            value.forEach(item -> moveTimes(item, resolved.path("items"), seconds));
        }
    }
}
