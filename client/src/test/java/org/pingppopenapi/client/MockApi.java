package org.pingppopenapi.client;

import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** Canned answers and small helpers for the MockWebServer tests. */
final class MockApi {

    static final String API_KEY = "sk_test_ibbTe5jLGCi5rzfH4OqPW9KC";
    static final String APP_ID = "app_1Gqj58ynP0mHeX1q";
    static final String CHARGE_ID = "ch_L8qn10mLmr1GS8e5OODmHaL4";

    static final String CHARGE = """
            {"id":"ch_L8qn10mLmr1GS8e5OODmHaL4","object":"charge","created":1410834527,"livemode":false,"paid":false,
             "refunded":false,"app":"app_1Gqj58ynP0mHeX1q","channel":"upacp","order_no":"123456789","amount":100,
             "currency":"cny","subject":"Your Subject","body":"Your Body","credential":{"object":"credential",
             "upacp":{"tn":"201409161028470000000","mode":"01"}}}""";

    private MockApi() {
    }

    static MockResponse json(int status, String body) {
        return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json").body(body).build();
    }

    static MockResponse ok(String body) {
        return json(200, body);
    }

    static PingppClient.Builder clientFor(MockWebServer server) {
        return PingppClient.builder()
                .apiKey(API_KEY)
                .baseUrl(server.url("/").toString())
                .retryDelays(java.time.Duration.ofMillis(1), java.time.Duration.ofMillis(20));
    }

    static RecordedRequest take(MockWebServer server) throws InterruptedException {
        RecordedRequest request = server.takeRequest(10, TimeUnit.SECONDS);
        if (request == null) {
            throw new AssertionError("The server received no request");
        }
        return request;
    }

    static String chargeList(boolean hasMore, String... ids) {
        StringBuilder data = new StringBuilder();
        for (String id : ids) {
            data.append(data.length() == 0 ? "" : ",").append(CHARGE.replace(CHARGE_ID, id));
        }
        return "{\"object\":\"list\",\"url\":\"/v1/charges\",\"has_more\":" + hasMore + ",\"data\":[" + data + "]}";
    }
}
