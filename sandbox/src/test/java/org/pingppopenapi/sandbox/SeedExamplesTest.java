package org.pingppopenapi.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingppopenapi.sandbox.DocumentedResponse.MADE_UP;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pingppopenapi.sandbox.time.VirtualTime;

/**
 * The request examples of the documents (000-003), their curl commands copied byte for byte into
 * {@code src/test/resources/seed-requests/}, sent with the JDK's HTTP client as curl would send them (form bodies
 * with bracket keys, JSON under curl's form content type, the documents' placeholder signature headers), to a
 * sandbox whose clock reads the documents' time. Each answer is compared with the document's response example
 * field by field.
 *
 * <p>Three things are adjusted, each where it happens and why:
 * <ul>
 *   <li>ids: the documents act on objects they assume exist ({@code 2001608270000004428}, {@code app_GaDuf99evvfTi5Wb},
 *       the coupons of 20 fen off their orders use);
 *       the test creates them first, the way the documents create them, and puts the sandbox's ids in;</li>
 *   <li>examples that break the documents' own rules are sent as they are, get the Ping++ error naming the
 *       parameter, and are then sent with the one value corrected as the spec's examples correct it;</li>
 *   <li>values of the response examples that cannot be reproduced (the live mode of the documents' account,
 *       typos) are listed as differences with the reason.</li>
 * </ul>
 */
class SeedExamplesTest {

    /** The documents' own test key; every test starts a new sandbox, so its account starts empty each time. */
    private static final String DOCS_KEY = "sk_test_ibbTe5jLGCi5rzfH4OqPW9KC";
    private static final String DOCS_APP = "app_1Gqj58ynP0mHeX1q";
    /** Values the sandbox makes up wherever they appear. */
    private static final Set<String> MADE_UP_FIELDS = Set.of("id", "tn", "transaction_no", "balance_transaction",
            "account", "appId", "partnerId", "prepayId", "nonceStr", "timeStamp", "sign");

    private Sandbox sandbox;
    private SandboxHttp http;
    private String couponTemplate;

