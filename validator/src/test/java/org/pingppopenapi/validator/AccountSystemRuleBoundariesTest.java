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
 * The account system's request rules (users, coupons, coupon templates, settle accounts, balance bonuses and
 * transfers, depository documents and contacts), both sides of each limit, as {@link RuleBoundariesTest} does for
 * the seed operations. The valid bodies are the spec's request examples; the bounds are written here from the
 * SDKs and the documents (cited at each table), not read from the spec, so the spec is held to them.
 */
class AccountSystemRuleBoundariesTest {

    private static final RequestKind USER = RequestKind.named("user");
    private static final RequestKind USER_UPDATE = RequestKind.named("user-update");
    private static final RequestKind USER_PIC = RequestKind.named("user-pic-upload");
    private static final RequestKind SUB_APP_CONTACT = RequestKind.named("sub-app-contact");
    private static final RequestKind COUPON_TEMPLATE = RequestKind.named("coupon-template");
    private static final RequestKind COUPON_TEMPLATE_COUPONS = RequestKind.named("coupon-template-coupons");
    private static final RequestKind COUPON = RequestKind.named("coupon");
    private static final RequestKind SETTLE_ACCOUNT = RequestKind.named("settle-account");
    private static final RequestKind SETTLE_ACCOUNT_UPDATE = RequestKind.named("settle-account-update");
    private static final RequestKind SETTLE_ACCOUNT_MOBILE = RequestKind.named("settle-account-mobile-update");
    private static final RequestKind SETTLE_ACCOUNT_VERIFY = RequestKind.named("settle-account-verify");
    private static final RequestKind BALANCE_BONUS = RequestKind.named("balance-bonus");
    private static final RequestKind BALANCE_TRANSFER = RequestKind.named("balance-transfer");

    @ParameterizedTest(name = "{0}")
    @MethodSource({"users", "userUpdates", "depository", "couponTemplates", "coupons", "settleAccounts",
            "settleAccountChanges", "balanceBonuses", "balanceTransfers"})
    void boundary(Case c) {
        RuleBoundariesTest.assertBoundary(c);
    }

    // ---------------------------------------------------------------- users (docs "创建 user 对象"; J UserTest)

    static Stream<Case> users() {
        List<Case> cases = new ArrayList<>();
        ObjectNode base = Fixtures.valid(USER);
        // "用户 ID ,64 位以内"; first character a letter, a digit or _ (docs), also - and @ (J: "首字母必须是英文数字或者 _-@").
        cases.add(of("user id of 64", USER, base, "id", repeat("u", 64), null, true));
        cases.add(of("user id of 65", USER, base, "id", repeat("u", 65), "schema.maxLength", false));
        cases.add(of("user id empty", USER, base, "id", "", "schema.minLength", false));
        cases.add(of("no user id", USER, base, "id", ABSENT, "schema.required", false));
        for (String first : List.of("a", "Z", "0", "_", "-", "@")) {
            cases.add(of("user id starting with " + first, USER, base, "id", first + "user.01@x", null, true));
        }
        for (String first : List.of(".", " ", "#", "用")) {
            cases.add(of("user id starting with '" + first + "'", USER, base, "id", first + "user", "schema.pattern", false));
        }
        cases.add(of("user id with a Chinese character after the first", USER, base, "id", "u用户", null, true));
        cases.add(of("user id with a tab", USER, base, "id", "u\tser", "schema.pattern", false));
        cases.add(of("parent_user_id of 64", USER, base, "parent_user_id", repeat("p", 64), null, true));
        cases.add(of("parent_user_id of 65", USER, base, "parent_user_id", repeat("p", 65), "schema.maxLength", false));
        cases.add(of("gender MALE", USER, base, "gender", "MALE", null, true));
        cases.add(of("gender FEMALE", USER, base, "gender", "FEMALE", null, true));
        cases.add(of("gender male", USER, base, "gender", "male", "schema.enum", false));
        cases.add(of("address null (the Node SDK's documents)", USER, base, "address", null, null, true));
        return cases.stream();
    }

