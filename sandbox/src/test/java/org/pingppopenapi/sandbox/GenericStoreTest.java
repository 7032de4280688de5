package org.pingppopenapi.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pingppopenapi.sandbox.api.EventsResource;
import org.pingppopenapi.sandbox.api.GenericSubAppChannelsApi;
import org.pingppopenapi.sandbox.api.ResourceRegistry;
import org.pingppopenapi.sandbox.domain.Errors;
import org.pingppopenapi.sandbox.time.VirtualTime;
import org.pingppopenapi.server.model.SubAppChannel;
import org.pingppopenapi.server.model.SubAppChannelCreateRequest;

/**
 * The generic store, serving the operations of the spec with no behaviour of their own, on a sandbox where every
 * operation is generic but two: the events (hand-written, to read what the store announced) and the creation of a
 * sub-app channel (hand-written here the way behaviour is added to a resource: override the operation, do what is
 * particular to it, hand the rest to the generic implementation).
 */
class GenericStoreTest {

    private static final String APP = Fixtures.APP;
    private static final String CHARGE = "{\"order_no\":\"123456789\",\"amount\":100,\"app\":{\"id\":\"" + APP + "\"},"
            + "\"channel\":\"%s\",\"currency\":\"cny\",\"client_ip\":\"127.0.0.1\",\"subject\":\"S\",\"body\":\"B\","
            + "\"extra\":{\"open_id\":\"o-user\"},\"metadata\":{\"color\":\"red\"}}";

    private static final String ISV_PARAMS = "{\"fee_rate\":16,\"mer_id\":\"288880088880008\",\"inst_id\":\"98888888\","
            + "\"key\":\"eae4c4426b73e26e48dacf0fd6e9a9e1\",\"support_refund\":true}";

    private static VirtualTime time;
    private static Sandbox sandbox;

    /** Behaviour of one operation of a resource the generic store serves otherwise. */
    public static final class IsvChannelsOnly extends GenericSubAppChannelsApi {

        public IsvChannelsOnly(ResourceRegistry registry) {
            super(registry);
        }

        @Override
        public SubAppChannel createSubAppChannel(String appId, String subAppId, SubAppChannelCreateRequest request) {
            if (!request.getChannel().startsWith("isv_")) {
                throw Errors.invalid("channel", "Only the offline-scan channels (isv_*) here, not " + request.getChannel() + ".");
            }
            return super.createSubAppChannel(appId, subAppId, request);
        }
    }

