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
import java.util.LinkedHashMap;
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

    /** The naming rule gives the seed operations' bodies the names the command line has always had. */
    @Test
    void theSeedRequestBodiesKeepTheirKindNames() {
        Map<String, String> schemas = new LinkedHashMap<>();
        VALIDATOR.kinds().forEach(kind -> schemas.put(kind.name(), VALIDATOR.requestSchema(kind)));
        assertThat(schemas).containsAllEntriesOf(Map.ofEntries(
                Map.entry("charge", "ChargeCreateRequest"), Map.entry("charge-refund", "RefundCreateRequest"),
                Map.entry("recharge", "RechargeCreateRequest"), Map.entry("order", "OrderCreateRequest"),
                Map.entry("order-pay", "OrderPayRequest"), Map.entry("order-cancel", "OrderCancelRequest"),
                Map.entry("order-refund", "OrderRefundCreateRequest"), Map.entry("sub-app", "SubAppCreateRequest"),
                Map.entry("sub-app-update", "SubAppUpdateRequest"), Map.entry("sub-app-channel", "SubAppChannelCreateRequest"),
                Map.entry("sub-app-channel-update", "SubAppChannelUpdateRequest")));
        assertThat(VALIDATOR.kinds()).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void kindsAreNamesComparedByValue() {
        assertThat(RequestKind.named("order-pay")).isEqualTo(Kinds.ORDER_PAY).hasSameHashCodeAs(Kinds.ORDER_PAY).hasToString("order-pay");
        assertThat(RequestKind.named("order-pay").name()).isEqualTo("order-pay");
        assertThat(VALIDATOR.kinds()).contains(RequestKind.named("order-pay"));
    }

    @Test
    void aNameNoSpecCanHaveIsRefused() {
        for (String name : new String[] {"ORDER_PAY", "order_pay", "order-", "-pay", "", "order pay", "x".repeat(101)}) {
            assertThatThrownBy(() -> RequestKind.named(name)).as(name).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is not a request kind name");
        }
    }

    @Test
    void aKindTheSpecDoesNotHaveIsAClearError() {
        RequestKind widget = RequestKind.named("widget");
        assertThatThrownBy(() -> VALIDATOR.validate(widget, Json.object("{}"), NOW)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no request kind 'widget'").hasMessageContaining("charge, charge-refund");
        assertThatThrownBy(() -> VALIDATOR.requestSchema(widget)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'widget'");
    }

    @Test
    void ruleConditionsAreDecidedOnFormBodiesWhoseValuesAreStrings() {
        assertThat(VALIDATOR.ruleAppliesToForm("order_pay.channel.with_charge_amount", Json.object("{\"charge_amount\":\"10\"}"))).isTrue();
        assertThat(VALIDATOR.ruleAppliesToForm("order_pay.channel.with_charge_amount", Json.object("{\"charge_amount\":\"0\"}"))).isFalse();
        assertThat(VALIDATOR.ruleAppliesToForm("order_pay.channel.with_charge_amount", Json.object("{\"charge_amount\":\"ten\"}"))).isFalse();
        assertThat(VALIDATOR.ruleAppliesToForm("order_pay.channel.with_charge_amount", Json.object("{}"))).isFalse();
        assertThat(VALIDATOR.ruleAppliesToForm("sub_app_channel.banned_msg.when_banned", Json.object("{\"banned\":\"true\"}"))).isTrue();
        assertThat(VALIDATOR.ruleAppliesToForm("sub_app_channel.banned_msg.when_banned", Json.object("{\"banned\":\"false\"}"))).isFalse();
        assertThat(VALIDATOR.ruleAppliesToForm("charge.extra.isv_scan", Json.object("{\"channel\":\"isv_scan\"}"))).isTrue();
        assertThat(VALIDATOR.ruleAppliesToForm("charge.extra.isv_scan", Json.object("{\"channel\":\"isv_qr\"}"))).isFalse();
        assertThat(VALIDATOR.ruleAppliesToForm("charge.currency.domestic", Json.object("{\"channel\":\"upacp\"}"))).isTrue();
        assertThat(VALIDATOR.ruleAppliesToForm("charge.currency.domestic", Json.object("{\"channel\":\"paypal\"}"))).isFalse();
        assertThat(VALIDATOR.ruleAppliesToForm("recharge.custom_channel.user_zero", Json.object("{\"charge\":{\"channel\":\"custom\"}}"))).isTrue();
        assertThat(VALIDATOR.ruleAppliesToForm("recharge.custom_channel.user_zero", Json.object("{\"charge\":\"custom\"}"))).isFalse();
        assertThat(VALIDATOR.ruleAppliesToForm("order.uid.not_zero", Json.object("{}"))).as("a rule without when").isTrue();
        assertThatThrownBy(() -> VALIDATOR.ruleAppliesToForm("charge.order_no.unionpya", Json.object("{}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no rule charge.order_no.unionpya");
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
        ObjectNode order = Json.with(Fixtures.valid(Kinds.ORDER), "time_expire", Fixtures.NOW + 86400);
        PingppValidator atNow = VALIDATOR.withClock(Clock.fixed(NOW, ZoneOffset.UTC));
        PingppValidator aSecondLater = VALIDATOR.withClock(Clock.fixed(NOW.minusSeconds(1), ZoneOffset.UTC));

        assertThat(atNow.validate(Kinds.ORDER, order)).isEmpty();
        assertThat(aSecondLater.validate(Kinds.ORDER, order)).extracting(Violation::rule).containsExactly("order.time_expire.range");
    }

    @Test
    void aPayloadThatIsNotAnObjectIsReportedAtTheRoot() {
        assertThat(VALIDATOR.validate(Kinds.CHARGE, null, NOW)).extracting(Violation::field, Violation::rule, Violation::message)
                .containsExactly(tuple("$", "schema.type", "$ must be an object, is null (schema.type)"));
        assertThat(VALIDATOR.validate(Kinds.CHARGE, MissingNode.getInstance(), NOW)).extracting(Violation::rule).containsExactly("schema.type");
        assertThat(VALIDATOR.validate(Kinds.CHARGE, Json.node(java.util.List.of(1)), NOW)).extracting(Violation::message)
                .containsExactly("$ must be an object, is an array (schema.type)");
    }

    @Test
    void keysThatAreNotPlainNamesAreQuotedInPaths() {
        ObjectNode charge = Json.with(Fixtures.charge("alipay"), "metadata", Map.of("a.b \"c\"", 1));
        assertThat(VALIDATOR.validate(Kinds.CHARGE, charge, NOW)).extracting(Violation::field)
                .containsExactly("metadata[\"a.b \\\"c\\\"\"]");
    }

    @Test
    void everyViolationIsFoundNotJustTheFirst() {
        ObjectNode charge = Json.object("{\"channel\":\"isv_qr\",\"amount\":-1,\"currency\":\"usd\",\"time_expire\":1}");
        assertThat(VALIDATOR.validate(Kinds.CHARGE, charge, NOW)).extracting(Violation::field, Violation::rule).containsExactly(
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
        assertThat(VALIDATOR.validate(Kinds.RECHARGE, Json.with(recharge, "charge.amount", new java.math.BigDecimal("1000000000.0")), NOW)).isEmpty();
        assertThat(VALIDATOR.validate(Kinds.RECHARGE, Json.with(recharge, "charge.amount", new java.math.BigDecimal("1000000000.5")), NOW))
                .extracting(Violation::rule).containsExactlyInAnyOrder("schema.type");
        assertThat(VALIDATOR.validate(Kinds.RECHARGE, Json.with(recharge, "charge.amount", Double.NaN), NOW))
                .extracting(Violation::rule).containsExactly("schema.type");
        assertThat(VALIDATOR.validate(Kinds.ORDER, Json.with(Fixtures.valid(Kinds.ORDER), "time_expire", new java.math.BigInteger("99999999999999999999999")), NOW))
                .extracting(Violation::rule).containsExactlyInAnyOrder("schema.format", "order.time_expire.range");
    }

    @Test
    void theBundledValidatorIsCompiledOnce() {
        assertThat(PingppValidator.fromSpec().ruleIds()).isSameAs(VALIDATOR.ruleIds());
    }
}
