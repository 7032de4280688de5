package org.pingppopenapi.validator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingppopenapi.validator.Fixtures.NOW;
import static org.pingppopenapi.validator.Json.ABSENT;
import static org.pingppopenapi.validator.Json.repeat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One table per rule of the documents, with the values on both sides of each bound. The bounds are written here
 * from the documents (001, 002, 003 and the SDK tables), not read from the spec, so the spec is held to them.
 * A valid value must give no violation at all; an invalid one must give a violation of that field and rule.
 */
class RuleBoundariesTest {

    private static final PingppValidator VALIDATOR = PingppValidator.fromSpec();

    record Case(String name, RequestKind kind, JsonNode payload, String field, String rule, boolean valid) {
        /** The same case, expecting the violation at another field than the one set. */
        Case withField(String reportedField) {
            return new Case(name, kind, payload, reportedField, rule, valid);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"orderNumbers", "timeExpire", "currencies", "subjectAndBody", "chargeCommonFields", "chargeExtras",
            "offlineScanExtras", "metadata", "recharge", "orders", "orderPayments", "orderCancelAndRefunds", "subApps",
            "subAppChannels", "chargeRefunds"})
    void boundary(Case c) {
        assertBoundary(c);
    }

    /** A valid case gives no violation at all; an invalid one gives a violation of its field and rule. */
    static void assertBoundary(Case c) {
        List<Violation> violations = VALIDATOR.validate(c.kind(), c.payload(), Instant.ofEpochSecond(NOW));
        if (c.valid()) {
            assertThat(violations).as(c.name()).isEmpty();
        } else {
            assertThat(violations).as(c.name())
                    .anySatisfy(v -> {
                        assertThat(v.field()).isEqualTo(c.field());
                        assertThat(v.rule()).isEqualTo(c.rule());
                        assertThat(v.message()).contains(c.field()).contains(c.rule());
                    });
        }
    }

    // ---------------------------------------------------------------- charge (001)

    static Stream<Case> orderNumbers() {
        List<Case> cases = new ArrayList<>();
        Map<List<String>, int[]> lengths = new LinkedHashMap<>();
        Map<List<String>, String> rules = new LinkedHashMap<>();
        add(lengths, rules, List.of("alipay", "alipay_wap", "alipay_pc_direct", "alipay_qr", "alipay_scan", "cb_alipay"), 1, 64, "charge.order_no.alipay");
        add(lengths, rules, List.of("wx", "wx_pub", "wx_pub_qr", "wx_wap", "wx_lite"), 2, 32, "charge.order_no.wx");
        add(lengths, rules, List.of("wx_pub_scan", "cb_wx", "cb_wx_pub", "cb_wx_pub_qr", "cb_wx_pub_scan"), 1, 32, "charge.order_no.wx_scan_and_cross_border");
        add(lengths, rules, List.of("bfb"), 1, 20, "charge.order_no.bfb");
        add(lengths, rules, List.of("upacp", "upacp_wap", "upacp_pc", "upacp_b2b", "upacp_qr", "cp_b2b", "applepay_upacp"), 8, 40, "charge.order_no.unionpay");
        add(lengths, rules, List.of("yeepay_wap"), 1, 50, "charge.order_no.yeepay_wap");
        add(lengths, rules, List.of("jdpay_wap"), 1, 30, "charge.order_no.jdpay_wap");
        add(lengths, rules, List.of("qpay"), 1, 30, "charge.order_no.qpay");
        add(lengths, rules, List.of("isv_qr", "isv_scan", "isv_wap"), 8, 32, "charge.order_no.offline_scan");
        add(lengths, rules, List.of("paypal"), 1, 32, "charge.order_no.paypal");
        add(lengths, rules, List.of("ccb_pay", "ccb_qr"), 1, 30, "charge.order_no.ccb");
        add(lengths, rules, List.of("cmb_wallet"), 6, 32, "charge.order_no.cmb_wallet");
        lengths.forEach((channels, bounds) -> {
            for (String channel : channels) {
                ObjectNode base = Fixtures.charge(channel);
                String rule = rules.get(channels);
                int min = bounds[0];
                int max = bounds[1];
                cases.add(charge(channel + " order_no of " + (min - 1), base, "order_no", repeat("1", min - 1), rule, false));
                cases.add(charge(channel + " order_no of " + min, base, "order_no", repeat("1", min), rule, true));
                cases.add(charge(channel + " order_no of " + max, base, "order_no", repeat("1", max), rule, true));
                cases.add(charge(channel + " order_no of " + (max + 1), base, "order_no", repeat("1", max + 1), rule, false));
            }
        });
        // No special characters on any channel, and 1 to 64 where no channel rule narrows it.
        cases.add(charge("order_no with a dash", Fixtures.charge("alipay"), "order_no", "2017-0606", "schema.pattern", false));
        cases.add(charge("order_no with a trailing newline", Fixtures.charge("alipay"), "order_no", "20170606\n", "schema.pattern", false));
        cases.add(charge("order_no of 64 on qpay_pub", Fixtures.charge("qpay_pub"), "order_no", repeat("a", 64), null, true));
        cases.add(charge("order_no of 65 on qpay_pub", Fixtures.charge("qpay_pub"), "order_no", repeat("a", 65), "schema.maxLength", false));
        return cases.stream();
    }