    @BeforeAll
    static void start() {
        time = new VirtualTime(Instant.parse("2024-05-01T00:00:00Z"));
        sandbox = Sandbox.builder().clock(time).scheduler(time)
                .handWritten(List.of(EventsResource::new, IsvChannelsOnly::new))
                .start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static SandboxHttp newAccount() {
        return new SandboxHttp(sandbox.baseUri(), Fixtures.newKey());
    }

    @Test
    void anObjectIsShapedByItsSchemaFromTheRequestThePathAndTheSpec() {
        SandboxHttp http = newAccount();

        JsonNode charge = ok(http.postJson("/v1/charges", CHARGE.formatted("upacp")));

        assertThat(charge.get("id").asText()).as("the id shape of the spec's examples").matches("ch_[0-9A-Za-z]{24}");
        assertThat(charge.get("object").asText()).isEqualTo("charge");
        assertThat(charge.get("created").asLong()).isEqualTo(time.instant().getEpochSecond());
        assertThat(charge.get("livemode").asBoolean()).isFalse();
        assertThat(charge.get("app").asText()).as("the request's {id} as the id the object holds").isEqualTo(APP);
        assertThat(charge.get("amount").asLong()).as("copied from the request").isEqualTo(100);
        assertThat(charge.get("metadata").get("color").asText()).isEqualTo("red");
        assertThat(charge.get("paid").asBoolean()).as("required, no source: an empty value of its type").isFalse();
        assertThat(charge.get("time_expire").asLong()).as("x-pingpp-defaults of createCharge: 1 hour on upacp")
                .isEqualTo(time.instant().getEpochSecond() + 3600);
        assertThat(charge.at("/refunds/url").asText()).isEqualTo("/v1/charges/" + charge.get("id").asText() + "/refunds");
        assertThat(ok(http.get("/v1/charges/" + charge.get("id").asText()))).isEqualTo(charge);
    }

    @Test
    void aNestedObjectOfTheRequestBecomesAnObjectOfItsSchema() {
        JsonNode recharge = ok(newAccount().postJson("/v1/apps/" + APP + "/recharges", "{\"user\":\"u1\",\"charge\":"
                + "{\"amount\":1000,\"channel\":\"wx_pub\",\"order_no\":\"20161000167\",\"subject\":\"s\",\"body\":\"b\"}}"));

        assertThat(recharge.get("id").asText()).as("numeric, dated, as the spec's examples").startsWith("200240501");
        assertThat(recharge.get("app").asText()).as("from the path's app_id").isEqualTo(APP);
        assertThat(recharge.at("/charge/object").asText()).isEqualTo("charge");
        assertThat(recharge.at("/charge/id").asText()).matches("ch_[0-9A-Za-z]{24}");
        assertThat(recharge.at("/charge/amount").asLong()).isEqualTo(1000);
        assertThat(recharge.at("/charge/time_expire").asLong()).as("x-pingpp-defaults of createRecharge: 2 hours on WeChat")
                .isEqualTo(time.instant().getEpochSecond() + 7200);
    }

    @Test
    void listsPageByCursorNewestFirstAndFilterByCreatedAndByProperty() {
        SandboxHttp http = newAccount();
        long start = time.instant().getEpochSecond();
        String first = ok(http.postJson("/v1/charges", CHARGE.formatted("upacp"))).get("id").asText();
        time.advance(Duration.ofSeconds(10));
        String second = ok(http.postJson("/v1/charges", CHARGE.formatted("wx_pub"))).get("id").asText();
        time.advance(Duration.ofSeconds(10));
        String third = ok(http.postJson("/v1/charges", CHARGE.formatted("upacp"))).get("id").asText();
        String list = "/v1/charges?app%5Bid%5D=" + APP;

        assertThat(ids(ok(http.get(list + "&limit=2")))).containsExactly(third, second);
        assertThat(ok(http.get(list + "&limit=2")).get("has_more").asBoolean()).isTrue();
        assertThat(ids(ok(http.get(list + "&limit=2&starting_after=" + second)))).containsExactly(first);
        assertThat(ids(ok(http.get(list + "&limit=1&ending_before=" + first)))).containsExactly(second);
        assertThat(ids(ok(http.get(list + "&created%5Bgt%5D=" + start)))).containsExactly(third, second);
        assertThat(ids(ok(http.get(list + "&channel=upacp")))).containsExactly(third, first);
        assertThat(ok(http.get(list)).get("url").asText()).isEqualTo("/v1/charges");
        assertThat(http.get(list + "&starting_after=ch_none").error().get("param").asText()).isEqualTo("starting_after");
    }

    @Test
    void listsPageByNumberWithinTheirPath() {
        SandboxHttp http = newAccount();
        for (int i = 0; i < 3; i++) {
            ok(http.postJson("/v1/apps/" + APP + "/sub_apps", "{\"display_name\":\"shop " + i + "\",\"user\":\"u" + i + "\"}"));
            time.advance(Duration.ofSeconds(1));
        }
        ok(http.postJson("/v1/apps/app_OtherApp0000000/sub_apps", "{\"display_name\":\"elsewhere\",\"user\":\"u9\"}"));

        JsonNode secondPage = ok(http.get("/v1/apps/" + APP + "/sub_apps?page=2&per_page=2"));

        assertThat(secondPage.get("data")).extracting(app -> app.get("display_name").asText()).containsExactly("shop 0");
        assertThat(secondPage.get("has_more").asBoolean()).isFalse();
        assertThat(ok(http.get("/v1/apps/" + APP + "/sub_apps?per_page=2")).get("has_more").asBoolean()).isTrue();
        assertThat(ok(http.get("/v1/apps/" + APP + "/sub_apps")).get("data")).as("not the other app's").hasSize(3);
    }

    @Test
    void anUpdateChangesTheFieldsItGivesAndADeleteAnswersTheDeletedShape() {
        SandboxHttp http = newAccount();
        String subApps = "/v1/apps/" + APP + "/sub_apps";
        JsonNode created = ok(http.postJson(subApps, "{\"display_name\":\"shop\",\"user\":\"u1\",\"description\":\"first\"}"));
        String subApp = subApps + "/" + created.get("id").asText();

        JsonNode updated = ok(SandboxHttp.send(http.request(subApp).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"display_name\":\"renamed\"}"))));
        JsonNode deleted = ok(SandboxHttp.send(http.request(subApp).DELETE()));

