package org.pingppopenapi.validator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingppopenapi.validator.Fixtures.NOW;
import static org.pingppopenapi.validator.Json.ABSENT;
import static org.pingppopenapi.validator.Json.repeat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The payout rules of issue #15 (transfers, red envelopes, batch transfers, withdrawals, batch withdrawals, recharge
 * refunds), one table per rule with values on both sides of each limit. As in {@link RuleBoundariesTest}, the bounds
 * and the valid bodies are written here from the sources (the Ping++ documents D1, D5, D10, D11, D12 and the SDK
 * examples of {@code whole-api-inventory.md} §4-6, §28-30), not read from the spec, so the spec is held to them. A
 * valid value must give no violation at all; an invalid one a violation of that field and rule.
 */
class PayoutRuleBoundariesTest {

    private static final PingppValidator VALIDATOR = PingppValidator.fromSpec();

    private static final RequestKind TRANSFER = RequestKind.named("transfer");
    private static final RequestKind TRANSFER_CANCEL = RequestKind.named("transfer-cancel");
    private static final RequestKind RED_ENVELOPE = RequestKind.named("red-envelope");
    private static final RequestKind BATCH_TRANSFER = RequestKind.named("batch-transfer");
    private static final RequestKind BATCH_TRANSFER_CANCEL = RequestKind.named("batch-transfer-cancel");
    private static final RequestKind WITHDRAWAL = RequestKind.named("withdrawal");
    private static final RequestKind WITHDRAWAL_UPDATE = RequestKind.named("withdrawal-update");
    private static final RequestKind BATCH_WITHDRAWAL = RequestKind.named("batch-withdrawal");
    private static final RequestKind RECHARGE_REFUND = RequestKind.named("recharge-refund");

    private static final List<String> WECHAT = List.of("wx", "wx_pub", "wx_lite");
    private static final String OPEN_ID = "o9zpMs9jIaLynQY9N6yxcZ";

