package org.pingppopenapi.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pingppopenapi.client.model.AppReference;
import org.pingppopenapi.client.model.ChargeCreateRequest;
import org.pingppopenapi.client.model.OrderCancelRequest;
import org.pingppopenapi.client.model.RefundCreateRequest;
import org.pingppopenapi.client.model.RefundFundingSource;
import org.pingppopenapi.client.param.ListChargesParams;
import org.pingppopenapi.validator.Violation;

/** What the client refuses to send, and that refusing it never touches the network. */
class PreflightChecksTest {

    private MockWebServer server;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static ChargeCreateRequest upacpCharge(String orderNo) {
        return new ChargeCreateRequest().orderNo(orderNo).app(new AppReference().id(MockApi.APP_ID)).channel("upacp")
                .amount(100L).clientIp("127.0.0.1").currency("cny").subject("Your Subject").body("Your Body");
    }

    @Test
    void aChannelRuleBrokenByTheBodyIsRefusedWithItsFieldAndRule() {
        PingppClient client = MockApi.clientFor(server).build();

        assertThatThrownBy(() -> client.charges().create(upacpCharge("1234567")))
                .asInstanceOf(type(InvalidRequestException.class))
                .satisfies(e -> {
                    assertThat(e.param()).isEqualTo("order_no");
                    assertThat(e.rule()).isEqualTo("charge.order_no.unionpay");
                    assertThat(e.httpStatus()).isZero();
                    assertThat(e.response()).isEmpty();
                    assertThat(e.getMessage()).startsWith("The request was not sent").contains("order_no [charge.order_no.unionpay]");
                });
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void everyViolationIsListed() {
        PingppClient client = MockApi.clientFor(server).build();
        ChargeCreateRequest broken = upacpCharge("1234567").clientIp("999.1.1.1").subject("一二三四五六七八九十一二");

        assertThatThrownBy(() -> client.charges().create(broken))
                .asInstanceOf(type(InvalidRequestException.class))
                .extracting(InvalidRequestException::violations, org.assertj.core.api.InstanceOfAssertFactories.list(Violation.class))
                .extracting(Violation::field)
                .contains("order_no", "client_ip", "subject");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void timeExpireIsMeasuredFromTheClientsClock() throws Exception {
        Clock clock = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);
        PingppClient client = MockApi.clientFor(server).clock(clock).build();

        assertThatThrownBy(() -> client.charges().create(upacpCharge("123456789").timeExpire(1_700_000_000L + 7200)))
                .asInstanceOf(type(InvalidRequestException.class))
                .extracting(InvalidRequestException::rule).isEqualTo("charge.time_expire.unionpay_one_hour");

        server.enqueue(MockApi.ok(MockApi.CHARGE));
        client.charges().create(upacpCharge("123456789").timeExpire(1_700_000_000L + 1800));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void validationCanBeTurnedOff() throws Exception {
        server.enqueue(MockApi.json(400, "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"order_no\",\"param\":\"order_no\"}}"));
        PingppClient client = MockApi.clientFor(server).preflight(PreflightMode.OFF).build();

        assertThatThrownBy(() -> client.charges().create(upacpCharge("1234567")))
                .asInstanceOf(type(InvalidRequestException.class))
                .satisfies(e -> {
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.param()).isEqualTo("order_no");
                    assertThat(e.violations()).isEmpty();
                });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aMissingBodyOrPathParameterIsRefusedEvenWithoutValidation() {
        PingppClient client = MockApi.clientFor(server).preflight(PreflightMode.OFF).build();

        assertThatThrownBy(() -> client.charges().create(null))
                .asInstanceOf(type(InvalidRequestException.class))
                .extracting(InvalidRequestException::rule).isEqualTo("schema.required");
        assertThatThrownBy(() -> client.charges().refunds().create(null, new RefundCreateRequest().description("x")))
                .asInstanceOf(type(InvalidRequestException.class))
                .extracting(InvalidRequestException::param).isEqualTo("charge_id");
        assertThat(server.getRequestCount()).isZero();
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", " ", ".", "..", "ch_1/refunds", "..\\charges"})
    void aPathParameterMustBeOneSegment(String chargeId) {
        PingppClient client = MockApi.clientFor(server).build();

        assertThatThrownBy(() -> client.charges().retrieve(chargeId))
                .asInstanceOf(type(InvalidRequestException.class))
                .extracting(InvalidRequestException::param).isEqualTo("charge_id");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aRequiredQueryParameterIsRefusedWhenMissing() {
        PingppClient client = MockApi.clientFor(server).build();

        assertThatThrownBy(() -> client.charges().list(null))
                .asInstanceOf(type(InvalidRequestException.class))
                .extracting(InvalidRequestException::param).isEqualTo("app[id]");
        assertThatThrownBy(() -> client.charges().list(ListChargesParams.builder().limit(10).build()))
                .asInstanceOf(type(InvalidRequestException.class))
                .satisfies(e -> {
                    assertThat(e.param()).isEqualTo("app[id]");
                    assertThat(e.getMessage()).contains(".appId(...)");
                });
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void anAppScopedOperationNeedsAnAppFromTheClientOrTheCall() throws Exception {
        PingppClient client = MockApi.clientFor(server).preflight(PreflightMode.OFF).build();

        assertThatThrownBy(() -> client.subApps().retrieve("app_q5eff1jHKqXP9qvr"))
                .asInstanceOf(type(InvalidRequestException.class))
                .satisfies(e -> {
                    assertThat(e.param()).isEqualTo("app_id");
                    assertThat(e.getMessage()).contains("RequestOptions.builder().appId(...)");
                });
        assertThat(server.getRequestCount()).isZero();

        server.enqueue(MockApi.ok("{\"id\":\"app_q5eff1jHKqXP9qvr\",\"object\":\"app\"}"));
        client.subApps().retrieve("app_q5eff1jHKqXP9qvr", RequestOptions.builder().appId(MockApi.APP_ID).build());
        assertThat(MockApi.take(server).getTarget()).isEqualTo("/v1/apps/" + MockApi.APP_ID + "/sub_apps/app_q5eff1jHKqXP9qvr");
    }

    @Test
    void anEnumValueReadAsUnknownCanNeverBeSent() {
        PingppClient client = MockApi.clientFor(server).preflight(PreflightMode.OFF).build();

        assertThatThrownBy(() -> client.orders().cancel("2001608270000004421",
                new OrderCancelRequest().status(OrderCancelRequest.StatusEnum.UNKNOWN_DEFAULT_OPEN_API)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("UNKNOWN_DEFAULT_OPEN_API stands for a value this client did not recognise");
        assertThatThrownBy(() -> client.charges().refunds().create(MockApi.CHARGE_ID,
                new RefundCreateRequest().description("x").fundingSource(RefundFundingSource.UNKNOWN_DEFAULT_OPEN_API)))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void metadataBeyondTheSpecsLimitIsRefused() {
        PingppClient client = MockApi.clientFor(server).build();
        Map<String, String> elevenPairs = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 11; i++) {
            elevenPairs.put("k" + i, "v");
        }

        assertThatThrownBy(() -> client.charges().create(upacpCharge("123456789").metadata(elevenPairs)))
                .asInstanceOf(type(InvalidRequestException.class))
                .extracting(InvalidRequestException::param).isEqualTo("metadata");
        assertThat(server.getRequestCount()).isZero();
    }
}