        assertThat(updated.get("display_name").asText()).isEqualTo("renamed");
        assertThat(updated.get("description").asText()).as("left as it was").isEqualTo("first");
        assertThat(deleted.get("id").asText()).isEqualTo(created.get("id").asText());
        assertThat(deleted.get("deleted").asBoolean()).isTrue();
        SandboxHttp.Answer gone = http.get(subApp);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.error().get("message").asText()).isEqualTo("No such sub_app: " + created.get("id").asText());
    }

    @Test
    void theObjectsAPathNamesMustExist() {
        SandboxHttp http = newAccount();
        String charge = ok(http.postJson("/v1/charges", CHARGE.formatted("upacp"))).get("id").asText();

        SandboxHttp.Answer missingParent = http.postJson("/v1/charges/ch_000000000000000000000000/refunds",
                "{\"amount\":1,\"description\":\"d\"}");
        JsonNode refund = ok(http.postJson("/v1/charges/" + charge + "/refunds", "{\"amount\":1,\"description\":\"d\"}"));

        assertThat(missingParent.status()).isEqualTo(404);
        assertThat(missingParent.error().get("message").asText()).isEqualTo("No such charge: ch_000000000000000000000000");
        assertThat(refund.get("charge").asText()).as("from the path's charge_id").isEqualTo(charge);
        assertThat(refund.get("id").asText()).matches("re_[0-9A-Za-z]{24}");
        assertThat(ids(ok(http.get("/v1/charges/" + charge + "/refunds")))).containsExactly(refund.get("id").asText());
        assertThat(http.get("/v1/charges/ch_000000000000000000000000/refunds").status()).isEqualTo(404);
    }

    @Test
    void anActionChangesTheObjectItActsOnAndTheOperationsEventsAreRecorded() {
        SandboxHttp http = newAccount();
        JsonNode order = ok(http.postJson("/v1/orders", "{\"app\":\"" + APP + "\",\"merchant_order_no\":\"888888888880001\","
                + "\"amount\":10,\"currency\":\"cny\",\"client_ip\":\"127.0.0.1\",\"subject\":\"s\",\"body\":\"b\"}"));

        JsonNode paid = ok(http.postJson("/v1/orders/" + order.get("id").asText() + "/pay",
                "{\"charge_amount\":0,\"balance_amount\":10}"));

        assertThat(paid.get("id").asText()).isEqualTo(order.get("id").asText());
        assertThat(paid.get("balance_amount").asLong()).isEqualTo(10);
        assertThat(ok(http.get("/v1/orders/" + order.get("id").asText())).get("balance_amount").asLong()).isEqualTo(10);
        JsonNode event = ok(http.get("/v1/events?type=order.succeeded")).path("data").path(0);
        assertThat(event.at("/data/object/id").asText()).as("payOrder's x-pingpp-events").isEqualTo(order.get("id").asText());
        assertThat(event.get("request").asText()).as("caused by an API request").startsWith("iar_");
        assertThat(event.get("scope").asText()).isEqualTo(APP);
    }

    @Test
    void requestsAreValidatedAndFormBodiesReadAsOnTheHandWrittenOperations() {
        SandboxHttp http = newAccount();

        SandboxHttp.Answer wrongType = http.postJson("/v1/charges", CHARGE.formatted("upacp").replace("\"amount\":100", "\"amount\":\"x\""));
        SandboxHttp.Answer brokenRule = http.postJson("/v1/charges", CHARGE.formatted("upacp").replace("123456789", "1234567"));
        JsonNode fromForm = ok(http.postForm("/v1/charges", "order_no=123456789&amount=100&app[id]=" + APP
                + "&channel=upacp&currency=cny&client_ip=127.0.0.1&subject=S&body=B&metadata[color]=red"));
        SandboxHttp.Answer badQuery = http.get("/v1/charges?app%5Bid%5D=" + APP + "&limit=101");

        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.error().get("param").asText()).isEqualTo("amount");
        assertThat(brokenRule.status()).isEqualTo(400);
        assertThat(brokenRule.error().get("message").asText()).contains("charge.order_no.unionpay");
        assertThat(fromForm.get("amount").asLong()).isEqualTo(100);
        assertThat(fromForm.at("/metadata/color").asText()).isEqualTo("red");
        assertThat(badQuery.status()).isEqualTo(400);
        assertThat(badQuery.error().get("param").asText()).isEqualTo("limit");
    }

    @Test
    void handWrittenBehaviourRunsBeforeTheGenericImplementationItHandsTheRestTo() {
        SandboxHttp http = newAccount();
        String subApp = ok(http.postJson("/v1/apps/" + APP + "/sub_apps", "{\"display_name\":\"shop\",\"user\":\"u1\"}"))
                .get("id").asText();
        String channels = "/v1/apps/" + APP + "/sub_apps/" + subApp + "/channels";

        SandboxHttp.Answer refused = http.postJson(channels, "{\"channel\":\"alipay\",\"params\":{}}");
        JsonNode created = ok(http.postJson(channels, "{\"channel\":\"isv_qr\",\"params\":" + ISV_PARAMS + "}"));
        SandboxHttp.Answer again = http.postJson(channels, "{\"channel\":\"isv_qr\",\"params\":" + ISV_PARAMS + "}");
        JsonNode deleted = ok(SandboxHttp.send(http.request(channels + "/isv_qr").DELETE()));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.error().get("message").asText()).startsWith("Only the offline-scan channels");
        assertThat(created.get("channel").asText()).isEqualTo("isv_qr");
        assertThat(again.status()).as("a channel is named by its path: one of each per sub-app").isEqualTo(400);
        assertThat(again.error().get("param").asText()).isEqualTo("channel");
        assertThat(deleted.get("channel").asText()).isEqualTo("isv_qr");
        assertThat(deleted.get("deleted").asBoolean()).isTrue();
        assertThat(http.get(channels + "/isv_qr").status()).isEqualTo(404);
        assertThat(http.postJson("/v1/apps/" + APP + "/sub_apps/app_none0000000000/channels",
                "{\"channel\":\"isv_qr\",\"params\":" + ISV_PARAMS + "}").status()).as("the sub-app must exist").isEqualTo(404);
    }

    private static JsonNode ok(SandboxHttp.Answer answer) {
        return SandboxHttp.ok(answer);
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.get("data").forEach(object -> ids.add(object.get("id").asText()));
        return ids;
    }
}
