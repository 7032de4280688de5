package org.pingppopenapi.validator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.ValidationException;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pingppopenapi.validation.PingppRules;

/**
 * A plain {@code Validator.validate(request)} enforces the channel rules on any class annotated {@link PingppRules},
 * through the constraint validator Hibernate Validator loads from {@code META-INF/services}. The beans below are
 * written the way the generators write request models: snake_case {@code @JsonProperty} names, required fields
 * written even when null.
 */
class BeanValidationTest {

    private static final Instant NOW = Instant.ofEpochSecond(Fixtures.NOW);
    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void createValidator() {
        factory = Validation.byDefaultProvider().configure()
                .clockProvider(() -> Clock.fixed(NOW, ZoneOffset.UTC))
                .buildValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @PingppRules("ChargeCreateRequest")
    static class ChargeCreateRequest {
        @JsonProperty("order_no")
        @JsonInclude(JsonInclude.Include.ALWAYS)
        String orderNo;
        @JsonProperty("app")
        @JsonInclude(JsonInclude.Include.ALWAYS)
        AppReference app;
        @JsonProperty("channel")
        @JsonInclude(JsonInclude.Include.ALWAYS)
        String channel;
        @JsonProperty("amount")
        @JsonInclude(JsonInclude.Include.ALWAYS)
        Long amount;
        @JsonProperty("client_ip")
        @JsonInclude(JsonInclude.Include.ALWAYS)
        String clientIp;
        @JsonProperty("currency")
        @JsonInclude(JsonInclude.Include.ALWAYS)
        String currency;
        @JsonProperty("subject")
        @JsonInclude(JsonInclude.Include.ALWAYS)
        String subject;
        @JsonProperty("body")
        @JsonInclude(JsonInclude.Include.ALWAYS)
        String body;
        @JsonProperty("extra")
        @JsonInclude(JsonInclude.Include.USE_DEFAULTS)
        Map<String, Object> extra;
        @JsonProperty("time_expire")
        @JsonInclude(JsonInclude.Include.USE_DEFAULTS)
        Long timeExpire;
        @JsonProperty("metadata")
        @JsonInclude(JsonInclude.Include.USE_DEFAULTS)
        Map<String, String> metadata;
        @JsonProperty("description")
        @JsonInclude(JsonInclude.Include.USE_DEFAULTS)
        String description;

        static ChargeCreateRequest upacp() {
            ChargeCreateRequest charge = new ChargeCreateRequest();
            charge.orderNo = "123456789";
            charge.app = new AppReference("app_1Gqj58ynP0mHeX1q");
            charge.channel = "upacp";
            charge.amount = 100L;
            charge.clientIp = "127.0.0.1";
            charge.currency = "cny";
            charge.subject = "Your Subject";
            charge.body = "Your Body";
            return charge;
        }
    }

    record AppReference(@JsonProperty("id") String id) {
    }

    /** A server-side model: the same schema, another class. */
    @PingppRules("RechargeCreateRequest")
    record RechargeCreateRequest(@JsonProperty("user") String user, @JsonProperty("charge") Map<String, Object> charge,
                                 @JsonProperty("user_fee") Long userFee) {
    }

    @PingppRules("NoSuchRequest")
    static class Misnamed {
        @JsonProperty("x")
        String x = "y";
    }

    @Test
    void aValidModelHasNoViolations() {
        assertThat(validator.validate(ChargeCreateRequest.upacp())).isEmpty();
    }

    @Test
    void eachBrokenRuleIsOneViolationWithTheFieldAsPropertyPathAndTheRuleInItsMessage() {
        ChargeCreateRequest charge = ChargeCreateRequest.upacp();
        charge.orderNo = "1234567";
        charge.subject = "测".repeat(11);
        charge.timeExpire = Fixtures.NOW + 3601;

        Set<ConstraintViolation<ChargeCreateRequest>> violations = validator.validate(charge);

        assertThat(violations).extracting(v -> v.getPropertyPath().toString(), ConstraintViolation::getMessage)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("order_no", "order_no must have at least 8 characters, has 7 (charge.order_no.unionpay)"),
                        org.assertj.core.groups.Tuple.tuple("subject", "subject must be at most 32 bytes in UTF-8, is 33 (charge.subject.unionpay_bytes)"),
                        org.assertj.core.groups.Tuple.tuple("time_expire",
                                "time_expire must be 60 to 3600 seconds after the creation time 1700000000, is 3601 seconds after it (charge.time_expire.unionpay_one_hour)"));
        assertThat(violations).allSatisfy(v -> assertThat(v.getConstraintDescriptor().getAnnotation()).isInstanceOf(PingppRules.class));
    }