    private static void add(Map<List<String>, int[]> lengths, Map<List<String>, String> rules, List<String> channels, int min, int max, String rule) {
        lengths.put(channels, new int[] {min, max});
        rules.put(channels, rule);
    }

    static Stream<Case> timeExpire() {
        List<Case> cases = new ArrayList<>();
        record Range(String rule, long min, long max, List<String> channels) {
        }
        List<Range> ranges = List.of(
                new Range("charge.time_expire.default", 60, 15 * 86400, List.of("alipay", "alipay_wap", "bfb", "jdpay_wap", "yeepay_wap", "isv_qr", "paypal", "balance")),
                new Range("charge.time_expire.wechat", 60, 7 * 86400, List.of("wx", "wx_pub", "wx_pub_qr", "wx_pub_scan", "wx_wap", "wx_lite", "cb_wx", "cb_wx_pub", "cb_wx_pub_qr", "cb_wx_pub_scan")),
                new Range("charge.time_expire.unionpay_one_hour", 60, 3600, List.of("upacp", "upacp_pc", "upacp_wap", "cp_b2b", "applepay_upacp")),
                new Range("charge.time_expire.upacp_b2b", 60, 86400, List.of("upacp_b2b")),
                new Range("charge.time_expire.upacp_qr", 60, 30 * 86400, List.of("upacp_qr")));
        for (Range range : ranges) {
            for (String channel : range.channels()) {
                ObjectNode base = Fixtures.charge(channel);
                cases.add(charge(channel + " time_expire now+" + (range.min() - 1), base, "time_expire", NOW + range.min() - 1, range.rule(), false));
                cases.add(charge(channel + " time_expire now+" + range.min(), base, "time_expire", NOW + range.min(), range.rule(), true));
                cases.add(charge(channel + " time_expire now+" + range.max(), base, "time_expire", NOW + range.max(), range.rule(), true));
                cases.add(charge(channel + " time_expire now+" + (range.max() + 1), base, "time_expire", NOW + range.max() + 1, range.rule(), false));
            }
        }
        cases.add(charge("time_expire as a string", Fixtures.charge("alipay"), "time_expire", String.valueOf(NOW + 600), "schema.type", false));
        return cases.stream();
    }

    static Stream<Case> currencies() {
        List<Case> cases = new ArrayList<>();
        for (String channel : List.of("alipay", "wx", "upacp", "isv_scan", "balance")) {
            cases.add(charge(channel + " in cny", Fixtures.charge(channel), "currency", "cny", null, true));
            cases.add(charge(channel + " in usd", Fixtures.charge(channel), "currency", "usd", "charge.currency.domestic", false));
        }
        List<String> wechat = List.of("usd", "eur", "cad", "sgd", "aud", "gbp", "hkd", "jpy", "thb", "nzd", "krw", "rub");
        List<String> alipay = List.of("usd", "eur", "cad", "sgd", "aud", "gbp", "hkd", "jpy", "thb", "nzd", "nok", "sek", "chf", "dkk", "krw");
        List<String> paypal = List.of("usd", "eur", "cad", "sgd", "aud", "gbp", "hkd", "jpy", "thb", "nzd", "nok", "sek", "chf", "dkk", "rub",
                "brl", "czk", "huf", "inr", "ils", "myr", "mxn", "twd", "php", "pln");
        List<String> all = Stream.of(wechat, alipay, paypal, List.of("cny")).flatMap(List::stream).distinct().toList();
        Map<String, List<String>> allowed = new LinkedHashMap<>();
        Map<String, String> rule = new LinkedHashMap<>();
        for (String channel : List.of("cb_wx", "cb_wx_pub", "cb_wx_pub_qr", "cb_wx_pub_scan")) {
            allowed.put(channel, wechat);
            rule.put(channel, "charge.currency.cross_border_wechat");
        }
        allowed.put("cb_alipay", alipay);
        rule.put("cb_alipay", "charge.currency.cross_border_alipay");
        allowed.put("paypal", paypal);
        rule.put("paypal", "charge.currency.cross_border_paypal");
        allowed.forEach((channel, currencies) -> {
            for (String currency : all) {
                boolean ok = currencies.contains(currency);
                cases.add(charge(channel + " in " + currency, Fixtures.charge(channel), "currency", currency, rule.get(channel), ok));
            }
        });
        cases.add(charge("currency in capitals", Fixtures.charge("alipay"), "currency", "CNY", "schema.pattern", false));
        return cases.stream();
    }

