package org.pingppopenapi.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pingppopenapi.client.model.AppReference;
import org.pingppopenapi.client.model.ChargeCreateRequest;
import org.slf4j.event.Level;

/** Pre-flight modes per client and per call, and the clock-skew allowance of {@code time_expire} rules. */
class PreflightModesTest {

    private static final long NOW = 1_700_000_000L;
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
    /** UnionPay: {@code time_expire} at most one hour after creation ({@code charge.time_expire.unionpay_one_hour}). */
    private static final long ONE_HOUR = 3600;

    private MockWebServer server;
    private CapturingLogger log;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        log = new CapturingLogger();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static ChargeCreateRequest shortOrderNo() {
        return new ChargeCreateRequest().orderNo("1234567").app(new AppReference().id(MockApi.APP_ID)).channel("upacp")
                .amount(100L).clientIp("127.0.0.1").currency("cny").subject("Your Subject").body("Your Body");
    }

    private static ChargeCreateRequest expiringAfter(long seconds) {
        return shortOrderNo().orderNo("123456789").timeExpire(NOW + seconds);
    }

    @Test
    void warnLogsEveryBrokenRuleAndSends() {
        server.enqueue(MockApi.ok(MockApi.CHARGE));
        PingppClient client = MockApi.clientFor(server).logger(log).preflight(PreflightMode.WARN).build();

        client.charges().create(shortOrderNo());

        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(log.texts(Level.WARN)).singleElement().asString()
                .startsWith("createCharge breaks 1 rule(s) of the Ping++ spec and is sent anyway")
                .contains("order_no [charge.order_no.unionpay]");
    }

    @Test
    void offSendsWithoutCheckingOrLogging() {
        server.enqueue(MockApi.ok(MockApi.CHARGE));
        PingppClient client = MockApi.clientFor(server).logger(log).preflight(PreflightMode.OFF).build();

        client.charges().create(shortOrderNo());

        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(log.texts(Level.WARN)).isEmpty();
    }

    @Test
    void aCallChoosesItsOwnMode() {
        server.enqueue(MockApi.ok(MockApi.CHARGE));
        server.enqueue(MockApi.ok(MockApi.CHARGE));
        PingppClient enforcing = MockApi.clientFor(server).logger(log).build();
        PingppClient lenient = MockApi.clientFor(server).logger(log).preflight(PreflightMode.OFF).build();

        enforcing.charges().create(shortOrderNo(), RequestOptions.builder().preflight(PreflightMode.WARN).build());
        enforcing.charges().create(shortOrderNo(), RequestOptions.builder().preflight(PreflightMode.OFF).build());
        assertThatThrownBy(() -> lenient.charges().create(shortOrderNo(),
                RequestOptions.builder().preflight(PreflightMode.ENFORCE).build()))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> enforcing.charges().create(shortOrderNo())).isInstanceOf(InvalidRequestException.class);

        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(log.texts(Level.WARN)).hasSize(1);
    }

    @Test
    void aTimeExpireJustBeyondItsRangeIsAllowedForTheClockSkew() {
        server.enqueue(MockApi.ok(MockApi.CHARGE));
        PingppClient client = MockApi.clientFor(server).clock(CLOCK).build();

        client.charges().create(expiringAfter(ONE_HOUR + 120));

        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aTimeExpireBeyondTheAllowanceIsRefused() {
        PingppClient client = MockApi.clientFor(server).clock(CLOCK).build();

        assertThatThrownBy(() -> client.charges().create(expiringAfter(ONE_HOUR + 301)))
                .isInstanceOf(InvalidRequestException.class)
                .extracting(e -> ((InvalidRequestException) e).rule()).isEqualTo("charge.time_expire.unionpay_one_hour");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void theAllowanceIsTheClients() {
        server.enqueue(MockApi.ok(MockApi.CHARGE));
        PingppClient exact = MockApi.clientFor(server).clock(CLOCK).clockSkewAllowance(Duration.ZERO).build();
        PingppClient generous = MockApi.clientFor(server).clock(CLOCK).clockSkewAllowance(Duration.ofMinutes(30)).build();

        assertThatThrownBy(() -> exact.charges().create(expiringAfter(ONE_HOUR + 1)))
                .isInstanceOf(InvalidRequestException.class);
        generous.charges().create(expiringAfter(ONE_HOUR + 1500));
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThatThrownBy(() -> MockApi.clientFor(server).clockSkewAllowance(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theAllowanceNeverExcusesARuleThatDoesNotDependOnTheTime() {
        PingppClient generous = MockApi.clientFor(server).clock(CLOCK).clockSkewAllowance(Duration.ofDays(3650)).build();

        assertThatThrownBy(() -> generous.charges().create(shortOrderNo()))
                .isInstanceOf(InvalidRequestException.class)
                .extracting(e -> ((InvalidRequestException) e).rule()).isEqualTo("charge.order_no.unionpay");
    }
}
