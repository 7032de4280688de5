package org.pingppopenapi.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.pingppopenapi.server.api.EventsApi;
import org.pingppopenapi.server.model.Event;
import org.pingppopenapi.server.model.EventList;

/**
 * Every failure becomes the Ping++ error body with the documented status: Bean Validation and the channel rules
 * (400 with {@code param}), bad JSON, wrong types, wrong content type, unknown routes and methods, oversized
 * bodies, errors an implementation throws, and unexpected exceptions (500 that reveals nothing). Where the spec
 * declares the status, the response is also validated against it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErrorMappingTest {

    private static final String API_KEY = "sk_test_ibbTe5jLGCi5rzfH4OqPW9KC";
    private static final String SECRET_IN_EXCEPTION = "database password is hunter2";

    private final SettableClock clock = new SettableClock(Instant.ofEpochSecond(1_700_000_000L));
    private EmbeddedServer server;
    private RawHttp http;
    private ObjectNode charge;

    /** The events resource fails on purpose: an unexpected exception, and a Ping++ error. */
    public static final class FailingEvents implements EventsApi {
        @Override
        public EventList listEvents(Integer limit, String startingAfter, String endingBefore, String type, Long createdGt,
                Long createdGte, Long createdLt, Long createdLte) {
            throw new IllegalStateException(SECRET_IN_EXCEPTION);
        }

        @Override
        public Event retrieveEvent(String eventId) {
            throw PingppErrorException.noSuchObject("event", eventId);
        }
    }

    @BeforeAll
    void startServer() {
        List<Object> resources = new ArrayList<>(new ExampleBackedResources().all());
        resources.removeIf(resource -> resource instanceof EventsApi);
        resources.add(new FailingEvents());
        PingppProviders providers = PingppProviders.builder(ApiKeyStore.of(API_KEY))
                .clock(clock)
                .maxRequestBodyBytes(16 * 1024)
                .build();
        server = EmbeddedServer.start(providers, resources);
        http = new RawHttp(server.baseUri());
        charge = (ObjectNode) SpecExamples.get().requestExample("createCharge").body();
    }

    @AfterAll
    void stopServer() {
        server.close();
    }

    @Test
    void aBrokenChannelRuleNamesTheFieldAndTheRule() throws Exception {
        ObjectNode request = charge.deepCopy().put("order_no", "A".repeat(41));

        RawHttp.Answer answer = post("/v1/charges", request.toString());

        JsonNode error = assertError(answer, 400, "invalid_request_error", "request_param_error", "order_no");
        assertThat(error.get("message").asText()).contains("charge.order_no.unionpay");
        assertSpecDeclares(answer, "POST", "/v1/charges");
    }

    @Test
    void aChannelRuleOnANestedFieldNamesItsJsonPath() throws Exception {
        ObjectNode request = charge.deepCopy().put("channel", "isv_scan").put("order_no", "2017080112345678");
        request.putObject("extra").put("scan_code", "286801346868493272");

        RawHttp.Answer answer = post("/v1/charges", request.toString());

        JsonNode error = assertError(answer, 400, "invalid_request_error", "request_param_error", "extra.terminal_id");
        assertThat(error.get("message").asText()).contains("charge.extra.isv_scan");
    }

    @Test
    void aTimeExpireRuleIsMeasuredFromTheServersClock() throws Exception {
        long now = clock.instant().getEpochSecond();
        ObjectNode inTime = charge.deepCopy().put("time_expire", now + 3600);
        ObjectNode tooLate = charge.deepCopy().put("time_expire", now + 3601);

        assertThat(post("/v1/charges", inTime.toString()).status()).isEqualTo(200);
        JsonNode error = assertError(post("/v1/charges", tooLate.toString()), 400, "invalid_request_error",
                "request_param_error", "time_expire");
        assertThat(error.get("message").asText()).contains("charge.time_expire.unionpay_one_hour");
    }

    @Test
    void aMissingRequiredFieldIsNamed() throws Exception {
        ObjectNode request = charge.deepCopy();
        request.remove("subject");

        assertError(post("/v1/charges", request.toString()), 400, "invalid_request_error", "request_param_error", "subject");
    }

    @Test
    void aValueOfTheWrongTypeIsNamed() throws Exception {
        ObjectNode request = charge.deepCopy().put("amount", "one hundred");

        JsonNode error = assertError(post("/v1/charges", request.toString()), 400, "invalid_request_error",
                "request_param_error", "amount");
        assertThat(error.get("message").asText()).isEqualTo("amount has a value of the wrong type");
    }

    @Test
    void aFractionalAmountIsNotTruncated() throws Exception {
        ObjectNode request = charge.deepCopy().put("amount", 99.5);

        assertError(post("/v1/charges", request.toString()), 400, "invalid_request_error", "request_param_error", "amount");
    }

    @Test
    void aValueOutsideAnEnumIsRejected() throws Exception {
        ObjectNode request = (ObjectNode) SpecExamples.get().requestExample("createOrderRefund").body();
        request.put("refund_mode", "to_the_moon");

        assertError(post("/v1/orders/2001608270000004421/order_refunds", request.toString()), 400,
                "invalid_request_error", "request_param_error", "refund_mode");
    }

    @Test
    void malformedJsonIsA400WithoutParam() throws Exception {
        RawHttp.Answer answer = post("/v1/charges", "{\"order_no\": \"123456789\",");

        JsonNode error = assertError(answer, 400, "invalid_request_error", null, null);
        assertThat(error.get("message").asText()).startsWith("The request body is not valid JSON");
        assertSpecDeclares(answer, "POST", "/v1/charges");
    }

    @Test
    void anEmptyBodyIsA400() throws Exception {
        JsonNode error = assertError(post("/v1/charges", ""), 400, "invalid_request_error", null, null);
        assertThat(error.get("message").asText()).startsWith("The request body is required");
    }

    @Test
    void aJsonArrayInsteadOfAnObjectIsA400() throws Exception {
        assertError(post("/v1/charges", "[]"), 400, "invalid_request_error", null, null);
    }

    @Test
    void aWrongContentTypeIs415() throws Exception {
        RawHttp.Answer answer = RawHttp.send(http.request("POST", "/v1/charges", "order_no=123456789",
                "Content-Type", "application/x-www-form-urlencoded", "Authorization", RawHttp.bearer(API_KEY)));

        JsonNode error = assertError(answer, 415, "invalid_request_error", null, null);
        assertThat(error.get("message").asText()).contains("application/x-www-form-urlencoded");
    }

    /** Left to Jersey, a Content-Type or Accept that is no media type failed deep inside it, answered as a 500. */
    @Test
    void aContentTypeOrAcceptThatIsNoMediaTypeIsRefusedNamingTheHeader() throws Exception {
        for (String contentType : List.of("foo", "/", ";", "application/json, text/plain")) {
            RawHttp.Answer answer = RawHttp.send(http.request("POST", "/v1/charges", charge.toString(),
                    "Content-Type", contentType, "Authorization", RawHttp.bearer(API_KEY)));

            JsonNode error = assertError(answer, 415, "invalid_request_error", null, null);
            assertThat(error.get("message").asText()).as(contentType).startsWith("Content-Type '" + contentType + "'");
        }
        RawHttp.Answer accept = RawHttp.send(http.request("GET", "/v1/events", null, "Accept", ";;",
                "Authorization", RawHttp.bearer(API_KEY)));

        JsonNode error = assertError(accept, 406, "invalid_request_error", null, null);
        assertThat(error.get("message").asText()).startsWith("Accept ';;'");
    }

    /** Jackson's read limits (numbers of 1000 digits, nesting 1000 deep) once surfaced as a 500. */
    @Test
    void jsonPastTheReaderLimitsIsA400() throws Exception {
        String longNumber = charge.toString().replace("\"amount\":100", "\"amount\":" + "9".repeat(1500));
        String deep = charge.deepCopy().put("channel", "upacp").toString()
                .replaceFirst("\\{", "{\"extra\":" + "{\"a\":".repeat(1100) + "1" + "}".repeat(1100) + ",");

        for (String body : List.of(longNumber, deep)) {
            JsonNode error = assertError(post("/v1/charges", body), 400, "invalid_request_error", null, null);
            assertThat(error.get("message").asText()).startsWith("The request body is too large to read as JSON: ")
                    .doesNotContain("StreamReadConstraints");
        }
    }

    @Test
    void anUnknownRouteIs404() throws Exception {
        RawHttp.Answer answer = get("/v1/no_such_things/1");

        JsonNode error = assertError(answer, 404, "invalid_request_error", null, null);
        assertThat(error.get("message").asText()).isEqualTo("Unrecognized request URL (GET: /v1/no_such_things/1).");
    }

    @Test
    void aMethodTheRouteDoesNotHaveIs405WithAllow() throws Exception {
        RawHttp.Answer answer = RawHttp.send(http.request("DELETE", "/v1/charges", null, "Authorization", RawHttp.bearer(API_KEY)));

        assertError(answer, 405, "invalid_request_error", null, null);
        assertThat(answer.header("Allow")).contains("GET").contains("POST");
    }

    @Test
    void aQueryParameterOutOfRangeIsNamedByItsWireName() throws Exception {
        RawHttp.Answer answer = get("/v1/charges?app%5Bid%5D=app_1Gqj58ynP0mHeX1q&limit=101");

        JsonNode error = assertError(answer, 400, "invalid_request_error", "request_param_error", "limit");
        assertThat(error.get("message").asText()).startsWith("limit ");
        assertSpecDeclares(answer, "GET", "/v1/charges");
    }

    @Test
    void aMissingBracketedQueryParameterIsNamedAsSent() throws Exception {
        assertError(get("/v1/charges?limit=3"), 400, "invalid_request_error", "request_param_error", "app[id]");
    }

    @Test
    void aQueryParameterThatIsNotANumberIsA400NotA404() throws Exception {
        assertError(get("/v1/charges?app%5Bid%5D=app_1Gqj58ynP0mHeX1q&limit=ten"), 400, "invalid_request_error",
                "request_param_error", "limit");
    }

    @Test
    void aBodyOverTheLimitIs413() throws Exception {
        ObjectNode request = charge.deepCopy().put("description", "x".repeat(20 * 1024));

        assertError(post("/v1/charges", request.toString()), 413, "invalid_request_error", null, null);
    }

    @Test
    void aQueryValueOutsideTheSpecsEnumNamesItsParameter() throws Exception {
        JsonNode type = assertError(get("/v1/orders?app=app_1Gqj58ynP0mHeX1q&type=bogus"), 400, "invalid_request_error",
                "request_param_error", "type");
        assertThat(type.get("message").asText()).isEqualTo("type must be one of [purchase, recharge], not bogus.");
        assertError(get("/v1/orders?app=app_1Gqj58ynP0mHeX1q&canceled=2"), 400, "invalid_request_error",
                "request_param_error", "canceled");
        assertError(get("/v1/orders/2001708140000017551/order_refunds?status=done"), 400, "invalid_request_error",
                "request_param_error", "status");
        assertError(get("/v1/charges/ch_L8qn10mLmr1GS8e5OODmHaL4?expand%5B%5D=app&expand%5B%5D=user"), 400,
                "invalid_request_error", "request_param_error", "expand[]");
    }

    @Test
    void queryValuesOfTheSpecsEnumPass() throws Exception {
        assertThat(get("/v1/orders?app=app_1Gqj58ynP0mHeX1q&type=recharge&canceled=1").status()).isEqualTo(200);
        assertThat(get("/v1/charges/ch_L8qn10mLmr1GS8e5OODmHaL4?expand%5B%5D=app").status()).isEqualTo(200);
    }

    @Test
    void aChunkedBodyOverTheLimitIs413() throws Exception {
        byte[] body = charge.deepCopy().put("description", "x".repeat(20 * 1024)).toString().getBytes(StandardCharsets.UTF_8);
        // A publisher of unknown length: the JDK client sends the body chunked, with no Content-Length.
        java.net.http.HttpRequest.Builder request = http.request("POST", "/v1/charges", null,
                "Content-Type", "application/json; charset=utf-8", "Authorization", RawHttp.bearer(API_KEY))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)));

        assertError(RawHttp.send(request), 413, "invalid_request_error", null, null);
    }

    @Test
    void aPingppErrorThrownByTheImplementationIsAnsweredAsIs() throws Exception {
        RawHttp.Answer answer = get("/v1/events/evt_missing");

        JsonNode error = assertError(answer, 404, "invalid_request_error", null, "id");
        assertThat(error.get("message").asText()).isEqualTo("No such event: evt_missing");
        assertSpecDeclares(answer, "GET", "/v1/events/evt_missing");
    }

    @Test
    void anUnexpectedExceptionIsA500ThatRevealsNothing() throws Exception {
        RawHttp.Answer answer = get("/v1/events");

        JsonNode error = assertError(answer, 500, "api_error", null, null);
        assertThat(error.get("message").asText()).isEqualTo("An error occurred on the Ping++ servers. Try again later.");
        assertThat(answer.body()).doesNotContain("hunter2").doesNotContain("IllegalStateException").doesNotContain("at org.");
        assertSpecDeclares(answer, "GET", "/v1/events");
    }

    @Test
    void aRequestAskingForHtmlStillGetsJson() throws Exception {
        RawHttp.Answer answer = RawHttp.send(http.request("GET", "/v1/no_such_things", null,
                "Accept", "text/html", "Authorization", RawHttp.bearer(API_KEY)));

        assertThat(answer.header("Content-Type")).startsWith("application/json");
        assertThat(answer.body()).doesNotContain("<html");
    }

    private RawHttp.Answer post(String path, String json) throws Exception {
        return RawHttp.send(http.request("POST", path, json, "Content-Type", "application/json; charset=utf-8",
                "Authorization", RawHttp.bearer(API_KEY)));
    }

    private RawHttp.Answer get(String pathAndQuery) throws Exception {
        return RawHttp.send(http.request("GET", pathAndQuery, null, "Authorization", RawHttp.bearer(API_KEY)));
    }

    /** Asserts the status and the error body; null for code or param means JSON null. */
    private static JsonNode assertError(RawHttp.Answer answer, int status, String type, String code, String param)
            throws Exception {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        JsonNode error = answer.error();
        assertThat(error).as(answer.body()).isNotNull();
        assertThat(error.get("type").asText()).isEqualTo(type);
        assertThat(error.get("message").asText()).isNotBlank();
        assertThat(error.get("code").isNull() ? null : error.get("code").asText()).as("code").isEqualTo(code);
        assertThat(error.get("param").isNull() ? null : error.get("param").asText()).as("param").isEqualTo(param);
        return error;
    }

    /** The response obeys the real spec for the operation (its status is declared, its body is an {@code Error}). */
    private static void assertSpecDeclares(RawHttp.Answer answer, String method, String path) {
        assertThat(SpecValidation.validateResponse(method, path, answer.status(),
                Map.of("Content-Type", answer.response().headers().allValues("Content-Type")),
                answer.body().getBytes(StandardCharsets.UTF_8)).getMessages()).isEmpty();
    }
}