    static Stream<Case> subjectAndBody() {
        List<Case> cases = new ArrayList<>();
        for (String channel : List.of("upacp", "upacp_wap", "upacp_pc", "upacp_b2b", "upacp_qr", "cp_b2b", "applepay_upacp")) {
            ObjectNode base = Fixtures.charge(channel);
            cases.add(charge(channel + " subject of 32 ASCII bytes", base, "subject", repeat("s", 32), null, true));
            cases.add(charge(channel + " subject of 10 CJK + 2 ASCII = 32 bytes", base, "subject", repeat("测", 10) + "ab", null, true));
            cases.add(charge(channel + " subject of 10 CJK + 3 ASCII = 33 bytes", base, "subject", repeat("测", 10) + "abc", "charge.subject.unionpay_bytes", false));
            cases.add(charge(channel + " subject of 11 CJK = 33 bytes", base, "subject", repeat("测", 11), "charge.subject.unionpay_bytes", false));
        }
        cases.add(charge("alipay subject of 32 CJK characters", Fixtures.charge("alipay"), "subject", repeat("测", 32), null, true));
        cases.add(charge("alipay subject of 33 characters", Fixtures.charge("alipay"), "subject", repeat("s", 33), "schema.maxLength", false));
        cases.add(charge("alipay subject of 32 emoji (code points, not UTF-16 units)", Fixtures.charge("alipay"), "subject", repeat("😀", 32), null, true));
        cases.add(charge("empty subject", Fixtures.charge("alipay"), "subject", "", "schema.minLength", false));
        cases.add(charge("yeepay_wap body of 100", Fixtures.charge("yeepay_wap"), "body", repeat("b", 100), null, true));
        cases.add(charge("yeepay_wap body of 101", Fixtures.charge("yeepay_wap"), "body", repeat("b", 101), "charge.body.yeepay_wap", false));
        cases.add(charge("alipay body of 128", Fixtures.charge("alipay"), "body", repeat("测", 128), null, true));
        cases.add(charge("alipay body of 129", Fixtures.charge("alipay"), "body", repeat("b", 129), "schema.maxLength", false));
        return cases.stream();
    }

    static Stream<Case> chargeCommonFields() {
        ObjectNode base = Fixtures.charge("alipay");
        return Stream.of(
                charge("amount 0", base, "amount", 0, "schema.minimum", false),
                charge("amount 1", base, "amount", 1, null, true),
                charge("amount 1.5", base, "amount", 1.5, "schema.type", false),
                charge("amount above int64", base, "amount", new java.math.BigInteger("9223372036854775808"), "schema.format", false),
                charge("client_ip 255.255.255.255", base, "client_ip", "255.255.255.255", null, true),
                charge("client_ip 256.0.0.1", base, "client_ip", "256.0.0.1", "schema.pattern", false),
                charge("client_ip IPv6", base, "client_ip", "::1", "schema.pattern", false),
                charge("description of 255", base, "description", repeat("d", 255), null, true),
                charge("description of 256", base, "description", repeat("d", 256), "schema.maxLength", false),
                charge("no order_no", base, "order_no", ABSENT, "schema.required", false),
                charge("no app.id", base, "app.id", ABSENT, "schema.required", false),
                charge("null channel", base, "channel", null, "schema.required", false));
    }