    private void startAt(long documentsTime) {
        VirtualTime time = new VirtualTime(Instant.ofEpochSecond(documentsTime));
        sandbox = Sandbox.builder().clock(time).scheduler(time).start();
        http = new SandboxHttp(sandbox.baseUri(), DOCS_KEY);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    // ---- 000: authentication, pagination, expand, metadata; 001: create a charge ----

    @Test
    void listingChargesWithoutAnAppIsRefusedAsTheSdksRefuseIt() {
        startAt(1410834527);
        for (String example : List.of("000-authentication-list-charges.curl", "000-pagination-list-charges.curl")) {
            SandboxHttp.Answer answer = send(command(example));
            assertThat(answer.status()).as(example).isEqualTo(400);
            assertThat(answer.error().get("param").asText()).isEqualTo("app[id]");
        }
    }

    @Test
    void theChargeOfTheChargeDocumentIsCreatedFromItsFormBody() {
        startAt(1410834527);

        JsonNode charge = ok(send(command("001-create-charge.curl")));

        DocumentedResponse.assertLike(DocumentedResponse.of("001-create-charge"), charge, MADE_UP_FIELDS, Map.of(
                "livemode", false,
                "refunds.url", "/v1/charges/" + charge.get("id").asText() + "/refunds"));
        assertThat(charge.get("id").asText()).matches("ch_[A-Za-z0-9]{24}");
        assertThat(charge.at("/credential/upacp/tn").asText()).matches("[0-9]{21}");
    }

    @Test
    void theMetadataExampleKeepsItsMetadata() {
        startAt(1410834527);

        JsonNode charge = ok(send(command("000-metadata-create-charge.curl")));

        DocumentedResponse.assertLike(DocumentedResponse.of("001-create-charge"), charge, MADE_UP_FIELDS, Map.of(
                "livemode", false,
                "refunds.url", "/v1/charges/" + charge.get("id").asText() + "/refunds",
                "metadata", Map.of("color", "red")));
    }

    @Test
    void theExpandExampleExpandsTheApp() {
        startAt(1410834527);
        String chargeId = ok(send(command("001-create-charge.curl"))).get("id").asText();

        JsonNode charge = ok(send(command("000-expand-retrieve-charge.curl").replace("ch_Hm5uTSifDOuTy9iLeLPSurrD", chargeId)));

        assertThat(charge.at("/app/object").asText()).isEqualTo("app");
        assertThat(charge.at("/app/id").asText()).isEqualTo(DOCS_APP);
    }

    // ---- 002: sub-apps and their channels ----

    @Test
    void theSubAppExamplesCreateRetrieveUpdateListAndDelete() {
        startAt(1488332846);
        assertThat(send(command("002-create-sub-app.curl")).error().get("param").asText())
                .as("the documents' parent app_rDyHSCy14aL8m9ev does not exist in a new account").isEqualTo("parent_app");

        String parent = levelOneSubApp(DOCS_APP);
        JsonNode created = ok(send(command("002-create-sub-app.curl").replace("app_rDyHSCy14aL8m9ev", parent)));
        DocumentedResponse.assertLike(DocumentedResponse.of("002-create-sub-app"), created, MADE_UP_FIELDS, Map.of(
                "parent_app", parent,
                "available_methods", List.of()));

        String otherParent = levelOneSubApp("app_LibTW1n1SOq9Pin1");
        String levelTwo = ok(send(command("002-create-sub-app.curl").replace(DOCS_APP, "app_LibTW1n1SOq9Pin1")
                .replace("app_rDyHSCy14aL8m9ev", otherParent))).get("id").asText();
        JsonNode retrieved = ok(send(command("002-retrieve-sub-app.curl").replace("app_GaDuf99evvfTi5Wb", levelTwo)));
        DocumentedResponse.assertLike(DocumentedResponse.of("002-retrieve-sub-app"), retrieved, MADE_UP_FIELDS, Map.of(
                "parent_app", otherParent,
                "available_methods", List.of()));

        JsonNode listed = ok(send(command("002-list-sub-apps.curl")));
        DocumentedResponse.assertLike(DocumentedResponse.of("002-list-sub-apps"), listed, MADE_UP_FIELDS, Map.of(
                "url", "/v1/apps/app_LibTW1n1SOq9Pin1/sub_apps",
                "data[0].display_name", "sub_app_display_name",
                "data[0].metadata", Map.of("a", "b", "c", "d"),
                "data[0].parent_app", otherParent,
                "data[0].available_methods", List.of()));

        String thirdParent = levelOneSubApp("app_4OOi9SGuD88GGqbL");
        String toUpdate = ok(send(command("002-create-sub-app.curl").replace(DOCS_APP, "app_4OOi9SGuD88GGqbL")
                .replace("app_rDyHSCy14aL8m9ev", thirdParent))).get("id").asText();
        JsonNode updated = ok(send(command("002-update-sub-app.curl").replace("app_q5eff1jHKqXP9qvr", toUpdate)));
        DocumentedResponse.assertLike(DocumentedResponse.of("002-update-sub-app"), updated, MADE_UP_FIELDS, Map.of(
                "parent_app", thirdParent,
                "available_methods", List.of()));

        CurlCommand delete = command("002-delete-sub-app.curl").replace("app_q5eff1jHKqXP9qvr", created.get("id").asText());
        assertThat(ok(send(delete)).get("object").asText())
                .as("the example has no -X DELETE, so curl sends a GET: it retrieves").isEqualTo("sub_app");
        JsonNode deleted = ok(send(delete.withMethod("DELETE")));
        DocumentedResponse.assertLike(DocumentedResponse.of("002-delete-sub-app"), deleted, MADE_UP_FIELDS, Map.of());
        assertThat(deleted.get("id").asText()).isEqualTo(created.get("id").asText());
    }

    @Test
    void theChannelExamplesAddTheirChannelsWithATestKey() {
        startAt(1496934031);
        String subApp = levelOneSubApp(DOCS_APP);
        List<String> examples = List.of("002-create-sub-app-channel.curl", "002-create-sub-app-channel-isv-scan.curl",
                "002-create-sub-app-channel-isv-qr.curl", "002-create-sub-app-channel-isv-wap.curl");
        for (String example : examples) {
            SandboxHttp.Answer asDocumented = send(command(example).replace("app_GaDuf99evvfTi5Wb", subApp));
            assertThat(asDocumented.status()).as("%s sends a live key", example).isEqualTo(401);
            assertThat(asDocumented.error().get("message").asText()).contains("test API keys");
        }
        for (String example : examples) {
            String target = example.endsWith("isv-wap.curl") ? levelOneSubApp(DOCS_APP) : subApp;
            CurlCommand withTestKey = CurlCommand.parse(CurlCommand.resource(example).replace("sk_live_", "sk_test_"));
            JsonNode channel = ok(send(withTestKey.replace("app_GaDuf99evvfTi5Wb", target)));
            DocumentedResponse.assertLike(DocumentedResponse.of(example), channel, MADE_UP_FIELDS, Map.of(
                    "created", MADE_UP));
        }
    }

    // ---- 002: orders, their charges and refunds; events ----

    @Test
    void theOrderCreatedByTheDocumentsNeedsAMerchantOrderNumberOfTheDocumentsLength() {
        startAt(1472228865);
        SandboxHttp.Answer asDocumented = send(command("002-create-order.curl"));
        assertThat(asDocumented.status()).isEqualTo(400);
        assertThat(asDocumented.error().get("param").asText())
                .as("88888888888 has 11 characters; the same document asks for 15 to 32").isEqualTo("merchant_order_no");

        String coupon = documentsCoupon();
        JsonNode order = ok(send(command("002-create-order.curl").replace("\"88888888888\"", "\"888888888880001\"")
                .replace("300316082514255200000900", coupon)));

        assertThat(order.get("amount").asLong()).as("sent as the string \"30\"").isEqualTo(30);
        DocumentedResponse.assertLike(DocumentedResponse.of("002-create-order"), order, MADE_UP_FIELDS, orderDifferences(order,
                "merchant_order_no", "888888888880001",
                "coupon", coupon,
                "time_expire", 1472282548,
                "available_balance", 0));
    }

    @Test
    void theOrderExamplesPayCancelRetrieveAndList() {
        startAt(1472228865);
        rechargeTheDocumentsUser(1000);

        String toPay = createOrder(30, "888888888880002", documentsCoupon(), "test1", "test1body1", 1472282548L);
        JsonNode paid = ok(send(command("002-pay-order.curl").replace("2001608270000004428", toPay)));
        DocumentedResponse.assertLike(DocumentedResponse.of("002-pay-order"), paid, MADE_UP_FIELDS, orderDifferences(paid,
                "merchant_order_no", "888888888880002",
                "coupon", MADE_UP,
                "available_balance", 900,
                "time_paid", 1472228865));

        String toCancel = createOrder(20, "888888888880019", documentsCoupon(), "test1", "test1body1", 1472282548L);
        JsonNode canceled = ok(send(command("002-cancel-order.curl").replace("2001608270000004428", toCancel)));
        DocumentedResponse.assertLike(DocumentedResponse.of("002-cancel-order"), canceled, MADE_UP_FIELDS,
                orderDifferences(canceled,
                        "merchant_order_no", "888888888880019",
                        "coupon", MADE_UP,
                        "available_balance", 890,
                        "time_expire", 1472282548));

        String paying = createOrder(30, "888888888880009", documentsCoupon(), "test1", "test1body1", 1472282548L);
        ok(http.postJson("/v1/orders/" + paying + "/pay", "{\"charge_amount\": 10, \"channel\": \"wx\"}"));
        JsonNode retrieved = ok(send(command("002-retrieve-order.curl").replace("2001608270000004428", paying)));
        DocumentedResponse.assertLike(DocumentedResponse.of("002-retrieve-order"), retrieved, MADE_UP_FIELDS,
                orderDifferences(retrieved,
                        "merchant_order_no", "888888888880009",
                        "coupon", MADE_UP,
                        "available_balance", 890,
                        "time_expire", 1472282548,
                        // The document's unpaid order shows a payment time, and prints its refunds as [].
                        "time_paid", null,
                        "refunds", retrieved.get("refunds"),
                        "charge", MADE_UP));

        SandboxHttp.Answer listAsDocumented = send(command("002-list-orders.curl"));
        assertThat(listAsDocumented.status()).isEqualTo(400);
        assertThat(listAsDocumented.error().get("param").asText()).as("the document's own table requires app").isEqualTo("app");
        JsonNode listed = ok(send(command("002-list-orders.curl").replace("/v1/orders/", "/v1/orders/?app=" + DOCS_APP)));
        assertThat(listed.get("object").asText()).isEqualTo("list");
        assertThat(listed.get("data")).extracting(order -> order.get("id").asText()).containsExactly(paying, toCancel, toPay);
    }

    @Test
    void theOrderChargeAndOrderRefundExamples() {
        startAt(1496743617);
        String order = createOrder(1, "888888888880021", null, "测试订单007", "订单内容007", null);
        String chargeId = ok(http.postJson("/v1/orders/" + order + "/pay",
                "{\"charge_amount\": 1, \"channel\": \"alipay\", \"charge_order_no\": \"201706000167\"}")).get("charge").asText();
        http.pay(chargeId);

        JsonNode charge = ok(send(command("002-retrieve-order-charge.curl").replace("2001608270000004421", order)
                .replace("ch_mPGm1KOGG844eLWvDOfHWvvD", chargeId)));
        // The document's charge is of another app, shows "refunded" with nothing refunded, a buyer account the
        // channel returned, and an empty credential.
        Map<String, Object> chargeDifferences = differences(
                "app", DOCS_APP,
                "refunded", false,
                "extra", Map.of(),
                "credential", charge.get("credential"),
                "time_paid", MADE_UP,
                "time_expire", MADE_UP);
        DocumentedResponse.assertLike(DocumentedResponse.of("002-retrieve-order-charge"), charge, MADE_UP_FIELDS, chargeDifferences);
        JsonNode charges = ok(send(command("002-list-order-charges.curl").replace("2001608270000004421", order)));
        Map<String, Object> listDifferences = differences("url", "/v1/orders/" + order + "/charges", "has_more", false);
        chargeDifferences.forEach((path, value) -> listDifferences.put("data[0]." + path, value));
        DocumentedResponse.assertLike(DocumentedResponse.of("002-list-order-charges"), charges, MADE_UP_FIELDS, listDifferences);

        JsonNode refunds = ok(send(command("002-create-order-refund.curl").replace("2111608270000005209", order)));
        String refundId = refunds.at("/data/0/id").asText();
        DocumentedResponse.assertLike(DocumentedResponse.of("002-create-order-refund"), refunds, MADE_UP_FIELDS, differences(
                "url", "/v1/orders/" + order + "/order_refunds",
                "data[0].order_no", MADE_UP,
                "data[0].amount", 1,
                "data[0].created", MADE_UP,
                "data[0].time_succeed", MADE_UP,
                "data[0].description", "test-refund",
                "data[0].charge", chargeId,
                "data[0].charge_order_no", "201706000167"));

        // The SDKs read refund objects from the list and the retrieve operation (see the spec's operations); the
        // document's list example shows them too.
        JsonNode orderRefunds = ok(send(command("002-list-order-refunds.curl").replace("2111608270000005209", order)));
        assertThat(orderRefunds.get("data")).hasSize(1);
        assertThat(orderRefunds.at("/data/0")).isEqualTo(refunds.at("/data/0"));
        // The document swaps the two ids in its path; they are put where they belong. Its numeric order refund id
        // still works: it answers the charge refund that order refund made.
        String orderRefundId = ok(http.get("/v1/orders/" + order)).at("/refunds/data/0/id").asText();
        JsonNode byOrderRefundId = ok(send(command("002-retrieve-order-refund.curl")
                .replace("2111608270000005209", order).replace("2001608270000004421", orderRefundId)));
        JsonNode byRefundId = ok(http.get("/v1/orders/" + order + "/order_refunds/" + refundId));
        assertThat(byOrderRefundId).isEqualTo(refunds.at("/data/0"));
        assertThat(byRefundId).isEqualTo(refunds.at("/data/0"));
    }

    @Test
    void theEventExamplesRetrieveAndList() {
        startAt(1430915284);
        String chargeId = ok(http.postForm("/v1/charges", "order_no=as223af2ds&amount=100&app[id]=app_Xz9iXLn9ebX1SOe1"
                + "&channel=wx&currency=cny&client_ip=127.0.0.1&subject=Your+Subject&body=Your+Body")).get("id").asText();
        http.pay(chargeId);
        String eventId = ok(http.get("/v1/events")).at("/data/0/id").asText();

        JsonNode event = ok(send(command("002-retrieve-event.curl").replace("evt_lqVSy5gbL0A68pS8YKvJzdWZ", eventId)));
        // The document's event is of live mode, prints PHP's [] for empty objects, and was caused by an API request;
        // the sandbox's payment is simulated, not requested.
        DocumentedResponse.assertLike(DocumentedResponse.of("002-retrieve-event"), event, MADE_UP_FIELDS, differences(
                "livemode", false,
                "created", MADE_UP,
                "request", null,
                "data.object.livemode", false,
                "data.object.time_paid", MADE_UP,
                "data.object.time_expire", MADE_UP,
                "data.object.extra", Map.of(),
                "data.object.metadata", Map.of(),
                "data.object.credential", event.at("/data/object/credential"),
                "data.object.refunds.url", "/v1/charges/" + chargeId + "/refunds"));

        JsonNode events = ok(send(command("002-list-events.curl")));
        assertThat(events.get("data")).extracting(e -> e.get("id").asText()).containsExactly(eventId);
        assertThat(events.get("url").asText()).isEqualTo("/v1/events");
    }

    // ---- 003: recharges ----

    @Test
    void theRechargeExampleNeedsATimeExpireWithinUnionPaysHour() {
        startAt(1496728534);
        SandboxHttp.Answer asDocumented = send(command("003-create-recharge.curl"));
        assertThat(asDocumented.status()).isEqualTo(400);
        assertThat(asDocumented.error().get("param").asText())
                .as("27 hours ahead; the same document limits UnionPay to 1 hour").isEqualTo("charge.time_expire");
        sandbox.close();
        startAt(1496740128);

        JsonNode recharge = ok(send(command("003-create-recharge.curl").replace("1496826528", "1496741928")));

        // The document prints created as a string, the charge's amount with a zero too many, and its refunds,
        // balance transaction and description as {} and "".
        DocumentedResponse.assertLike(DocumentedResponse.of("003-create-recharge"), recharge, MADE_UP_FIELDS, differences(
                "created", 1496740128,
                "description", "Your description",
                "balance_transaction", null,
                "refunds", recharge.get("refunds"),
                "charge.amount", 1000,
                "charge.amount_settle", 1000,
                "charge.time_expire", 1496741928,
                "charge.refunds.url", "/v1/charges/" + recharge.at("/charge/id").asText() + "/refunds"));
    }

    // ---- helpers ----

    private static CurlCommand command(String file) {
        return CurlCommand.parse(CurlCommand.resource(file));
    }

    private SandboxHttp.Answer send(CurlCommand command) {
        return SandboxHttp.send(command.toRequest(sandbox.baseUri()));
    }

    private static JsonNode ok(SandboxHttp.Answer answer) {
        return SandboxHttp.ok(answer);
    }

    private String levelOneSubApp(String platform) {
        return ok(http.postJson("/v1/apps/" + platform + "/sub_apps", "{\"display_name\": \"level one\", \"user\": \"user_"
                + System.nanoTime() + "\"}")).get("id").asText();
    }

    /**
     * A coupon of 20 fen off (the documents' orders show {@code coupon_amount} 20) for the documents' user, who is
     * created first when no request named it yet.
     */
    private String documentsCoupon() {
        if (http.get("/v1/apps/" + DOCS_APP + "/users/user_002").status() == 404) {
            ok(http.postJson("/v1/apps/" + DOCS_APP + "/users", "{\"id\": \"user_002\"}"));
        }
        if (couponTemplate == null) {
            couponTemplate = ok(http.postJson("/v1/apps/" + DOCS_APP + "/coupon_templates",
                    "{\"type\": 1, \"amount_off\": 20, \"max_user_circulation\": 100}")).get("id").asText();
        }
        return ok(http.postJson("/v1/apps/" + DOCS_APP + "/users/user_002/coupons",
                "{\"coupon_template\": \"" + couponTemplate + "\"}")).get("id").asText();
    }

    private void rechargeTheDocumentsUser(long amount) {
        JsonNode recharge = ok(http.postJson("/v1/apps/" + DOCS_APP + "/recharges", "{\"user\": \"user_002\", \"user_fee\": 100,"
                + " \"charge\": {\"amount\": " + amount + ", \"channel\": \"upacp\", \"order_no\": \"20160800001\","
                + " \"subject\": \"top-up\", \"body\": \"top-up\"}}"));
        http.pay(recharge.at("/charge/id").asText());
    }

    private String createOrder(long amount, String merchantOrderNo, String coupon, String subject, String body,
            Long timeExpire) {
        String json = "{\"app\": \"" + DOCS_APP + "\", \"uid\": \"user_002\", \"merchant_order_no\": \"" + merchantOrderNo
                + "\", \"amount\": " + amount + ", \"client_ip\": \"127.0.0.1\", \"currency\": \"cny\", \"subject\": \""
                + subject + "\", \"body\": \"" + body + "\", \"description\": \"test1-description\""
                + (timeExpire == null ? "" : ", \"time_expire\": " + timeExpire)
                + (coupon == null ? "" : ", \"coupon\": \"" + coupon + "\"") + "}";
        return ok(http.postJson("/v1/orders", json)).get("id").asText();
    }

    /** Path and value pairs; a value may be null, or {@link DocumentedResponse#MADE_UP}. */
    private static Map<String, Object> differences(Object... pathsAndValues) {
        Map<String, Object> differences = new HashMap<>();
        for (int i = 0; i < pathsAndValues.length; i += 2) {
            differences.put((String) pathsAndValues[i], pathsAndValues[i + 1]);
        }
        return differences;
    }

    /**
     * What every order answer differs in from the documents' examples, and the differences of one example: an
     * order's refunds are listed under the SDKs' {@code order_refunds}; creation times are the sandbox's.
     */
    private static Map<String, Object> orderDifferences(JsonNode order, Object... more) {
        Map<String, Object> differences = differences(more);
        differences.putIfAbsent("refunds.url", "/v1/orders/" + order.get("id").asText() + "/order_refunds");
        differences.putIfAbsent("created", MADE_UP);
        return differences;
    }
}
