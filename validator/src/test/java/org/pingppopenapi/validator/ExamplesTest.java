package org.pingppopenapi.validator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every request example of the spec and of the seed documents is valid. */
class ExamplesTest {

    private static final PingppValidator VALIDATOR = PingppValidator.fromSpec();

    /** The creation time for examples that say none; they have no {@code time_expire} for it to matter to. */
    private static final Instant DEFAULT_NOW = Instant.ofEpochSecond(Fixtures.NOW);

    @TestFactory
    Stream<DynamicTest> everyRequestExampleOfTheSpecIsValid() {
        List<DynamicTest> tests = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = SpecDocument.TREE.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields();
            while (operations.hasNext()) {
                Map.Entry<String, JsonNode> operation = operations.next();
                JsonNode media = operation.getValue().path("requestBody").path("content").path("application/json");
                if (media.isMissingNode()) {
                    continue;
                }
                String schemaName = media.path("schema").path("$ref").asText().replace("#/components/schemas/", "");
                RequestKind kind = SpecDocument.kindOf(schemaName);
                Iterator<Map.Entry<String, JsonNode>> examples = media.path("examples").fields();
                while (examples.hasNext()) {
                    Map.Entry<String, JsonNode> example = examples.next();
                    JsonNode resolved = SpecDocument.resolve(example.getValue());
                    Instant now = resolved.has("x-pingpp-created") ? Instant.ofEpochSecond(resolved.get("x-pingpp-created").asLong()) : DEFAULT_NOW;
                    String name = operation.getKey().toUpperCase() + " " + path.getKey() + " example " + example.getKey();
                    tests.add(dynamicTest(name, () -> assertThat(VALIDATOR.validate(kind, resolved.get("value"), now)).isEmpty()));
                }
            }
        }
        assertThat(tests).as("request examples in the spec").hasSizeGreaterThanOrEqualTo(10);
        return tests.stream();
    }

    /**
     * The request bodies of the seed documents, as they stand, corrected only where the spec's example of the same
     * request says the document is wrong.
     */
    @TestFactory
    Stream<DynamicTest> everyRequestExampleOfTheSeedsIsValid() {
        List<SeedExample> seeds = new ArrayList<>();

        // 001, the curl example's form fields as JSON (the form's numbers as JSON numbers; spec info "Amounts ...").
        seeds.add(new SeedExample("001 curl", Kinds.CHARGE, """
                {"order_no":"123456789","amount":100,"app":{"id":"app_1Gqj58ynP0mHeX1q"},"channel":"upacp","currency":"cny",
                 "client_ip":"127.0.0.1","subject":"Your Subject","body":"Your Body"}""", DEFAULT_NOW));
        // 001, the Python example (a 10-digit order number) and the C# one (an empty extra).
        seeds.add(new SeedExample("001 python", Kinds.CHARGE, """
                {"order_no":"1234567890","amount":100,"app":{"id":"app_1Gqj58ynP0mHeX1q"},"channel":"upacp","currency":"cny",
                 "client_ip":"127.0.0.1","subject":"Your Subject","body":"Your Body"}""", DEFAULT_NOW));
        seeds.add(new SeedExample("001 C#", Kinds.CHARGE, """
                {"amount":100,"currency":"cny","subject":"Your Subject","body":"Your Body","order_no":"123456789","channel":"upacp",
                 "client_ip":"127.0.0.1","app":{"id":"app_1Gqj58ynP0mHeX1q"},"extra":{}}""", DEFAULT_NOW));

        // 002, sub-apps.
        seeds.add(new SeedExample("002 create sub-app", Kinds.SUB_APP, """
                {"display_name":"sub_app_display_name","user":"test_user_031","metadata":{"a":"b","c":"d"},
                 "description":"Your description","parent_app":"app_rDyHSCy14aL8m9ev"}""", DEFAULT_NOW));
        seeds.add(new SeedExample("002 update sub-app", Kinds.SUB_APP_UPDATE, """
                {"display_name":"sub_app_name2","metadata":{"key":"value"},"description":"Your description"}""", DEFAULT_NOW));
        for (String[] channel : new String[][] {{"isv_wap_cil", "description for channel isv_wap_cil"},
                {"isv_scan_cil", "description for channel qpay"}, {"isv_qr_cil", "description for channel isv_qr_cil"}}) {
            seeds.add(new SeedExample("002 create sub-app channel " + channel[0], Kinds.SUB_APP_CHANNEL, """
                    {"channel":"%s","banned":false,"banned_msg":null,"description":"%s",
                     "params":{"fee_rate":16,"mer_id":"288880088880008","inst_id":"98888888","key":"eae4c4426b73e26e48dacf0fd6e9a9e1","support_refund":true}}"""
                    .formatted(channel[0], channel[1]), DEFAULT_NOW));
        }

        // 002, orders. Corrected as the spec's OrderCreateRequest example says: amount and time_expire as integers,
        // a merchant_order_no of 15 characters; created 1472228865 (x-pingpp-created there).
        ObjectNode order = Json.object("""
                {"app":"app_1Gqj58ynP0mHeX1q","uid":"user_002","merchant_order_no":"88888888888","coupon":"300316082514255200000900",
                 "amount":"30","client_ip":"127.0.0.1","currency":"cny","subject":"test1","body":"test1body1",
                 "description":"test1-description","time_expire":"1472282548"}""");
        order.put("amount", 30);
        order.put("time_expire", 1472282548L);
        order.put("merchant_order_no", "888888888880001");
        seeds.add(new SeedExample("002 create order (corrected)", Kinds.ORDER, order.toString(), Instant.ofEpochSecond(1472228865)));
        seeds.add(new SeedExample("002 pay order", Kinds.ORDER_PAY, "{\"charge_amount\":0,\"balance_amount\":10}", DEFAULT_NOW));
        seeds.add(new SeedExample("002 cancel order", Kinds.ORDER_CANCEL, "{\"status\":\"canceled\"}", DEFAULT_NOW));
        seeds.add(new SeedExample("002 refund order", Kinds.ORDER_REFUND, "{\"description\":\"test-refund\"}", DEFAULT_NOW));
        // 002, the goods_list upload format inside an isv_scan charge; numbers as integers, as GoodsList's description says.
        ObjectNode isvScan = Fixtures.charge("isv_scan");
        ObjectNode extra = (ObjectNode) isvScan.get("extra");
        extra.set("goods_list", Json.object("""
                {"g":[{"goods_id":"iphone6s16G","unified_goods_id":"1001","goods_name":"iPhone6s 16G","goods_num":1,"price":528800,
                "goods_category":"123456","body":"苹果手机16G","show_url":"https://www.example.com"},{"goods_id":"iphone6s32G",
                "unified_goods_id":"1002","goods_name":"iPhone6s 32G","goods_num":1,"price":608800,"goods_category":"123789",
                "body":"苹果手机32G","show_url":"https://www.example.com"}]}""").get("g"));
        seeds.add(new SeedExample("002 goods_list in an isv_scan charge", Kinds.CHARGE, isvScan.toString(), DEFAULT_NOW));

        // 003, corrected as the spec's RechargeCreateRequest example says: time_expire within UnionPay's hour, no stray
        // top-level client_ip; created 1496740128 (the recharge the example returns).
        ObjectNode recharge = Json.object("""
                {"user":"test_user_02","user_fee":100,"from_user":"test_user_01","charge":{"amount":1000,"channel":"upacp",
                 "time_expire":1496826528,"order_no":"20161000167","subject":"测试订单007测试订单007&","body":"订单内容007",
                 "client_ip":"127.0.0.1","extra":{}},"client_ip":"127.0.0.1","description":"Your description"}""");
        ((ObjectNode) recharge.get("charge")).put("time_expire", 1496741928L);
        recharge.remove("client_ip");
        seeds.add(new SeedExample("003 create recharge (corrected)", Kinds.RECHARGE, recharge.toString(), Instant.ofEpochSecond(1496740128)));

        return seeds.stream().map(seed -> dynamicTest(seed.name(),
                () -> assertThat(VALIDATOR.validate(seed.kind(), Json.object(seed.json()), seed.now())).isEmpty()));
    }

    /** The seeds as they stand break exactly the rules the spec's corrections name. */
    @TestFactory
    Stream<DynamicTest> uncorrectedSeedsBreakWhatTheSpecSays() {
        ObjectNode order = Json.object("""
                {"app":"app_1Gqj58ynP0mHeX1q","uid":"user_002","merchant_order_no":"88888888888","coupon":"300316082514255200000900",
                 "amount":"30","client_ip":"127.0.0.1","currency":"cny","subject":"test1","body":"test1body1",
                 "description":"test1-description","time_expire":"1472282548"}""");
        ObjectNode recharge = Json.object("""
                {"user":"test_user_02","user_fee":100,"from_user":"test_user_01","charge":{"amount":1000,"channel":"upacp",
                 "time_expire":1496826528,"order_no":"20161000167","subject":"测试订单007测试订单007&","body":"订单内容007",
                 "client_ip":"127.0.0.1","extra":{}},"client_ip":"127.0.0.1","description":"Your description"}""");
        return Stream.of(
                dynamicTest("002 order: string numbers and an 11-character merchant_order_no", () -> assertThat(
                        VALIDATOR.validate(Kinds.ORDER, order, Instant.ofEpochSecond(1472228865))).extracting(Violation::field, Violation::rule)
                        .contains(org.assertj.core.groups.Tuple.tuple("amount", "schema.type"),
                                org.assertj.core.groups.Tuple.tuple("time_expire", "schema.type"),
                                org.assertj.core.groups.Tuple.tuple("merchant_order_no", "schema.minLength"))),
                dynamicTest("003 recharge: a day's time_expire on UnionPay", () -> assertThat(
                        VALIDATOR.validate(Kinds.RECHARGE, recharge, Instant.ofEpochSecond(1496740128))).extracting(Violation::field, Violation::rule)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("charge.time_expire", "recharge.charge.time_expire.unionpay"))));
    }

    private record SeedExample(String name, RequestKind kind, String json, Instant now) {
    }
}