    static Stream<Case> chargeExtras() {
        List<Case> cases = new ArrayList<>();
        Map<String, List<String>> required = new LinkedHashMap<>();
        Map<String, String> rules = new LinkedHashMap<>();
        need(required, rules, "alipay_wap", "charge.extra.success_url", "success_url");
        need(required, rules, "alipay_pc_direct", "charge.extra.success_url", "success_url");
        need(required, rules, "alipay_scan", "charge.extra.alipay_scan", "scan_code", "terminal_id");
        need(required, rules, "wx_pub", "charge.extra.open_id", "open_id");
        need(required, rules, "wx_lite", "charge.extra.open_id", "open_id");
        need(required, rules, "cb_wx_pub", "charge.extra.open_id", "open_id");
        need(required, rules, "wx_pub_qr", "charge.extra.product_id", "product_id");
        need(required, rules, "cb_wx_pub_qr", "charge.extra.product_id", "product_id");
        need(required, rules, "wx_pub_scan", "charge.extra.scan_code", "scan_code");
        need(required, rules, "cb_wx_pub_scan", "charge.extra.scan_code", "scan_code");
        need(required, rules, "cb_wx", "charge.extra.cross_border_goods_list", "goods_list");
        need(required, rules, "upacp_wap", "charge.extra.result_url", "result_url");
        need(required, rules, "upacp_pc", "charge.extra.result_url", "result_url");
        need(required, rules, "bfb_wap", "charge.extra.bfb_wap", "bfb_login");
        need(required, rules, "jdpay_wap", "charge.extra.jdpay_wap", "success_url", "fail_url");
        need(required, rules, "yeepay_wap", "charge.extra.yeepay_wap", "product_category", "identity_id", "identity_type", "terminal_type", "terminal_id", "user_ua");
        need(required, rules, "qpay", "charge.extra.qpay", "device");
        need(required, rules, "cmb_wallet", "charge.extra.cmb_wallet", "p_no", "seq", "m_uid", "mobile");
        need(required, rules, "balance", "charge.extra.balance", "user");
        need(required, rules, "fqlpay_wap", "charge.extra.fqlpay_wap", "c_merch_id");
        need(required, rules, "mmdpay_wap", "charge.extra.mmdpay_wap", "phone", "id_no", "name");
        need(required, rules, "qgbc_wap", "charge.extra.qgbc_wap", "phone");
        required.forEach((channel, fields) -> {
            cases.add(charge(channel + " with its extra", Fixtures.charge(channel), "extra", Fixtures.extra(channel), null, true));
            for (String field : fields) {
                cases.add(charge(channel + " without extra." + field, Fixtures.charge(channel), "extra." + field, ABSENT, rules.get(channel), false));
            }
        });
        for (String channel : List.of("yeepay_wap", "bfb_wap", "cmb_wallet", "upacp_wap")) {
            cases.add(charge(channel + " without extra.result_url", Fixtures.charge(channel), "extra.result_url", ABSENT, "charge.extra.result_url", false));
        }
        for (String channel : List.of("alipay", "alipay_qr", "wx", "wx_wap", "upacp", "bfb", "applepay_upacp", "cp_b2b", "paypal", "cb_alipay")) {
            cases.add(charge(channel + " needs no extra", Fixtures.charge(channel), "extra", ABSENT, null, true));
        }
        ObjectNode yeepay = Fixtures.charge("yeepay_wap");
        cases.add(charge("yeepay_wap identity_id of 50", yeepay, "extra.identity_id", repeat("i", 50), null, true));
        cases.add(charge("yeepay_wap identity_id of 51", yeepay, "extra.identity_id", repeat("i", 51), "charge.extra.yeepay_wap", false));
        for (int type = -1; type <= 4; type++) {
            cases.add(charge("yeepay_wap terminal_type " + type, yeepay, "extra.terminal_type", type, "charge.extra.yeepay_wap", type >= 0 && type <= 3));
        }
        cases.add(charge("qpay device android", Fixtures.charge("qpay"), "extra.device", "android", null, true));
        cases.add(charge("qpay device windows", Fixtures.charge("qpay"), "extra.device", "windows", "charge.extra.qpay", false));
        ObjectNode cmb = Fixtures.charge("cmb_wallet");
        cases.add(charge("cmb_wallet p_no of 30 digits", cmb, "extra.p_no", repeat("9", 30), null, true));
        cases.add(charge("cmb_wallet p_no of 31 digits", cmb, "extra.p_no", repeat("9", 31), "charge.extra.cmb_wallet", false));
        cases.add(charge("cmb_wallet seq of 20 digits", cmb, "extra.seq", repeat("9", 20), null, true));
        cases.add(charge("cmb_wallet seq of 21 digits", cmb, "extra.seq", repeat("9", 21), "charge.extra.cmb_wallet", false));
        cases.add(charge("cmb_wallet m_uid with a letter", cmb, "extra.m_uid", "12a", "charge.extra.cmb_wallet", false));
        cases.add(charge("cmb_wallet mobile of 10 digits", cmb, "extra.mobile", repeat("1", 10), "charge.extra.cmb_wallet", false));
        cases.add(charge("cmb_wallet mobile of 12 digits", cmb, "extra.mobile", repeat("1", 12), "charge.extra.cmb_wallet", false));
        cases.add(charge("wx_pub_qr product_id of 32", Fixtures.charge("wx_pub_qr"), "extra.product_id", repeat("p", 32), null, true));
        cases.add(charge("wx_pub_qr product_id of 33", Fixtures.charge("wx_pub_qr"), "extra.product_id", repeat("p", 33), "charge.extra.product_id", false));
        ObjectNode cbWx = Fixtures.charge("cb_wx");
        cases.add(charge("cb_wx goods without goods_name", cbWx, "extra.goods_list[0].goods_name", ABSENT, "charge.extra.cross_border_goods_list", false));
        cases.add(charge("cb_wx goods_num 0", cbWx, "extra.goods_list[0].goods_num", 0, "charge.extra.cross_border_goods_list", false));
        cases.add(charge("cb_wx goods_num 1", cbWx, "extra.goods_list[0].goods_num", 1, null, true));
        cases.add(charge("cb_wx goods_list not an array", cbWx, "extra.goods_list", "goods", "charge.extra.cross_border_goods_list", false));
        return cases.stream();
    }

    private static void need(Map<String, List<String>> required, Map<String, String> rules, String channel, String rule, String... fields) {
        required.put(channel, List.of(fields));
        rules.put(channel, rule);
    }

    static Stream<Case> offlineScanExtras() {
        List<Case> cases = new ArrayList<>();
        for (String channel : List.of("isv_qr", "isv_scan", "isv_wap")) {
            String rule = "charge.extra." + channel;
            ObjectNode base = Fixtures.charge(channel);
            cases.add(charge(channel + " without extra", base, "extra", ABSENT, rule, false));
            cases.add(charge(channel + " terminal_id of 8", base, "extra.terminal_id", "00000001", null, true));
            cases.add(charge(channel + " terminal_id of 9", base, "extra.terminal_id", "000000001", rule, false));
            cases.add(charge(channel + " terminal_id empty", base, "extra.terminal_id", "", rule, false));
            cases.add(charge(channel + " terminal_id with a dash", base, "extra.terminal_id", "SH-08", rule, false));
            cases.add(charge(channel + " without terminal_id", base, "extra.terminal_id", ABSENT, rule, false));
            ObjectNode withGoods = Json.with(base, "extra.goods_list", Json.node(Json.object("{\"g\":" + Fixtures.GOODS + "}").get("g")));
            cases.add(charge(channel + " with goods_list", withGoods, "extra.goods_list[0].goods_num", 2, null, true));
            for (String field : List.of("goods_id", "goods_name", "price", "goods_num")) {
                cases.add(charge(channel + " goods without " + field, withGoods, "extra.goods_list[0]." + field, ABSENT, rule, false));
            }
            cases.add(charge(channel + " goods price as a string", withGoods, "extra.goods_list[0].price", "528800", rule, false));
        }
        ObjectNode scan = Fixtures.charge("isv_scan");
        cases.add(charge("isv_scan scan_code of 32", scan, "extra.scan_code", repeat("2", 32), null, true));
        cases.add(charge("isv_scan scan_code of 33", scan, "extra.scan_code", repeat("2", 33), "charge.extra.isv_scan", false));
        cases.add(charge("isv_scan without scan_code", scan, "extra.scan_code", ABSENT, "charge.extra.isv_scan", false));
        ObjectNode wap = Fixtures.charge("isv_wap");
        cases.add(charge("isv_wap result_url of 120", wap, "extra.result_url", repeat("u", 120), null, true));
        cases.add(charge("isv_wap result_url of 121", wap, "extra.result_url", repeat("u", 121), "charge.extra.isv_wap", false));
        cases.add(charge("isv_wap without pay_channel", wap, "extra.pay_channel", ABSENT, "charge.extra.isv_wap", false));
        cases.add(charge("isv_qr without pay_channel", Fixtures.charge("isv_qr"), "extra.pay_channel", ABSENT, "charge.extra.isv_qr", false));
        return cases.stream();
    }

