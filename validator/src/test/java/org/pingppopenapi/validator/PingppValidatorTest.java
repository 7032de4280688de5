package org.pingppopenapi.validator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pingppopenapi.validation.PingppRules;

/** The Java API: kinds, models, the clock, paths and what happens with odd input. */
class PingppValidatorTest {

    private static final PingppValidator VALIDATOR = PingppValidator.fromSpec();
    private static final Instant NOW = Instant.ofEpochSecond(Fixtures.NOW);

    @PingppRules("OrderCancelRequest")
    record OrderCancel(@JsonProperty("status") String status) {
    }

    static class Unannotated {
    }

    @PingppRules("OrderCancelRequest")
    static class Exploding {
        @JsonProperty("status")
        public String getStatus() {
            throw new IllegalStateException("boom");
        }
    }

    @Test
    void everyKindOfTheCommandLineIsAKindOfTheSpec() {
        assertThat(RequestKind.values()).extracting(RequestKind::cliName).containsExactly("charge", "charge-refund", "recharge", "order",
                "order-pay", "order-cancel", "order-refund", "sub-app", "sub-app-update", "sub-app-channel", "sub-app-channel-update");
        assertThat(RequestKind.fromCliName("order-pay")).contains(RequestKind.ORDER_PAY);
        assertThat(RequestKind.fromCliName("ORDER_PAY")).isEmpty();
    }

    @Test
    void modelsAreValidatedAgainstTheSchemaTheirAnnotationNames() {
        assertThat(VALIDATOR.validate(new OrderCancel("canceled"), NOW)).isEmpty();
        assertThat(VALIDATOR.validate(new OrderCancel("paid"), NOW)).extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("status", "schema.enum"));
        assertThat(VALIDATOR.validate(new OrderCancel(null), NOW)).extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("status", "schema.required"));
    }

    @Test
    void aModelJacksonCannotSerializeIsOneViolationNotAnException() {
        assertThat(VALIDATOR.validate(new Exploding(), NOW)).extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("$", "model.serialization"));
    }

    @Test
    void aModelWithoutTheAnnotationIsAProgrammingError() {
        assertThatThrownBy(() -> VALIDATOR.validate(new Unannotated(), NOW)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PingppRules");
    }

    @Test
    void theClockGivesTheCreationTimeWhenNoneIsPassed() {
        ObjectNode order = Json.with(Fixtures.valid(RequestKind.ORDER), "time_expire", Fixtures.NOW + 86400);
        PingppValidator atNow = VALIDATOR.withClock(Clock.fixed(NOW, ZoneOffset.UTC));
        PingppValidator aSecondLater = VALIDATOR.withClock(Clock.fixed(NOW.minusSeconds(1), ZoneOffset.UTC));

        assertThat(atNow.validate(RequestKind.ORDER, order)).isEmpty();
        assertThat(aSecondLater.validate(RequestKind.ORDER, order)).extracting(Violation::rule).containsExactly("order.time_expire.range");
    }

    @Test
    void aPayloadThatIsNotAnObjectIsReportedAtTheRoot() {
        assertThat(VALIDATOR.validate(RequestKind.CHARGE, null, NOW)).extracting(Violation::field, Violation::rule, Violation::message)
                .containsExactly(tuple("$", "schema.type", "$ must be an object, is null (schema.type)"));
        assertThat(VALIDATOR.validate(RequestKind.CHARGE, MissingNode.getInstance(), NOW)).extracting(Violation::rule).containsExactly("schema.type");
        assertThat(VALIDATOR.validate(RequestKind.CHARGE, Json.node(java.util.List.of(1)), NOW)).extracting(Violation::message)
                .containsExactly("$ must be an object, is an array (schema.type)");
    }

    @Test
    void keysThatAreNotPlainNamesAreQuotedInPaths() {
        ObjectNode charge = Json.with(Fixtures.charge("alipay"), "metadata", Map.of("a.b \"c\"", 1));
        assertThat(VALIDATOR.validate(RequestKind.CHARGE, charge, NOW)).extracting(Violation::field)
                .containsExactly("metadata[\"a.b \\\"c\\\"\"]");
    }

    @Test
    void everyViolationIsFoundNotJustTheFirst() {
        ObjectNode charge = Json.object("{\"channel\":\"isv_qr\",\"amount\":-1,\"currency\":\"usd\",\"time_expire\":1}");
        assertThat(VALIDATOR.validate(RequestKind.CHARGE, charge, NOW)).extracting(Violation::field, Violation::rule).containsExactly(
                tuple("order_no", "schema.required"),
                tuple("app", "schema.required"),
                tuple("amount", "schema.minimum"),
                tuple("client_ip", "schema.required"),
                tuple("subject", "schema.required"),
                tuple("body", "schema.required"),
                tuple("currency", "charge.currency.domestic"),
                tuple("time_expire", "charge.time_expire.default"),
                tuple("extra", "charge.extra.isv_qr"));
    }

    @Test
    void numbersAreComparedExactly() {
        ObjectNode recharge = Fixtures.recharge("alipay");
        assertThat(VALIDATOR.validate(RequestKind.RECHARGE, Json.with(recharge, "charge.amount", new java.math.BigDecimal("1000000000.0")), NOW)).isEmpty();
        assertThat(VALIDATOR.validate(RequestKind.RECHARGE, Json.with(recharge, "charge.amount", new java.math.BigDecimal("1000000000.5")), NOW))
                .extracting(Violation::rule).containsExactlyInAnyOrder("schema.type");
        assertThat(VALIDATOR.validate(RequestKind.RECHARGE, Json.with(recharge, "charge.amount", Double.NaN), NOW))
                .extracting(Violation::rule).containsExactly("schema.type");
        assertThat(VALIDATOR.validate(RequestKind.ORDER, Json.with(Fixtures.valid(RequestKind.ORDER), "time_expire", new java.math.BigInteger("99999999999999999999999")), NOW))
                .extracting(Violation::rule).containsExactlyInAnyOrder("schema.format", "order.time_expire.range");
    }

    @Test
    void theBundledValidatorIsCompiledOnce() {
        assertThat(PingppValidator.fromSpec().ruleIds()).isSameAs(VALIDATOR.ruleIds());
    }
}