    record Case(String name, RequestKind kind, JsonNode payload, String field, String rule, boolean valid) {
        @Override
        public String toString() {
            return name;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"transferChannels", "transferOrderNumbers", "transferDescriptions", "transferExtras", "transferCancel",
            "redEnvelopes", "batchTransfers", "batchTransferRecipients", "withdrawals", "withdrawalExtras",
            "withdrawalUpdatesAndBatches", "rechargeRefunds"})
    void boundary(Case c) {
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

    // ---------------------------------------------------------------- transfers (D1, SDK examples)

    /** A valid transfer on {@code channel}, as the Java, PHP and Go examples send it. */
    static ObjectNode transfer(String channel) {
        ObjectNode transfer = Json.object("""
                {"app":{"id":"app_1Gqj58ynP0mHeX1q"},"order_no":"2017011611","amount":100,"type":"b2c","currency":"cny",
                 "description":"Your Description"}""");
        transfer.put("channel", channel);
        switch (channel) {
            case "alipay" -> {
                transfer.put("recipient", "13000000001");
                transfer.set("extra", Json.object("{\"recipient_name\":\"张三\",\"recipient_account_type\":\"ALIPAY_LOGONID\"}"));
            }
            case "unionpay" -> transfer.set("extra", Json.object(
                    "{\"card_number\":\"6220888888888888\",\"user_name\":\"张三\",\"open_bank_code\":\"0103\",\"open_bank\":\"农业银行\"}"));
            case "allinpay" -> {
                transfer.put("order_no", "09900201714845562451");
                transfer.set("extra", Json.object("{\"card_number\":\"6220888888888888\",\"user_name\":\"张三\",\"open_bank_code\":\"0103\"}"));
            }
            case "jdpay" -> transfer.set("extra", Json.object("{\"card_number\":\"6220888888888888\",\"user_name\":\"张三\",\"open_bank_code\":\"0103\"}"));
            case "balance" -> transfer.put("recipient", "user_test_02");
            default -> transfer.put("recipient", OPEN_ID);
        }
        return transfer;
    }

    static Stream<Case> transferChannels() {
        List<Case> cases = new ArrayList<>();
        for (String channel : List.of("wx", "wx_pub", "wx_lite", "alipay", "unionpay", "allinpay", "jdpay", "balance")) {
            cases.add(transferCase(channel + " is a transfer channel", transfer(channel), "channel", channel, null, true));
        }
        for (String channel : List.of("wx_pub_qr", "upacp", "chanpay", "custom")) {
            cases.add(transferCase(channel + " is no transfer channel", transfer("wx_pub"), "channel", channel, "transfer.channel.supported", false));
        }
        ObjectNode base = transfer("alipay");
        cases.add(transferCase("currency cny", base, "currency", "cny", null, true));
        cases.add(transferCase("currency usd", base, "currency", "usd", "transfer.currency.cny", false));
        cases.add(transferCase("amount 99", base, "amount", 99, "transfer.amount.minimum", false));
        cases.add(transferCase("amount 100", base, "amount", 100, null, true));
        for (String channel : List.of("wx", "wx_pub", "wx_lite", "balance")) {
            cases.add(transferCase(channel + " b2c", transfer(channel), "type", "b2c", null, true));
            cases.add(transferCase(channel + " b2b", transfer(channel), "type", "b2b", "transfer.type.b2c_only", false));
            cases.add(transferCase(channel + " without recipient", transfer(channel), "recipient", ABSENT, "transfer.recipient.required", false));
        }
        for (String channel : List.of("alipay", "unionpay", "allinpay", "jdpay")) {
            cases.add(transferCase(channel + " b2b", transfer(channel), "type", "b2b", null, true));
        }
        cases.add(transferCase("alipay without recipient", transfer("alipay"), "recipient", ABSENT, "transfer.recipient.required", false));
        cases.add(transferCase("alipay with an empty recipient", transfer("alipay"), "recipient", "", "transfer.recipient.required", false));
        for (String channel : List.of("unionpay", "allinpay", "jdpay")) {
            cases.add(transferCase(channel + " without recipient (payee in extra)", transfer(channel), "recipient", ABSENT, null, true));
        }
        cases.add(transferCase("type b2x", base, "type", "b2x", "schema.enum", false));
        return cases.stream();
    }

    static Stream<Case> transferOrderNumbers() {
        List<Case> cases = new ArrayList<>();
        for (String channel : WECHAT) {
            ObjectNode base = transfer(channel);
            cases.add(transferCase(channel + " order_no of 32", base, "order_no", repeat("a1", 16), null, true));
            cases.add(transferCase(channel + " order_no of 33", base, "order_no", repeat("1", 33), "transfer.order_no.wechat", false));
            cases.add(transferCase(channel + " order_no with _", base, "order_no", "2017_0116", "transfer.order_no.wechat", false));
        }
        for (String channel : List.of("alipay", "jdpay")) {
            ObjectNode base = transfer(channel);
            cases.add(transferCase(channel + " order_no of 1", base, "order_no", "1", null, true));
            cases.add(transferCase(channel + " order_no of 64", base, "order_no", repeat("Ab", 32), null, true));
            cases.add(transferCase(channel + " order_no of 65", base, "order_no", repeat("1", 65), "schema.maxLength", false));
            cases.add(transferCase(channel + " order_no with -", base, "order_no", "2017-0116", "transfer.order_no.alipay_jdpay", false));
        }
        ObjectNode unionpay = transfer("unionpay");
        cases.add(transferCase("unionpay order_no of 16 digits", unionpay, "order_no", repeat("9", 16), null, true));
        cases.add(transferCase("unionpay order_no of 17 digits", unionpay, "order_no", repeat("9", 17), "transfer.order_no.unionpay", false));
        cases.add(transferCase("unionpay order_no with a letter", unionpay, "order_no", "1701161a", "transfer.order_no.unionpay", false));
        ObjectNode allinpay = transfer("allinpay");
        cases.add(transferCase("allinpay order_no of 19", allinpay, "order_no", repeat("1", 19), "transfer.order_no.allinpay", false));
        cases.add(transferCase("allinpay order_no of 20", allinpay, "order_no", repeat("1", 20), null, true));
        cases.add(transferCase("allinpay order_no of 40", allinpay, "order_no", repeat("1", 40), null, true));
        cases.add(transferCase("allinpay order_no of 41", allinpay, "order_no", repeat("1", 41), "transfer.order_no.allinpay", false));
        cases.add(transferCase("allinpay order_no with _", allinpay, "order_no", "0990020171484556245_", "transfer.order_no.allinpay", false));
        ObjectNode balance = transfer("balance");
        cases.add(transferCase("balance order_no with - and _", balance, "order_no", "2017-0116_0001", null, true));
        cases.add(transferCase("balance order_no of 64", balance, "order_no", repeat("-_", 32), null, true));
        cases.add(transferCase("balance order_no with a space", balance, "order_no", "2017 0116", "transfer.order_no.balance", false));
        cases.add(transferCase("empty order_no", balance, "order_no", "", "schema.minLength", false));
        return cases.stream();
    }

    static Stream<Case> transferDescriptions() {
        List<Case> cases = new ArrayList<>();
        ObjectNode unionpay = transfer("unionpay");
        cases.add(transferCase("unionpay description of 99 CJK", unionpay, "description", repeat("付", 99), null, true));
        cases.add(transferCase("unionpay description of 100", unionpay, "description", repeat("d", 100), "transfer.description.unionpay", false));
        for (String channel : WECHAT) {
            ObjectNode base = transfer(channel);
            cases.add(transferCase(channel + " description of 99 letters", base, "description", repeat("d", 99), null, true));
            cases.add(transferCase(channel + " description of 100 letters", base, "description", repeat("d", 100), "transfer.description.wechat", false));
            cases.add(transferCase(channel + " description of 33 CJK", base, "description", repeat("付", 33), null, true));
            cases.add(transferCase(channel + " description of 34 CJK", base, "description", repeat("付", 34), "transfer.description.wechat", false));
        }
        for (String channel : List.of("alipay", "jdpay")) {
            cases.add(transferCase(channel + " description of 100 CJK", transfer(channel), "description", repeat("付", 100), null, true));
            cases.add(transferCase(channel + " description of 101", transfer(channel), "description", repeat("d", 101), "transfer.description.alipay_jdpay", false));
        }
        ObjectNode allinpay = transfer("allinpay");
        cases.add(transferCase("allinpay description of 30", allinpay, "description", repeat("付", 30), null, true));
        cases.add(transferCase("allinpay description of 31", allinpay, "description", repeat("d", 31), "transfer.description.allinpay", false));
        cases.add(transferCase("balance description of 300 (no limit stated)", transfer("balance"), "description", repeat("d", 300), null, true));
        cases.add(transferCase("no description (optional)", transfer("balance"), "description", ABSENT, null, true));
        return cases.stream();
    }

    static Stream<Case> transferExtras() {
        List<Case> cases = new ArrayList<>();
        ObjectNode alipay = transfer("alipay");
        cases.add(transferCase("alipay without recipient_name", alipay, "extra.recipient_name", ABSENT, "transfer.extra.alipay", false));
        cases.add(transferCase("alipay recipient_name of 50", alipay, "extra.recipient_name", repeat("名", 50), null, true));
        cases.add(transferCase("alipay recipient_name of 51", alipay, "extra.recipient_name", repeat("名", 51), "transfer.extra.alipay", false));
        cases.add(transferCase("alipay account type OTHER", alipay, "extra.recipient_account_type", "OTHER", "transfer.extra.alipay", false));
        ObjectNode userId = Json.with(alipay, "extra.recipient_account_type", "ALIPAY_USERID");
        cases.add(transferCase("alipay user id 2088 and 12 digits", userId, "recipient", "2088102167257412", null, true));
        cases.add(transferCase("alipay user id of 15 digits", userId, "recipient", "208810216725741", "transfer.recipient.alipay_user_id", false));
        cases.add(transferCase("alipay user id of 17 digits", userId, "recipient", "20881021672574120", "transfer.recipient.alipay_user_id", false));
        cases.add(transferCase("alipay user id not starting 2088", userId, "recipient", "3088102167257412", "transfer.recipient.alipay_user_id", false));
        cases.add(transferCase("alipay logon id may be an e-mail", alipay, "recipient", "payee@example.com", null, true));

        ObjectNode unionpay = transfer("unionpay");
        cases.addAll(lengths(TRANSFER, "unionpay", unionpay, "extra.card_number", 1, 32, "transfer.extra.unionpay", true));
        cases.addAll(lengths(TRANSFER, "unionpay", unionpay, "extra.user_name", 1, 100, "transfer.extra.unionpay", true));
        cases.addAll(lengths(TRANSFER, "unionpay", unionpay, "extra.open_bank_code", 4, 4, "transfer.extra.unionpay", false));
        cases.addAll(lengths(TRANSFER, "unionpay", unionpay, "extra.open_bank", 1, 50, "transfer.extra.unionpay", false));
        cases.addAll(lengths(TRANSFER, "unionpay", unionpay, "extra.prov", 1, 20, "transfer.extra.unionpay", false));
        cases.addAll(lengths(TRANSFER, "unionpay", unionpay, "extra.city", 1, 40, "transfer.extra.unionpay", false));
        cases.addAll(lengths(TRANSFER, "unionpay", unionpay, "extra.sub_bank", 1, 80, "transfer.extra.unionpay", false));

        for (String channel : List.of("allinpay", "jdpay")) {
            ObjectNode base = transfer(channel);
            String rule = "transfer.extra." + channel;
            cases.addAll(lengths(TRANSFER, channel, base, "extra.card_number", 1, 32, rule, true));
            cases.addAll(lengths(TRANSFER, channel, base, "extra.user_name", 1, 100, rule, true));
            cases.addAll(lengths(TRANSFER, channel, base, "extra.open_bank_code", 4, 4, rule, true));
        }
        ObjectNode allinpay = transfer("allinpay");
        cases.addAll(lengths(TRANSFER, "allinpay", allinpay, "extra.business_code", 5, 5, "transfer.extra.allinpay", false));
        cases.add(transferCase("allinpay card_type 0", allinpay, "extra.card_type", 0, null, true));
        cases.add(transferCase("allinpay card_type 1", allinpay, "extra.card_type", 1, null, true));
        cases.add(transferCase("allinpay card_type 2", allinpay, "extra.card_type", 2, "transfer.extra.allinpay", false));
        cases.add(transferCase("allinpay card_type \"0\"", allinpay, "extra.card_type", "0", "transfer.extra.allinpay", false));

        for (String channel : WECHAT) {
            ObjectNode base = transfer(channel);
            cases.add(transferCase(channel + " force_check true", base, "extra", Map.of("user_name", "张三", "force_check", true), null, true));
            cases.add(transferCase(channel + " force_check \"true\"", base, "extra.force_check", "true", "transfer.extra.wechat", false));
        }
        cases.add(transferCase("balance with an empty extra", transfer("balance"), "extra", Map.of(), null, true));
        return cases.stream();
    }

    static Stream<Case> transferCancel() {
        ObjectNode cancel = Json.object("{\"status\":\"canceled\"}");
        return Stream.of(
                new Case("transfer cancel", TRANSFER_CANCEL, cancel, "status", null, true),
                new Case("transfer cancel with status paid", TRANSFER_CANCEL, Json.with(cancel, "status", "paid"), "status", "schema.enum", false),
                new Case("transfer cancel without status", TRANSFER_CANCEL, Json.with(cancel, "status", ABSENT), "status", "schema.required", false),
                new Case("batch transfer cancel", BATCH_TRANSFER_CANCEL, cancel, "status", null, true),
                new Case("batch transfer cancel with status pending", BATCH_TRANSFER_CANCEL, Json.with(cancel, "status", "pending"),
                        "status", "schema.enum", false));
    }

    // ---------------------------------------------------------------- red envelopes (D4, D5, D7, H/J examples)

    static Stream<Case> redEnvelopes() {
        List<Case> cases = new ArrayList<>();
        ObjectNode base = Json.object("""
                {"app":{"id":"app_1Gqj58ynP0mHeX1q"},"channel":"wx_pub","order_no":"20170116093012","amount":100,"currency":"cny",
                 "recipient":"o9zpMs9jIaLynQY9N6yxcZ","subject":"Your Subject","body":"Your Body","description":"Your Description",
                 "extra":{"send_name":"Send Name"}}""");
        cases.add(envelope("wx_pub", base, "channel", "wx_pub", null, true));
        cases.add(envelope("wx (the PHP example's new channel)", base, "channel", "wx", null, true));
        cases.add(envelope("wx_lite", base, "channel", "wx_lite", "red_envelope.channel.supported", false));
        cases.add(envelope("currency usd", base, "currency", "usd", "red_envelope.currency.cny", false));
        cases.add(envelope("order_no of 28 digits", base, "order_no", repeat("8", 28), null, true));
        cases.add(envelope("order_no of 29 digits", base, "order_no", repeat("8", 29), "schema.maxLength", false));
        cases.add(envelope("order_no with a letter", base, "order_no", "2017a", "schema.pattern", false));
        for (String[] field : new String[][] {{"subject", "32"}, {"body", "128"}, {"description", "255"}, {"extra.send_name", "32"}}) {
            String path = field[0];
            int bytes = Integer.parseInt(field[1]);
            String rule = "red_envelope." + path + ".bytes";
            int cjk = bytes / 3;
            cases.add(envelope(path + " of " + bytes + " ASCII bytes", base, path, repeat("s", bytes), null, true));
            cases.add(envelope(path + " of " + (cjk * 3 + bytes % 3) + " bytes with CJK", base, path, repeat("红", cjk) + repeat("s", bytes % 3), null, true));
            cases.add(envelope(path + " of " + (bytes + 1) + " bytes with CJK", base, path, repeat("红", cjk) + repeat("s", bytes % 3 + 1), rule, false));
        }
        cases.add(envelope("no description", base, "description", ABSENT, "schema.required", false));
        cases.add(envelope("no extra", base, "extra", ABSENT, "schema.required", false));
        cases.add(envelope("no send_name", base, "extra.send_name", ABSENT, "schema.required", false));
        cases.add(envelope("nick_name (retired) still reads", base, "extra.nick_name", "Nick Name", null, true));
        // WeChat's usual range is 100 to 20000 fen; outside it extra.scene_id is required (D5).
        for (long amount : new long[] {1, 99, 20001, 500000}) {
            String rule = amount < 100 ? "red_envelope.extra.scene_id.below_one_yuan" : "red_envelope.extra.scene_id.above_200_yuan";
            cases.add(envelope("amount " + amount + " without scene_id", Json.with(base, "amount", amount), "extra.scene_id", ABSENT, rule, false));
            cases.add(envelope("amount " + amount + " with scene_id", Json.with(base, "amount", amount), "extra.scene_id", "PRODUCT_4", null, true));
        }
        for (long amount : new long[] {100, 20000}) {
            cases.add(envelope("amount " + amount + " without scene_id", Json.with(base, "amount", amount), "extra.scene_id", ABSENT, null, true));
        }
        for (int scene = 1; scene <= 8; scene++) {
            cases.add(envelope("scene_id PRODUCT_" + scene, base, "extra.scene_id", "PRODUCT_" + scene, null, true));
        }
        cases.add(envelope("scene_id PRODUCT_9", base, "extra.scene_id", "PRODUCT_9", "schema.enum", false));
        cases.add(envelope("amount 0", base, "amount", 0, "schema.minimum", false));
        return cases.stream();
    }

    // ---------------------------------------------------------------- batch transfers (D10, H/J/C examples)

    /** A valid batch transfer on {@code channel} with two recipients, as the PHP and Java examples send it. */
    static ObjectNode batchTransfer(String channel) {
        ObjectNode batch = Json.object("""
                {"app":"app_1Gqj58ynP0mHeX1q","batch_no":"btr58f6c5e1c06a0","amount":8000,"description":"Your Description","type":"b2c"}""");
        batch.put("channel", channel);
        String recipient = switch (channel) {
            case "alipay" -> "{\"account\":\"account01@alipay.com\",\"amount\":4000,\"name\":\"张三\"}";
            case "unionpay" -> "{\"account\":\"6214850266666666\",\"amount\":4000,\"name\":\"张三\",\"open_bank_code\":\"0308\"}";
            case "allinpay", "jdpay" -> "{\"account\":\"6228480402564890011\",\"amount\":4000,\"name\":\"张三\",\"open_bank_code\":\"0308\"}";
            case "balance" -> "{\"user\":\"user_test_01\",\"amount\":4000}";
            default -> "{\"open_id\":\"" + OPEN_ID + "\",\"amount\":4000}";
        };
        batch.set("recipients", Json.MAPPER.createArrayNode().add(Json.object(recipient)).add(Json.object(recipient)));
        return batch;
    }

    static Stream<Case> batchTransfers() {
        List<Case> cases = new ArrayList<>();
        for (String channel : List.of("alipay", "unionpay", "wx", "wx_pub", "wx_lite", "allinpay", "jdpay", "balance")) {
            cases.add(batch(channel + " is a batch transfer channel", batchTransfer(channel), "channel", channel, null, true));
        }
        ObjectNode base = batchTransfer("alipay");
        cases.add(batch("channel upacp", base, "channel", "upacp", "batch_transfer.channel.supported", false));
        cases.add(batch("without any recipient", base, "recipients", List.of(), "schema.minItems", false));
        cases.add(batch("currency cny", base, "currency", "cny", null, true));
        cases.add(batch("currency usd", base, "currency", "usd", "batch_transfer.currency.cny", false));
        cases.add(batch("alipay b2b (the document allows it)", base, "type", "b2b", null, true));
        for (String channel : List.of("wx", "wx_pub", "wx_lite", "balance")) {
            cases.add(batch(channel + " b2b", batchTransfer(channel), "type", "b2b", "batch_transfer.type.b2c_only", false));
        }
        cases.add(batch("description of 200 bytes", base, "description", repeat("批", 66) + "ab", null, true));
        cases.add(batch("description of 201 bytes", base, "description", repeat("批", 67), "batch_transfer.description.bytes", false));
        cases.add(batch("batch_no of 10", base, "batch_no", repeat("b", 10), "schema.minLength", false));
        cases.add(batch("batch_no of 11", base, "batch_no", repeat("b", 11), null, true));
        cases.add(batch("batch_no of 32", base, "batch_no", repeat("b1", 16), null, true));
        cases.add(batch("batch_no of 33", base, "batch_no", repeat("b", 33), "schema.maxLength", false));
        cases.add(batch("batch_no with -", base, "batch_no", "btr-2017011601", "schema.pattern", false));
        cases.add(batch("no recipients", base, "recipients", ABSENT, "schema.required", false));
        cases.add(batch("recipient without amount", base, "recipients[0].amount", ABSENT, "schema.required", false));
        cases.add(batch("recipient amount 0", base, "recipients[0].amount", 0, "schema.minimum", false));
        return cases.stream();
    }

    static Stream<Case> batchTransferRecipients() {
        List<Case> cases = new ArrayList<>();
        // Every rule covers every recipient: the second one is checked as well as the first.
        ObjectNode alipay = batchTransfer("alipay");
        String rule = "batch_transfer.recipients.alipay";
        cases.add(batch("alipay recipient without account", alipay, "recipients[1].account", ABSENT, rule, false));
        cases.addAll(lengths(BATCH_TRANSFER, "alipay", alipay, "recipients[1].name", 1, 50, rule, false));
        cases.add(batch("alipay recipient description of 200 bytes", alipay, "recipients[0].description", repeat("批", 66) + "ab", null, true));
        cases.add(batch("alipay recipient description of 201 bytes", alipay, "recipients[0].description", repeat("批", 67), rule, false));
        cases.add(batch("alipay recipient order_no of 64", alipay, "recipients[0].order_no", repeat("a1", 32), null, true));
        cases.add(batch("alipay recipient order_no of 65", alipay, "recipients[0].order_no", repeat("1", 65), "schema.maxLength", false));
        cases.add(batch("alipay recipient order_no with -", alipay, "recipients[0].order_no", "2017-01", rule, false));
        cases.add(batch("alipay recipient account_type ALIPAY_USERID", alipay, "recipients[0].account_type", "ALIPAY_USERID", null, true));
        cases.add(batch("alipay recipient account_type OTHER", alipay, "recipients[0].account_type", "OTHER", "schema.enum", false));

        ObjectNode unionpay = batchTransfer("unionpay");
        rule = "batch_transfer.recipients.unionpay";
        cases.addAll(lengths(BATCH_TRANSFER, "unionpay", unionpay, "recipients[1].account", 1, 32, rule, true));
        cases.addAll(lengths(BATCH_TRANSFER, "unionpay", unionpay, "recipients[1].name", 1, 100, rule, true));
        cases.addAll(lengths(BATCH_TRANSFER, "unionpay", unionpay, "recipients[0].open_bank_code", 4, 4, rule, false));
        cases.addAll(lengths(BATCH_TRANSFER, "unionpay", unionpay, "recipients[0].open_bank", 1, 50, rule, false));
        cases.add(batch("unionpay recipient description of 200 bytes", unionpay, "recipients[0].description", repeat("批", 66) + "ab", null, true));
        cases.add(batch("unionpay recipient description of 201 bytes", unionpay, "recipients[0].description", repeat("批", 67), rule, false));
        cases.add(batch("unionpay recipient order_no of 16 digits", unionpay, "recipients[0].order_no", repeat("1", 16), null, true));
        cases.add(batch("unionpay recipient order_no of 17 digits", unionpay, "recipients[0].order_no", repeat("1", 17), rule, false));
        cases.add(batch("unionpay recipient order_no with a letter", unionpay, "recipients[0].order_no", "1701a", rule, false));

        for (String channel : WECHAT) {
            ObjectNode wechat = batchTransfer(channel);
            rule = "batch_transfer.recipients.wechat";
            cases.add(batch(channel + " recipient without open_id", wechat, "recipients[1].open_id", ABSENT, rule, false));
            cases.add(batch(channel + " recipient description of 33 CJK", wechat, "recipients[0].description", repeat("批", 33), null, true));
            cases.add(batch(channel + " recipient description of 100 letters", wechat, "recipients[0].description", repeat("d", 100), rule, false));
            cases.add(batch(channel + " recipient order_no of 32", wechat, "recipients[0].order_no", repeat("1", 32), null, true));
            cases.add(batch(channel + " recipient order_no of 33", wechat, "recipients[0].order_no", repeat("1", 33), rule, false));
            cases.add(batch(channel + " recipient with name and force_check", wechat, "recipients[0]",
                    Map.of("open_id", OPEN_ID, "amount", 4000, "name", "张三", "force_check", true), null, true));
        }

        ObjectNode allinpay = batchTransfer("allinpay");
        rule = "batch_transfer.recipients.allinpay";
        for (String field : List.of("account", "name")) {
            cases.add(batch("allinpay recipient without " + field, allinpay, "recipients[1]." + field, ABSENT, rule, false));
        }
        cases.addAll(lengths(BATCH_TRANSFER, "allinpay", allinpay, "recipients[1].open_bank_code", 4, 4, rule, true));
        cases.addAll(lengths(BATCH_TRANSFER, "allinpay", allinpay, "recipients[0].business_code", 5, 5, rule, false));
        cases.add(batch("allinpay recipient description of 30", allinpay, "recipients[0].description", repeat("批", 30), null, true));
        cases.add(batch("allinpay recipient description of 31", allinpay, "recipients[0].description", repeat("d", 31), rule, false));
        cases.add(batch("allinpay recipient order_no of 19", allinpay, "recipients[0].order_no", repeat("1", 19), rule, false));
        cases.add(batch("allinpay recipient order_no of 20", allinpay, "recipients[0].order_no", repeat("1", 20), null, true));
        cases.add(batch("allinpay recipient order_no of 40", allinpay, "recipients[0].order_no", repeat("1", 40), null, true));
        cases.add(batch("allinpay recipient order_no of 41", allinpay, "recipients[0].order_no", repeat("1", 41), rule, false));
        cases.add(batch("allinpay recipient card_type 1", allinpay, "recipients[0].card_type", 1, null, true));
        cases.add(batch("allinpay recipient card_type 2", allinpay, "recipients[0].card_type", 2, "schema.maximum", false));
        cases.add(batch("allinpay recipient card_type -1", allinpay, "recipients[0].card_type", -1, "schema.minimum", false));

        ObjectNode jdpay = batchTransfer("jdpay");
        rule = "batch_transfer.recipients.jdpay";
        cases.addAll(lengths(BATCH_TRANSFER, "jdpay", jdpay, "recipients[1].account", 1, 32, rule, true));
        cases.addAll(lengths(BATCH_TRANSFER, "jdpay", jdpay, "recipients[1].name", 1, 100, rule, true));
        cases.addAll(lengths(BATCH_TRANSFER, "jdpay", jdpay, "recipients[1].open_bank_code", 4, 4, rule, true));
        cases.add(batch("jdpay recipient description of 100", jdpay, "recipients[0].description", repeat("批", 100), null, true));
        cases.add(batch("jdpay recipient description of 101", jdpay, "recipients[0].description", repeat("d", 101), rule, false));
        cases.add(batch("jdpay recipient order_no with _", jdpay, "recipients[0].order_no", "2017_01", rule, false));

        ObjectNode balance = batchTransfer("balance");
        rule = "batch_transfer.recipients.balance";
        cases.add(batch("balance recipient without user", balance, "recipients[1].user", ABSENT, rule, false));
        cases.add(batch("balance recipient description of 100", balance, "recipients[0].description", repeat("批", 100), null, true));
        cases.add(batch("balance recipient description of 101", balance, "recipients[0].description", repeat("d", 101), rule, false));
        cases.add(batch("balance recipient order_no 88888888", balance, "recipients[0].order_no", "88888888", null, true));
        cases.add(batch("balance recipient order_no with -", balance, "recipients[0].order_no", "8888-8888", rule, false));
        return cases.stream();
    }

    // ---------------------------------------------------------------- withdrawals (D11, D12, D18, SDK examples)

    /** A valid withdrawal on {@code channel}, as the PHP, Go and Java examples send it. */
    static ObjectNode withdrawal(String channel) {
        ObjectNode withdrawal = Json.object("{\"user\":\"user_001\",\"amount\":20000,\"user_fee\":50,\"order_no\":\"2016082913\"}");
        withdrawal.put("channel", channel);
        String extra = switch (channel) {
            case "alipay" -> "{\"account\":\"user@example.com\",\"name\":\"张三\",\"account_type\":\"ALIPAY_LOGONID\"}";
            case "unionpay" -> "{\"account\":\"6225210207078888\",\"name\":\"张三\",\"open_bank_code\":\"0308\",\"prov\":\"上海\",\"city\":\"上海\"}";
            case "allinpay", "jdpay" -> "{\"account\":\"6214850288888888\",\"name\":\"张三\",\"open_bank_code\":\"0308\"}";
            case "custom" -> null;
            default -> "{\"open_id\":\"wxopenid\",\"name\":\"张三\",\"force_check\":false}";
        };
        if (extra != null) {
            withdrawal.set("extra", Json.object(extra));
        }
        if (channel.equals("allinpay")) {
            withdrawal.put("order_no", "0990012345" + "2017011609");
        }
        return withdrawal;
    }

    static Stream<Case> withdrawals() {
        List<Case> cases = new ArrayList<>();
        for (String channel : List.of("wx", "wx_pub", "wx_lite", "alipay", "unionpay", "allinpay", "jdpay", "custom")) {
            cases.add(withdrawalCase(channel + " is a withdrawal channel", withdrawal(channel), "channel", channel, null, true));
        }
        for (String channel : List.of("balance", "upacp")) {
            cases.add(withdrawalCase(channel + " is no withdrawal channel", withdrawal("custom"), "channel", channel, "withdrawal.channel.supported", false));
        }
        ObjectNode settleAccount = Json.with(Json.with(withdrawal("custom"), "channel", ABSENT), "settle_account", "320217022818035400000601");
        cases.add(withdrawalCase("a settle account instead of channel and extra", settleAccount, "settle_account", "320217022818035400000601", null, true));
        ObjectNode base = withdrawal("unionpay");
        cases.add(withdrawalCase("user_fee equal to amount", base, "user_fee", 20000, null, true));
        cases.add(withdrawalCase("user_fee above amount", base, "user_fee", 20001, "withdrawal.user_fee.at_most_amount", false));
        cases.add(withdrawalCase("user_fee -1", base, "user_fee", -1, "schema.minimum", false));
        cases.add(withdrawalCase("no user_fee (0 by default)", base, "user_fee", ABSENT, null, true));
        cases.add(withdrawalCase("description of 60", base, "description", repeat("提", 60), null, true));
        cases.add(withdrawalCase("description of 61", base, "description", repeat("d", 61), "schema.maxLength", false));
        cases.add(withdrawalCase("no user", base, "user", ABSENT, "schema.required", false));
        cases.add(withdrawalCase("amount 0", base, "amount", 0, "schema.minimum", false));

        cases.add(withdrawalCase("unionpay order_no of 16 digits", base, "order_no", repeat("1", 16), null, true));
        cases.add(withdrawalCase("unionpay order_no of 17 digits", base, "order_no", repeat("1", 17), "withdrawal.order_no.unionpay", false));
        cases.add(withdrawalCase("unionpay order_no with a letter", base, "order_no", "2016a", "withdrawal.order_no.unionpay", false));
        for (String channel : List.of("alipay", "jdpay")) {
            cases.add(withdrawalCase(channel + " order_no of 64", withdrawal(channel), "order_no", repeat("a1", 32), null, true));
            cases.add(withdrawalCase(channel + " order_no of 65", withdrawal(channel), "order_no", repeat("1", 65), "schema.maxLength", false));
            cases.add(withdrawalCase(channel + " order_no with -", withdrawal(channel), "order_no", "2016-08", "withdrawal.order_no.alipay_jdpay", false));
        }
        ObjectNode allinpay = withdrawal("allinpay");
        String merchant = "0990012345";
        cases.add(withdrawalCase("allinpay merchant number + 10", allinpay, "order_no", merchant + repeat("a", 10), null, true));
        cases.add(withdrawalCase("allinpay merchant number + 9", allinpay, "order_no", merchant + repeat("a", 9), "withdrawal.order_no.allinpay", false));
        cases.add(withdrawalCase("allinpay merchant number + 30", allinpay, "order_no", merchant + repeat("a", 30), null, true));
        cases.add(withdrawalCase("allinpay merchant number + 31", allinpay, "order_no", merchant + repeat("a", 31), "withdrawal.order_no.allinpay", false));
        cases.add(withdrawalCase("allinpay merchant number with a letter", allinpay, "order_no", "099001234a" + repeat("1", 10), "withdrawal.order_no.allinpay", false));
        for (String channel : WECHAT) {
            cases.add(withdrawalCase(channel + " order_no of 32", withdrawal(channel), "order_no", repeat("1", 32), null, true));
            cases.add(withdrawalCase(channel + " order_no of 33", withdrawal(channel), "order_no", repeat("1", 33), "withdrawal.order_no.wechat", false));
            cases.add(withdrawalCase(channel + " order_no with _", withdrawal(channel), "order_no", "2016_08", "withdrawal.order_no.wechat", false));
        }
        cases.add(withdrawalCase("custom order_no with - (no channel rule)", withdrawal("custom"), "order_no", "custom-2017-01", null, true));
        return cases.stream();
    }

    static Stream<Case> withdrawalExtras() {
        List<Case> cases = new ArrayList<>();
        ObjectNode alipay = withdrawal("alipay");
        for (String field : List.of("account", "name")) {
            cases.add(withdrawalCase("alipay without extra." + field, alipay, "extra." + field, ABSENT, "withdrawal.extra.alipay", false));
            cases.add(withdrawalCase("alipay with an empty extra." + field, alipay, "extra." + field, "", "withdrawal.extra.alipay", false));
        }
        cases.add(withdrawalCase("alipay account_type ALIPAY_USERID", alipay, "extra.account_type", "ALIPAY_USERID", null, true));
        cases.add(withdrawalCase("alipay account_type OTHER", alipay, "extra.account_type", "OTHER", "withdrawal.extra.alipay", false));
        ObjectNode unionpay = withdrawal("unionpay");
        for (String field : List.of("account", "name")) {
            cases.add(withdrawalCase("unionpay without extra." + field, unionpay, "extra." + field, ABSENT, "withdrawal.extra.unionpay", false));
        }
        cases.add(withdrawalCase("unionpay with open_bank instead of open_bank_code", unionpay, "extra",
                Map.of("account", "6225210207078888", "name", "张三", "open_bank", "招商银行"), null, true));
        for (String channel : List.of("allinpay", "jdpay")) {
            for (String field : List.of("account", "name", "open_bank_code")) {
                cases.add(withdrawalCase(channel + " without extra." + field, withdrawal(channel), "extra." + field, ABSENT,
                        "withdrawal.extra.allinpay_jdpay", false));
            }
        }
        ObjectNode allinpay = withdrawal("allinpay");
        cases.add(withdrawalCase("allinpay card_type 1", allinpay, "extra.card_type", 1, null, true));
        cases.add(withdrawalCase("allinpay card_type 2", allinpay, "extra.card_type", 2, "withdrawal.extra.allinpay_card_type", false));
        for (String channel : WECHAT) {
            ObjectNode wechat = withdrawal(channel);
            cases.add(withdrawalCase(channel + " without extra.open_id", wechat, "extra.open_id", ABSENT, "withdrawal.extra.wechat", false));
            cases.add(withdrawalCase(channel + " without extra.name", wechat, "extra.name", ABSENT, null, true));
            cases.add(withdrawalCase(channel + " force_check \"false\"", wechat, "extra.force_check", "false", "withdrawal.extra.wechat", false));
        }
        return cases.stream();
    }

    static Stream<Case> withdrawalUpdatesAndBatches() {
        ObjectNode update = Json.object("{\"status\":\"pending\"}");
        ObjectNode batch = Json.object("{\"withdrawals\":[\"1701611150302360654\",\"1701611151015078981\"],\"status\":\"pending\"}");
        return Stream.of(
                new Case("withdrawal confirm", WITHDRAWAL_UPDATE, update, "status", null, true),
                new Case("withdrawal cancel", WITHDRAWAL_UPDATE, Json.with(update, "status", "canceled"), "status", null, true),
                new Case("withdrawal update to succeeded", WITHDRAWAL_UPDATE, Json.with(update, "status", "succeeded"), "status", "schema.enum", false),
                new Case("withdrawal update without status", WITHDRAWAL_UPDATE, Json.with(update, "status", ABSENT), "status", "schema.required", false),
                new Case("batch confirm", BATCH_WITHDRAWAL, batch, "status", null, true),
                new Case("batch cancel", BATCH_WITHDRAWAL, Json.with(batch, "status", "canceled"), "status", null, true),
                new Case("batch without status (confirm by default)", BATCH_WITHDRAWAL, Json.with(batch, "status", ABSENT), "status", null, true),
                new Case("batch with status created", BATCH_WITHDRAWAL, Json.with(batch, "status", "created"), "status", "schema.enum", false),
                new Case("batch without withdrawals", BATCH_WITHDRAWAL, Json.with(batch, "withdrawals", ABSENT), "withdrawals", "schema.required", false),
                new Case("batch of no withdrawal", BATCH_WITHDRAWAL, Json.with(batch, "withdrawals", List.of()), "withdrawals", "schema.minItems", false),
                new Case("batch of 1 withdrawal", BATCH_WITHDRAWAL, Json.with(batch, "withdrawals", withdrawalIds(1)), "withdrawals", null, true),
                new Case("batch of 200 withdrawals", BATCH_WITHDRAWAL, Json.with(batch, "withdrawals", withdrawalIds(200)), "withdrawals", null, true),
                new Case("batch of 201 withdrawals", BATCH_WITHDRAWAL, Json.with(batch, "withdrawals", withdrawalIds(201)), "withdrawals",
                        "schema.maxItems", false),
                new Case("batch with an empty withdrawal id", BATCH_WITHDRAWAL, Json.with(batch, "withdrawals[1]", ""), "withdrawals[1]",
                        "schema.minLength", false));
    }

    static Stream<Case> rechargeRefunds() {
        ObjectNode refund = Json.object("{\"description\":\"Recharge Refund Description\"}");
        return Stream.of(
                new Case("recharge refund", RECHARGE_REFUND, refund, "description", null, true),
                new Case("recharge refund without description", RECHARGE_REFUND, Json.with(refund, "description", ABSENT), "description",
                        "schema.required", false),
                new Case("recharge refund with an empty description", RECHARGE_REFUND, Json.with(refund, "description", ""), "description",
                        "schema.minLength", false),
                new Case("recharge refund funding_source (open)", RECHARGE_REFUND, Json.with(refund, "funding_source", "unsettled_funds"),
                        "funding_source", null, true));
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Both sides of a length limit of one field: {@code min - 1} (when above 0) and {@code max + 1} break the rule,
     * {@code min} and {@code max} do not; when the field is {@code required} by the rule, leaving it out breaks it too.
     */
    private static List<Case> lengths(RequestKind kind, String label, ObjectNode base, String field, int min, int max, String rule, boolean required) {
        List<Case> cases = new ArrayList<>();
        if (min > 1) {
            cases.add(new Case(label + " " + field + " of " + (min - 1), kind, Json.with(base, field, repeat("1", min - 1)), field, rule, false));
        }
        cases.add(new Case(label + " " + field + " of " + min, kind, Json.with(base, field, repeat("1", min)), field, null, true));
        cases.add(new Case(label + " " + field + " of " + max, kind, Json.with(base, field, repeat("1", max)), field, null, true));
        cases.add(new Case(label + " " + field + " of " + (max + 1), kind, Json.with(base, field, repeat("1", max + 1)), field, rule, false));
        cases.add(new Case(label + " without " + field, kind, Json.with(base, field, ABSENT), field, required ? rule : null, !required));
        return cases;
    }

    private static Case transferCase(String name, ObjectNode base, String field, Object value, String rule, boolean valid) {
        return new Case(name, TRANSFER, Json.with(base, field, value), field, rule, valid);
    }

    private static Case envelope(String name, ObjectNode base, String field, Object value, String rule, boolean valid) {
        return new Case("red envelope " + name, RED_ENVELOPE, Json.with(base, field, value), field, rule, valid);
    }

    /** {@code count} distinct withdrawal ids (19 digits, as the documents' ids). */
    private static List<String> withdrawalIds(int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> String.format("17016111503%08d", i)).toList();
    }

    private static Case batch(String name, ObjectNode base, String field, Object value, String rule, boolean valid) {
        return new Case("batch transfer " + name, BATCH_TRANSFER, Json.with(base, field, value), field, rule, valid);
    }

    private static Case withdrawalCase(String name, ObjectNode base, String field, Object value, String rule, boolean valid) {
        return new Case("withdrawal " + name, WITHDRAWAL, Json.with(base, field, value), field, rule, valid);
    }
}