    static Stream<Case> metadata() {
        List<Case> cases = new ArrayList<>();
        ObjectNode base = Fixtures.charge("alipay");
        cases.add(charge("metadata of 10 keys", base, "metadata", keys(10), null, true));
        cases.add(new Case("metadata of 11 keys", Kinds.CHARGE, Json.with(base, "metadata", keys(11)), "metadata", "schema.maxProperties", false));
        cases.add(new Case("metadata of 1000 characters", Kinds.CHARGE, Json.with(base, "metadata", Map.of("k", repeat("v", 999))), "metadata", null, true));
        cases.add(new Case("metadata of 1001 characters", Kinds.CHARGE, Json.with(base, "metadata", Map.of("k", repeat("v", 1000))), "metadata", "metadata.total_length", false));
        cases.add(new Case("metadata of 1001 characters in 10 pairs", Kinds.CHARGE,
                Json.with(base, "metadata", spread(10, 1001)), "metadata", "metadata.total_length", false));
        cases.add(charge("metadata value that is a number", base, "metadata.color", 5, "schema.type", false));
        for (RequestKind kind : List.of(Kinds.CHARGE_REFUND, Kinds.RECHARGE, Kinds.ORDER, Kinds.ORDER_REFUND,
                Kinds.SUB_APP, Kinds.SUB_APP_UPDATE)) {
            cases.add(new Case(kind.name() + " metadata of 1000", kind, Json.with(Fixtures.valid(kind), "metadata", Map.of("k", repeat("v", 999))), "metadata", null, true));
            cases.add(new Case(kind.name() + " metadata of 1001", kind, Json.with(Fixtures.valid(kind), "metadata", Map.of("k", repeat("v", 1000))), "metadata", "metadata.total_length", false));
        }
        return cases.stream();
    }

    private static Map<String, String> keys(int count) {
        Map<String, String> metadata = new LinkedHashMap<>();
        IntStream.range(0, count).forEach(i -> metadata.put("k" + i, "v"));
        return metadata;
    }

    /** {@code pairs} pairs of one-letter keys whose keys and values add up to {@code total} characters. */
    private static Map<String, String> spread(int pairs, int total) {
        Map<String, String> metadata = new LinkedHashMap<>();
        int valueLength = (total - pairs) / pairs;
        for (int i = 0; i < pairs; i++) {
            int extra = i == 0 ? (total - pairs) % pairs : 0;
            metadata.put(String.valueOf((char) ('a' + i)), repeat("v", valueLength + extra));
        }
        return metadata;
    }

    // ---------------------------------------------------------------- recharge (003)