    @Test
    void nestedFieldsAreReportedWithTheirDottedPath() {
        ChargeCreateRequest charge = ChargeCreateRequest.upacp();
        charge.channel = "isv_scan";
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("scan_code", "286801346868493272");
        extra.put("terminal_id", "SH008");
        extra.put("goods_list", List.of(Map.of("goods_id", "g1", "goods_name", "iPhone", "goods_num", 1)));
        charge.extra = extra;

        assertThat(validator.validate(charge)).extracting(v -> v.getPropertyPath().toString())
                .containsExactly("extra.goods_list[0].price");
    }

    @Test
    void requiredFieldsLeftNullAreMissingAndOptionalOnesAreNotSet() {
        ChargeCreateRequest charge = ChargeCreateRequest.upacp();
        charge.orderNo = null;
        charge.description = null;

        assertThat(validator.validate(charge)).extracting(ConstraintViolation::getMessage)
                .containsExactly("order_no is required (schema.required)");
    }

    @Test
    void timeExpireIsMeasuredFromTheFactorysClock() {
        ChargeCreateRequest charge = ChargeCreateRequest.upacp();
        charge.timeExpire = Fixtures.NOW + 3600;
        assertThat(validator.validate(charge)).isEmpty();

        try (ValidatorFactory later = Validation.byDefaultProvider().configure()
                .clockProvider(() -> Clock.fixed(NOW.minusSeconds(1), ZoneOffset.UTC)).buildValidatorFactory()) {
            assertThat(later.getValidator().validate(charge)).extracting(v -> v.getPropertyPath().toString()).containsExactly("time_expire");
        }
    }

    @Test
    void serverModelsOfOtherSchemasAreCheckedByTheirOwnSchema() {
        RechargeCreateRequest recharge = new RechargeCreateRequest("test_user_02",
                Map.of("amount", 1000, "channel", "custom", "order_no", "20161000167", "subject", "s", "body", "b"), 1001L);

        assertThat(validator.validate(recharge)).extracting(ConstraintViolation::getMessage).containsExactlyInAnyOrder(
                "user must be one of \"0\" (recharge.custom_channel.user_zero)",
                "user_fee must not be above charge.amount (1000), is 1001 (recharge.user_fee.at_most_amount)");
    }

    @Test
    void messagesAreNeverInterpolated() {
        ChargeCreateRequest charge = ChargeCreateRequest.upacp();
        charge.metadata = Map.of("${1+1}{x}", "v".repeat(1000));

        assertThat(validator.validate(charge)).extracting(ConstraintViolation::getMessage)
                .containsExactly("metadata must hold at most 1000 characters in its keys and values, holds 1009 (metadata.total_length)");
        charge.metadata = Map.of("${1+1}", "v");
        charge.subject = null;
        assertThat(validator.validate(charge)).extracting(ConstraintViolation::getMessage).containsExactly("subject is required (schema.required)");
    }

    @Test
    void anAnnotationNamingNoRequestSchemaFailsLoudly() {
        assertThatThrownBy(() -> validator.validate(new Misnamed()))
                .isInstanceOf(ValidationException.class)
                .hasStackTraceContaining("NoSuchRequest");
    }
}