    static Stream<Case> userUpdates() {
        // "disabled ... 使用该参数时，不能同时使用其他参数" (docs, N ND/user.md, G GD/user/userDemo.go).
        String rule = "user_update.disabled.alone";
        ObjectNode disable = Json.object("{\"disabled\":true}");
        ObjectNode enable = Json.object("{\"disabled\":false}");
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("disabled alone", USER_UPDATE, disable, "disabled", null, true));
        cases.add(new Case("enabled alone", USER_UPDATE, enable, "disabled", null, true));
        cases.add(new Case("profile without disabled", USER_UPDATE, Fixtures.valid(USER_UPDATE), "address", null, true));
        for (String field : List.of("address", "avatar", "email", "mobile", "name")) {
            cases.add(of("disabled with " + field, USER_UPDATE, disable, field, "x", rule, false));
            cases.add(of("enabled with " + field, USER_UPDATE, enable, field, "x", rule, false));
        }
        cases.add(of("disabled with gender", USER_UPDATE, disable, "gender", "MALE", rule, false));
        cases.add(of("disabled with metadata", USER_UPDATE, disable, "metadata", Map.of("k", "v"), rule, false));
        cases.add(of("disabled with address null", USER_UPDATE, disable, "address", null, rule, false));
        cases.add(of("disabled with a field the spec does not know", USER_UPDATE, disable, "nickname", "x", rule, false));
        cases.add(of("disabled as a string", USER_UPDATE, Json.object("{}"), "disabled", "true", "schema.type", false));
        return cases.stream();
    }

    // ---------------------------------------------------------------- depository: J UserPicTest, ContactTest

    static Stream<Case> depository() {
        List<Case> cases = new ArrayList<>();
        ObjectNode pic = Fixtures.valid(USER_PIC);
        cases.add(of("upload without user", USER_PIC, pic, "user", ABSENT, "schema.required", false));
        cases.add(of("upload without pic", USER_PIC, pic, "pic", ABSENT, "schema.required", false));
        cases.add(of("upload with an empty pic", USER_PIC, pic, "pic", "", "schema.minLength", false));
        cases.add(of("upload of a png", USER_PIC, pic, "pic_fmt", "png", null, true));
        cases.add(of("upload of a gif", USER_PIC, pic, "pic_fmt", "gif", "schema.enum", false));
        for (String type : List.of("101", "102", "201", "202", "203")) {
            cases.add(of("upload pic_type " + type, USER_PIC, pic, "pic_type", type, null, true));
        }
        for (String type : List.of("100", "103", "204", "301")) {
            cases.add(of("upload pic_type " + type, USER_PIC, pic, "pic_type", type, "schema.enum", false));
        }
        cases.add(of("upload operate_type 02", USER_PIC, pic, "operate_type", "02", null, true));
        cases.add(of("upload operate_type 03", USER_PIC, pic, "operate_type", "03", "schema.enum", false));
        cases.add(of("upload type business", USER_PIC, pic, "type", "business", null, true));
        cases.add(of("upload type company", USER_PIC, pic, "type", "company", "schema.enum", false));

        ObjectNode contact = Fixtures.valid(SUB_APP_CONTACT);
        // contact_type 1 to 5, contact_job_type and contact_relation_ship 1 to 8 (J ContactTest comments).
        cases.addAll(range("contact_type", SUB_APP_CONTACT, contact, 1, 5));
        cases.addAll(range("contact_job_type", SUB_APP_CONTACT, contact, 1, 8));
        cases.addAll(range("contact_relation_ship", SUB_APP_CONTACT, contact, 1, 8));
        cases.add(of("contact_type as a string", SUB_APP_CONTACT, contact, "contact_type", "1", "schema.type", false));
        cases.add(of("contact_cert_type 06", SUB_APP_CONTACT, contact, "contact_cert_type", "06", null, true));
        cases.add(of("contact_cert_type 07", SUB_APP_CONTACT, contact, "contact_cert_type", "07", "schema.enum", false));
        cases.add(of("contact_cert_type 1", SUB_APP_CONTACT, contact, "contact_cert_type", "1", "schema.enum", false));
        cases.add(of("certificate valid until 9999-12-31", SUB_APP_CONTACT, contact, "contact_cert_valid_until", "9999-12-31", null, true));
        for (String date : List.of("2019-1-01", "20190101", "2019/01/01", "2019-01-01 ")) {
            cases.add(of("certificate valid from '" + date + "'", SUB_APP_CONTACT, contact, "contact_cert_valid_from", date, "schema.pattern", false));
        }
        for (String field : List.of("user", "acc_no", "contact_type", "contact_name")) {
            cases.add(of("contact without " + field, SUB_APP_CONTACT, contact, field, ABSENT, "schema.required", false));
        }
        cases.add(of("contact without relation", SUB_APP_CONTACT, contact, "contact_relation_ship", ABSENT, null, true));
        return cases.stream();
    }

    // ---------------------------------------------------------------- coupon templates (docs "Coupon Templates 优惠券模板")

    static Stream<Case> couponTemplates() {
        List<Case> cases = new ArrayList<>();
        ObjectNode discount = Fixtures.valid(COUPON_TEMPLATE);
        ObjectNode cash = Json.object("{\"type\":1,\"amount_off\":25}");
        // amount_off "在 type 为 1 时必传", percent_off "在 type 为 2 时必传".
        cases.add(new Case("cash coupon with amount_off", COUPON_TEMPLATE, cash, "amount_off", null, true));
        cases.add(of("cash coupon without amount_off", COUPON_TEMPLATE, cash, "amount_off", ABSENT, "coupon_template.amount_off.cash", false));
        cases.add(of("cash coupon with amount_off null", COUPON_TEMPLATE, cash, "amount_off", null, "coupon_template.amount_off.cash", false));
        cases.add(of("cash coupon needs no percent_off", COUPON_TEMPLATE, cash, "percent_off", ABSENT, null, true));
        cases.add(of("discount coupon without percent_off", COUPON_TEMPLATE, discount, "percent_off", ABSENT,
                "coupon_template.percent_off.discount", false));
        cases.add(of("discount coupon needs no amount_off", COUPON_TEMPLATE, discount, "amount_off", ABSENT, null, true));
        // type "1":现金券、"2":折扣券.
        cases.addAll(range("type", COUPON_TEMPLATE, Json.with(cash, "percent_off", 25), 1, 2));
        cases.add(of("type as a string", COUPON_TEMPLATE, cash, "type", "1", "schema.type", false));
        cases.add(of("no type", COUPON_TEMPLATE, cash, "type", ABSENT, "schema.required", false));
        // amount_off "取值范围 1~1000000000".
        cases.addAll(range("amount_off", COUPON_TEMPLATE, cash, 1, 1_000_000_000));
        // percent_off: "20 表示 8 折, 100 表示免费"; the spec's decision is 1 to 100.
        cases.addAll(range("percent_off", COUPON_TEMPLATE, discount, 1, 100));
        // max_circulation "取值范围为 1 - 1000000", null for no limit.
        cases.addAll(range("max_circulation", COUPON_TEMPLATE, discount, 1, 1_000_000));
        cases.add(of("max_circulation null", COUPON_TEMPLATE, discount, "max_circulation", null, null, true));
        // max_user_circulation "取值范围为 1 - 100".
        cases.addAll(range("max_user_circulation", COUPON_TEMPLATE, discount, 1, 100));
        cases.add(of("amount_available 0 (no minimum)", COUPON_TEMPLATE, discount, "amount_available", 0, null, true));
        cases.add(of("amount_available -1", COUPON_TEMPLATE, discount, "amount_available", -1, "schema.minimum", false));
        cases.add(of("discount_amount_limit 0", COUPON_TEMPLATE, discount, "discount_amount_limit", 0, null, true));
        cases.add(of("discount_amount_limit -1", COUPON_TEMPLATE, discount, "discount_amount_limit", -1, "schema.minimum", false));
        cases.add(of("expiration null (the Node SDK's documents)", COUPON_TEMPLATE, discount, "expiration", null, null, true));
        cases.add(of("expiration duration 1", COUPON_TEMPLATE, discount, "expiration.duration", 1, null, true));
        cases.add(of("expiration duration 0", COUPON_TEMPLATE, discount, "expiration.duration", 0, "schema.minimum", false));
        cases.add(of("expiration window", COUPON_TEMPLATE, discount, "expiration",
                Map.of("time_start", 1_700_000_000L, "time_end", 1_702_592_000L), null, true));
        cases.add(of("refundable as a string", COUPON_TEMPLATE, discount, "refundable", "true", "schema.type", false));

        ObjectNode batch = Fixtures.valid(COUPON_TEMPLATE_COUPONS);
        cases.add(of("coupons for no users field", COUPON_TEMPLATE_COUPONS, batch, "users", ABSENT, "schema.required", false));
        cases.add(of("coupons for a user id of 64", COUPON_TEMPLATE_COUPONS, batch, "users[0]", repeat("u", 64), null, true));
        cases.add(of("coupons for a user id of 65", COUPON_TEMPLATE_COUPONS, batch, "users[0]", repeat("u", 65), "schema.maxLength", false));
        cases.add(of("coupons for an empty user id", COUPON_TEMPLATE_COUPONS, batch, "users[0]", "", "schema.minLength", false));
        cases.add(of("coupons for users as a string", COUPON_TEMPLATE_COUPONS, batch, "users", "user_id_1", "schema.type", false));
        return cases.stream();
    }

    static Stream<Case> coupons() {
        ObjectNode coupon = Fixtures.valid(COUPON);
        return Stream.of(
                of("coupon without coupon_template", COUPON, coupon, "coupon_template", ABSENT, "schema.required", false),
                of("coupon with an empty coupon_template", COUPON, coupon, "coupon_template", "", "schema.minLength", false),
                of("coupon with metadata", COUPON, coupon, "metadata", Map.of("k", "v"), null, true));
    }

    // ---------------------------------------------------------------- settle accounts (H HE/settle_account/recipient/*.php; D16)

    static Stream<Case> settleAccounts() {
        List<Case> cases = new ArrayList<>();
        // bank_account: account, name, type, open_bank_code 必填 (H bank_account.php).
        ObjectNode bank = settleAccount("bank_account");
        String bankRule = "settle_account.recipient.bank_account";
        cases.add(new Case("bank_account with its recipient", SETTLE_ACCOUNT, bank, "recipient", null, true));
        for (String field : List.of("account", "name", "type", "open_bank_code")) {
            cases.add(of("bank_account without " + field, SETTLE_ACCOUNT, bank, "recipient." + field, ABSENT, bankRule, false));
        }
        for (String field : List.of("account", "name", "open_bank_code")) {
            cases.add(of("bank_account with an empty " + field, SETTLE_ACCOUNT, bank, "recipient." + field, "", bankRule, false));
        }
        for (String field : List.of("open_bank", "card_type", "prov", "city", "sub_bank", "sub_bank_code", "mobile")) {
            cases.add(of("bank_account without " + field, SETTLE_ACCOUNT, bank, "recipient." + field, ABSENT, null, true));
        }
        cases.add(of("bank_account card_type 1 (passbook)", SETTLE_ACCOUNT, bank, "recipient.card_type", 1, null, true));
        cases.add(of("bank_account card_type 2", SETTLE_ACCOUNT, bank, "recipient.card_type", 2, "schema.maximum", false));
        cases.add(of("bank_account card_type -1", SETTLE_ACCOUNT, bank, "recipient.card_type", -1, "schema.minimum", false));
        cases.add(of("bank_account type b2b", SETTLE_ACCOUNT, bank, "recipient.type", "b2b", null, true));
        cases.add(of("bank_account type c2c", SETTLE_ACCOUNT, bank, "recipient.type", "c2c", "schema.enum", false));
        // alipay: account, name 必填; type and account_type 选填 (H alipay.php).
        ObjectNode alipay = settleAccount("alipay");
        String alipayRule = "settle_account.recipient.alipay";
        cases.add(new Case("alipay with its recipient", SETTLE_ACCOUNT, alipay, "recipient", null, true));
        for (String field : List.of("account", "name")) {
            cases.add(of("alipay without " + field, SETTLE_ACCOUNT, alipay, "recipient." + field, ABSENT, alipayRule, false));
            cases.add(of("alipay with an empty " + field, SETTLE_ACCOUNT, alipay, "recipient." + field, "", alipayRule, false));
        }
        cases.add(of("alipay without type", SETTLE_ACCOUNT, alipay, "recipient.type", ABSENT, null, true));
        cases.add(of("alipay without open_bank_code", SETTLE_ACCOUNT, alipay, "recipient.open_bank_code", ABSENT, null, true));
        cases.add(of("alipay account_type ALIPAY_USERID", SETTLE_ACCOUNT, alipay, "recipient.account_type", "ALIPAY_USERID", null, true));
        cases.add(of("alipay account_type ALIPAY_OPENID", SETTLE_ACCOUNT, alipay, "recipient.account_type", "ALIPAY_OPENID", "schema.enum", false));
        // WeChat: account (open_id) 必填; name may be empty ("当该参数为空，则不校验收款人姓名", H wx.php).
        for (String channel : List.of("wx", "wx_pub", "wx_lite")) {
            ObjectNode wechat = settleAccount(channel);
            cases.add(new Case(channel + " with its recipient", SETTLE_ACCOUNT, wechat, "recipient", null, true));
            cases.add(of(channel + " without account", SETTLE_ACCOUNT, wechat, "recipient.account", ABSENT, "settle_account.recipient.wechat", false));
            cases.add(of(channel + " with an empty account", SETTLE_ACCOUNT, wechat, "recipient.account", "", "settle_account.recipient.wechat", false));
            cases.add(of(channel + " without name", SETTLE_ACCOUNT, wechat, "recipient.name", ABSENT, null, true));
            cases.add(of(channel + " without type", SETTLE_ACCOUNT, wechat, "recipient.type", ABSENT, null, true));
        }
        // "目前支持: alipay、wx、wx_pub、wx_lite、bank_account" (D16).
        for (String channel : List.of("unionpay", "wx_pub_qr", "paypal", "balance")) {
            cases.add(of("channel " + channel, SETTLE_ACCOUNT, alipay, "channel", channel, "schema.enum", false));
        }
        cases.add(of("no recipient", SETTLE_ACCOUNT, bank, "recipient", ABSENT, "schema.required", false));
        cases.add(of("no channel", SETTLE_ACCOUNT, bank, "channel", ABSENT, "schema.required", false));
        return cases.stream();
    }

    /** The spec's example of the channel, or the WeChat example moved to another WeChat channel. */
    private static ObjectNode settleAccount(String channel) {
        List<ObjectNode> examples = Fixtures.examples(SETTLE_ACCOUNT);
        return examples.stream().filter(example -> example.path("channel").asText().equals(channel)).findFirst()
                .orElseGet(() -> Json.with(examples.stream().filter(example -> example.path("channel").asText().equals("wx_pub"))
                        .findFirst().orElseThrow(), "channel", channel));
    }

    static Stream<Case> settleAccountChanges() {
        List<Case> cases = new ArrayList<>();
        ObjectNode update = Fixtures.valid(SETTLE_ACCOUNT_UPDATE);
        cases.add(of("update without recipient", SETTLE_ACCOUNT_UPDATE, update, "recipient", ABSENT, "schema.required", false));
        cases.add(of("update with a mobile", SETTLE_ACCOUNT_UPDATE, update, "recipient.mobile", "13822334557", null, true));
        ObjectNode mobile = Fixtures.valid(SETTLE_ACCOUNT_MOBILE);
        cases.add(of("mobile update without mobile", SETTLE_ACCOUNT_MOBILE, mobile, "mobile", ABSENT, "schema.required", false));
        cases.add(of("mobile update with an empty mobile", SETTLE_ACCOUNT_MOBILE, mobile, "mobile", "", "schema.minLength", false));
        ObjectNode verify = Fixtures.valid(SETTLE_ACCOUNT_VERIFY);
        cases.add(of("verify receive_amount 0", SETTLE_ACCOUNT_VERIFY, verify, "receive_amount", 0, null, true));
        cases.add(of("verify receive_amount -1", SETTLE_ACCOUNT_VERIFY, verify, "receive_amount", -1, "schema.minimum", false));
        cases.add(of("verify receive_amount 0.5", SETTLE_ACCOUNT_VERIFY, verify, "receive_amount", 0.5, "schema.type", false));
        cases.add(of("verify without receive_amount", SETTLE_ACCOUNT_VERIFY, verify, "receive_amount", ABSENT, "schema.required", false));
        return cases.stream();
    }

    // ---------------------------------------------------------------- balance (J JT/balance; N ND/balance_*.md; H HE/balance)

    static Stream<Case> balanceBonuses() {
        List<Case> cases = new ArrayList<>();
        ObjectNode bonus = Fixtures.valid(BALANCE_BONUS);
        cases.add(of("bonus of 1 fen", BALANCE_BONUS, bonus, "amount", 1, null, true));
        cases.add(of("bonus of 0", BALANCE_BONUS, bonus, "amount", 0, "schema.minimum", false));
        cases.add(of("bonus to a user id of 64", BALANCE_BONUS, bonus, "user", repeat("u", 64), null, true));
        cases.add(of("bonus to a user id of 65", BALANCE_BONUS, bonus, "user", repeat("u", 65), "schema.maxLength", false));
        // user, amount, order_no 必传 (J BalanceBonusTest, N ND/balance_bonus.md).
        for (String field : List.of("user", "amount", "order_no")) {
            cases.add(of("bonus without " + field, BALANCE_BONUS, bonus, field, ABSENT, "schema.required", false));
        }
        cases.add(of("bonus with an empty order_no", BALANCE_BONUS, bonus, "order_no", "", "schema.minLength", false));
        cases.add(of("bonus without description", BALANCE_BONUS, bonus, "description", ABSENT, null, true));
        return cases.stream();
    }

    static Stream<Case> balanceTransfers() {
        List<Case> cases = new ArrayList<>();
        ObjectNode transfer = Fixtures.valid(BALANCE_TRANSFER);
        // user: "不能填 0"; recipient: "可以为 0" (H balance_transfer.php, N ND/balance_transfer.md, C demo).
        String rule = "balance_transfer.user.not_zero";
        cases.add(of("transfer from user 0", BALANCE_TRANSFER, transfer, "user", "0", rule, false));
        cases.add(of("transfer from user 00", BALANCE_TRANSFER, transfer, "user", "00", null, true));
        cases.add(of("transfer from user 10", BALANCE_TRANSFER, transfer, "user", "10", null, true));
        cases.add(of("transfer to user 0", BALANCE_TRANSFER, transfer, "recipient", "0", null, true));
        cases.add(of("transfer of 1 fen", BALANCE_TRANSFER, transfer, "amount", 1, null, true));
        cases.add(of("transfer of 0", BALANCE_TRANSFER, transfer, "amount", 0, "schema.minimum", false));
        cases.add(of("transfer fee 0", BALANCE_TRANSFER, transfer, "user_fee", 0, null, true));
        cases.add(of("transfer fee -1", BALANCE_TRANSFER, transfer, "user_fee", -1, "schema.minimum", false));
        for (String field : List.of("user", "recipient", "amount", "order_no")) {
            cases.add(of("transfer without " + field, BALANCE_TRANSFER, transfer, field, ABSENT, "schema.required", false));
        }
        cases.add(of("transfer to a recipient id of 65", BALANCE_TRANSFER, transfer, "recipient", repeat("r", 65), "schema.maxLength", false));
        return cases.stream();
    }

    // ---------------------------------------------------------------- helpers

    private static Case of(String name, RequestKind kind, ObjectNode base, String field, Object value, String rule, boolean valid) {
        return new Case(name, kind, Json.with(base, field, value), field, rule, valid);
    }

    /** Both sides of an inclusive integer range of a field. */
    private static List<Case> range(String field, RequestKind kind, ObjectNode base, long minimum, long maximum) {
        return List.of(
                of(field + " " + (minimum - 1), kind, base, field, minimum - 1, "schema.minimum", false),
                of(field + " " + minimum, kind, base, field, minimum, null, true),
                of(field + " " + maximum, kind, base, field, maximum, null, true),
                of(field + " " + (maximum + 1), kind, base, field, maximum + 1, "schema.maximum", false));
    }
}