    static Stream<Case> recharge() {
        List<Case> cases = new ArrayList<>();
        ObjectNode base = Fixtures.recharge("alipay");
        cases.add(recharge("user of 64", base, "user", repeat("u", 64), null, true));
        cases.add(recharge("user of 65", base, "user", repeat("u", 65), "schema.maxLength", false));
        cases.add(recharge("charge.amount 0", base, "charge.amount", 0, null, true));
        cases.add(recharge("charge.amount -1", base, "charge.amount", -1, "schema.minimum", false));
        cases.add(recharge("charge.amount 1000000000", base, "charge.amount", 1_000_000_000, null, true));
        cases.add(recharge("charge.amount 1000000001", base, "charge.amount", 1_000_000_001, "schema.maximum", false));
        for (int length : new int[] {7, 8, 20, 21}) {
            cases.add(recharge("charge.order_no of " + length, base, "charge.order_no", repeat("2", length),
                    length < 8 ? "schema.minLength" : "schema.maxLength", length >= 8 && length <= 20));
        }
        cases.add(recharge("user_fee equal to charge.amount", base, "user_fee", 1000, null, true));
        cases.add(recharge("user_fee above charge.amount", base, "user_fee", 1001, "recharge.user_fee.at_most_amount", false));
        cases.add(recharge("user_fee -1", base, "user_fee", -1, "schema.minimum", false));
        ObjectNode withFee = Json.with(base, "user_fee", 100);
        cases.add(recharge("user_fee with balance_bonus.amount 0", withFee, "balance_bonus.amount", 0, null, true));
        cases.add(recharge("user_fee with balance_bonus.amount 1", withFee, "balance_bonus.amount", 1, "recharge.user_fee.without_balance_bonus", false));
        cases.add(recharge("balance_bonus.amount without user_fee", base, "balance_bonus.amount", 500, null, true));
        cases.add(recharge("custom channel for user 0", Fixtures.recharge("custom"), "user", "0", null, true));
        cases.add(recharge("custom channel for another user", Fixtures.recharge("custom"), "user", "test_user_02", "recharge.custom_channel.user_zero", false));
        cases.add(recharge("upacp subject of 33 bytes", Fixtures.recharge("upacp"), "charge.subject", repeat("测", 11), "recharge.charge.subject.unionpay_bytes", false));
        cases.add(recharge("upacp subject of 32 bytes", Fixtures.recharge("upacp"), "charge.subject", repeat("测", 10) + "&&", null, true));
        cases.add(recharge("yeepay_wap body of 100", Fixtures.recharge("yeepay_wap"), "charge.body", repeat("b", 100), null, true));
        cases.add(recharge("yeepay_wap body of 101", Fixtures.recharge("yeepay_wap"), "charge.body", repeat("b", 101), "recharge.charge.body.yeepay_wap", false));
        record Range(String rule, long max, String channel) {
        }
        for (Range range : List.of(new Range("recharge.charge.time_expire.default", 15 * 86400, "alipay"),
                new Range("recharge.charge.time_expire.wechat", 7 * 86400, "wx"),
                new Range("recharge.charge.time_expire.unionpay", 3600, "upacp"),
                new Range("recharge.charge.time_expire.unionpay", 3600, "upacp_wap"))) {
            ObjectNode charge = Fixtures.recharge(range.channel());
            cases.add(recharge(range.channel() + " time_expire now+59", charge, "charge.time_expire", NOW + 59, range.rule(), false));
            cases.add(recharge(range.channel() + " time_expire now+60", charge, "charge.time_expire", NOW + 60, range.rule(), true));
            cases.add(recharge(range.channel() + " time_expire now+" + range.max(), charge, "charge.time_expire", NOW + range.max(), range.rule(), true));
            cases.add(recharge(range.channel() + " time_expire now+" + (range.max() + 1), charge, "charge.time_expire", NOW + range.max() + 1, range.rule(), false));
        }
        cases.add(recharge("no charge", base, "charge", ABSENT, "schema.required", false));
        cases.add(recharge("charge.client_ip optional (127.0.0.1 by default)", base, "charge.client_ip", ABSENT, null, true));
        return cases.stream();
    }

    // ---------------------------------------------------------------- orders (002)

    static Stream<Case> orders() {
        List<Case> cases = new ArrayList<>();
        ObjectNode base = Fixtures.valid(Kinds.ORDER);
        for (int length : new int[] {14, 15, 32, 33}) {
            cases.add(order("merchant_order_no of " + length, base, "merchant_order_no", repeat("8", length),
                    length < 15 ? "schema.minLength" : "schema.maxLength", length >= 15 && length <= 32));
        }
        cases.add(order("uid 0", base, "uid", "0", "order.uid.not_zero", false));
        cases.add(order("uid 00", base, "uid", "00", null, true));
        cases.add(order("uid of 64", base, "uid", repeat("u", 64), null, true));
        cases.add(order("uid of 65", base, "uid", repeat("u", 65), "schema.maxLength", false));
        cases.add(order("uid empty", base, "uid", "", "schema.minLength", false));
        for (int length : new int[] {23, 24, 25}) {
            cases.add(order("coupon of " + length, base, "coupon", repeat("3", length), length < 24 ? "schema.minLength" : "schema.maxLength", length == 24));
        }
        cases.add(order("actual_amount 0", base, "actual_amount", 0, null, true));
        cases.add(order("actual_amount -1", base, "actual_amount", -1, "schema.minimum", false));
        cases.add(order("actual_amount 1000000000", base, "actual_amount", 1_000_000_000, null, true));
        cases.add(order("actual_amount 1000000001", base, "actual_amount", 1_000_000_001, "schema.maximum", false));
        cases.add(order("time_expire now+59", base, "time_expire", NOW + 59, "order.time_expire.range", false));
        cases.add(order("time_expire now+60", base, "time_expire", NOW + 60, null, true));
        cases.add(order("time_expire now+86400", base, "time_expire", NOW + 86400, null, true));
        cases.add(order("time_expire now+86401", base, "time_expire", NOW + 86401, "order.time_expire.range", false));
        cases.add(order("royalty user", base, "royalty_users[0]", Map.of("user", "u1", "amount", 5), null, true));
        cases.add(order("royalty user without user", base, "royalty_users[0]", Map.of("amount", 5), "schema.required", false)
                .withField("royalty_users[0].user"));
        cases.add(order("royalty user without amount", base, "royalty_users[0]", Map.of("user", "u1"), "schema.required", false)
                .withField("royalty_users[0].amount"));
        cases.add(order("royalty amount -1", base, "royalty_users[0]", Map.of("user", "u1", "amount", -1), "schema.minimum", false)
                .withField("royalty_users[0].amount"));
        return cases.stream();
    }

    static Stream<Case> orderPayments() {
        List<Case> cases = new ArrayList<>();
        ObjectNode balance = Fixtures.valid(Kinds.ORDER_PAY);
        cases.add(pay("paid from the balance without channel", balance, "channel", ABSENT, null, true));
        cases.add(pay("charge_amount 1 without channel", balance, "charge_amount", 1, "order_pay.channel.with_charge_amount", false)
                .withField("channel"));
        cases.add(pay("no charge_amount", balance, "charge_amount", ABSENT, "schema.required", false));
        for (String channel : List.of("isv_qr", "isv_scan", "isv_wap")) {
            ObjectNode pay = Fixtures.orderPay(channel);
            cases.add(pay(channel + " with its extra", pay, "charge_order_no", "20170606000001", null, true));
            cases.add(pay(channel + " without extra", pay, "extra", ABSENT, "order_pay.extra." + channel, false));
            cases.add(pay(channel + " terminal_id of 9", pay, "extra.terminal_id", "123456789", "order_pay.extra." + channel, false));
        }
        record Range(String rule, long min, long max, String channel) {
        }
        for (Range range : List.of(new Range("order_pay.time_expire.default", 300, 86400, "alipay"),
                new Range("order_pay.time_expire.offline_scan", 60, 86400, "isv_qr"),
                new Range("order_pay.time_expire.offline_scan", 60, 86400, "isv_wap"),
                new Range("order_pay.time_expire.wechat", 300, 7200, "wx"),
                new Range("order_pay.time_expire.unionpay", 300, 3600, "upacp"))) {
            ObjectNode pay = Fixtures.orderPay(range.channel());
            cases.add(pay(range.channel() + " time_expire now+" + (range.min() - 1), pay, "time_expire", NOW + range.min() - 1, range.rule(), false));
            cases.add(pay(range.channel() + " time_expire now+" + range.min(), pay, "time_expire", NOW + range.min(), null, true));
            cases.add(pay(range.channel() + " time_expire now+" + range.max(), pay, "time_expire", NOW + range.max(), null, true));
            cases.add(pay(range.channel() + " time_expire now+" + (range.max() + 1), pay, "time_expire", NOW + range.max() + 1, range.rule(), false));
        }
        return cases.stream();
    }

    static Stream<Case> orderCancelAndRefunds() {
        ObjectNode cancel = Fixtures.valid(Kinds.ORDER_CANCEL);
        ObjectNode refund = Fixtures.valid(Kinds.ORDER_REFUND);
        return Stream.of(
                new Case("cancel with status canceled", Kinds.ORDER_CANCEL, cancel, "status", null, true),
                new Case("cancel with status paid", Kinds.ORDER_CANCEL, Json.with(cancel, "status", "paid"), "status", "schema.enum", false),
                new Case("cancel without status", Kinds.ORDER_CANCEL, Json.with(cancel, "status", ABSENT), "status", "schema.required", false),
                new Case("refund without description", Kinds.ORDER_REFUND, Json.with(refund, "description", ABSENT), "description", "schema.required", false),
                new Case("refund description of 255", Kinds.ORDER_REFUND, Json.with(refund, "description", repeat("d", 255)), "description", null, true),
                new Case("refund description of 256", Kinds.ORDER_REFUND, Json.with(refund, "description", repeat("d", 256)), "description", "schema.maxLength", false),
                new Case("refund_mode to_balance", Kinds.ORDER_REFUND, Json.with(refund, "refund_mode", "to_balance"), "refund_mode", null, true),
                new Case("refund_mode to_card", Kinds.ORDER_REFUND, Json.with(refund, "refund_mode", "to_card"), "refund_mode", "schema.enum", false),
                new Case("funding_source recharge_funds", Kinds.ORDER_REFUND, Json.with(refund, "funding_source", "recharge_funds"), "funding_source", null, true),
                new Case("funding_source settled_funds", Kinds.ORDER_REFUND, Json.with(refund, "funding_source", "settled_funds"), "funding_source", "schema.enum", false),
                new Case("charge_amount 0", Kinds.ORDER_REFUND, Json.with(refund, "charge_amount", 0), "charge_amount", "schema.minimum", false),
                new Case("royalty refund without user", Kinds.ORDER_REFUND, Json.with(refund, "royalty_users[0]", Map.of("amount", 0)),
                        "royalty_users[0].user", "schema.required", false));
    }

    // ---------------------------------------------------------------- sub-apps (002)

    static Stream<Case> subApps() {
        List<Case> cases = new ArrayList<>();
        for (RequestKind kind : List.of(Kinds.SUB_APP, Kinds.SUB_APP_UPDATE)) {
            ObjectNode base = Fixtures.valid(kind);
            for (String field : List.of("display_name", "description")) {
                for (int length : new int[] {1, 2, 50, 51}) {
                    cases.add(new Case(kind.name() + " " + field + " of " + length, kind, Json.with(base, field, repeat("n", length)), field,
                            length < 2 ? "schema.minLength" : "schema.maxLength", length >= 2 && length <= 50));
                }
            }
        }
        cases.add(new Case("sub-app without user", Kinds.SUB_APP, Json.with(Fixtures.valid(Kinds.SUB_APP), "user", ABSENT), "user", "schema.required", false));
        return cases.stream();
    }

    static Stream<Case> subAppChannels() {
        List<Case> cases = new ArrayList<>();
        for (String channel : List.of("isv_qr", "isv_scan", "isv_wap")) {
            ObjectNode base = Fixtures.subAppChannel(channel);
            String rule = "sub_app_channel.params.offline_scan";
            cases.add(channelCase(channel + " fee_rate -1", base, "params.fee_rate", -1, rule, false));
            cases.add(channelCase(channel + " fee_rate 0", base, "params.fee_rate", 0, rule, true));
            cases.add(channelCase(channel + " fee_rate 10000", base, "params.fee_rate", 10000, rule, true));
            cases.add(channelCase(channel + " fee_rate 10001", base, "params.fee_rate", 10001, rule, false));
            for (String[] field : new String[][] {{"mer_id", "15"}, {"inst_id", "8"}, {"key", "32"}}) {
                int length = Integer.parseInt(field[1]);
                for (int actual = length - 1; actual <= length + 1; actual++) {
                    cases.add(channelCase(channel + " " + field[0] + " of " + actual, base, "params." + field[0], repeat("8", actual), rule, actual == length));
                }
                cases.add(channelCase(channel + " without " + field[0], base, "params." + field[0], ABSENT, rule, false));
            }
            cases.add(channelCase(channel + " without support_refund", base, "params.support_refund", ABSENT, rule, false));
            cases.add(channelCase(channel + " support_refund as a string", base, "params.support_refund", "true", rule, false));
        }
        ObjectNode other = Fixtures.subAppChannel("isv_wap_cil");
        cases.add(channelCase("isv_wap_cil params are the provider's own", other, "params", Map.of("anything", 1), null, true));
        ObjectNode base = Fixtures.subAppChannel("isv_wap");
        cases.add(channelCase("banned with banned_msg", Json.with(base, "banned", true), "banned_msg", "reviewing", null, true));
        cases.add(channelCase("banned without banned_msg", Json.with(base, "banned", true), "banned_msg", ABSENT, "sub_app_channel.banned_msg.when_banned", false));
        cases.add(channelCase("banned with banned_msg null", Json.with(base, "banned", true), "banned_msg", null, "sub_app_channel.banned_msg.when_banned", false));
        cases.add(channelCase("banned with an empty banned_msg", Json.with(base, "banned", true), "banned_msg", "", "sub_app_channel.banned_msg.when_banned", false));
        cases.add(channelCase("not banned without banned_msg", base, "banned_msg", ABSENT, null, true));
        cases.add(channelCase("without params", base, "params", ABSENT, "schema.required", false));
        ObjectNode update = Fixtures.valid(Kinds.SUB_APP_CHANNEL_UPDATE);
        cases.add(new Case("update banning with banned_msg", Kinds.SUB_APP_CHANNEL_UPDATE, update, "banned_msg", null, true));
        cases.add(new Case("update banning without banned_msg", Kinds.SUB_APP_CHANNEL_UPDATE, Json.with(update, "banned_msg", ABSENT),
                "banned_msg", "sub_app_channel_update.banned_msg.when_banned", false));
        cases.add(new Case("update unbanning with an empty banned_msg", Kinds.SUB_APP_CHANNEL_UPDATE,
                Json.with(Json.with(update, "banned", false), "banned_msg", ""), "banned_msg", null, true));
        return cases.stream();
    }

    static Stream<Case> chargeRefunds() {
        ObjectNode base = Fixtures.valid(Kinds.CHARGE_REFUND);
        return Stream.of(
                new Case("refund amount 1", Kinds.CHARGE_REFUND, Json.with(base, "amount", 1), "amount", null, true),
                new Case("refund amount 0", Kinds.CHARGE_REFUND, Json.with(base, "amount", 0), "amount", "schema.minimum", false),
                new Case("refund without description", Kinds.CHARGE_REFUND, Json.with(base, "description", ABSENT), "description", "schema.required", false),
                new Case("refund funding_source unsettled_funds", Kinds.CHARGE_REFUND, Json.with(base, "funding_source", "unsettled_funds"), "funding_source", null, true),
                new Case("refund funding_source other", Kinds.CHARGE_REFUND, Json.with(base, "funding_source", "other"), "funding_source", "schema.enum", false));
    }

    // ---------------------------------------------------------------- helpers

    private static Case charge(String name, ObjectNode base, String field, Object value, String rule, boolean valid) {
        return new Case(name, Kinds.CHARGE, Json.with(base, field, value), field, rule, valid);
    }

    private static Case recharge(String name, ObjectNode base, String field, Object value, String rule, boolean valid) {
        return new Case(name, Kinds.RECHARGE, Json.with(base, field, value), field, rule, valid);
    }

    private static Case order(String name, ObjectNode base, String field, Object value, String rule, boolean valid) {
        return new Case(name, Kinds.ORDER, Json.with(base, field, value), field, rule, valid);
    }

    private static Case pay(String name, ObjectNode base, String field, Object value, String rule, boolean valid) {
        return new Case(name, Kinds.ORDER_PAY, Json.with(base, field, value), field, rule, valid);
    }

    private static Case channelCase(String name, ObjectNode base, String field, Object value, String rule, boolean valid) {
        return new Case(name, Kinds.SUB_APP_CHANNEL, Json.with(base, field, value), field, rule, valid);
    }
}
