package org.pingppopenapi.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.pingppopenapi.server.model.AppReference;
import org.pingppopenapi.server.model.ChargeCreateRequest;
import org.pingppopenapi.validation.PingppRules;

/** A {@link PingppRules} body is checked once, by the rule engine; other beans field by field as usual. */
class PingppValidationConfigTest {

    /** A UnionPay charge with an order_no too short and not alphanumeric, and no subject. */
    private static ChargeCreateRequest brokenCharge() {
        return new ChargeCreateRequest()
                .orderNo("a-1")
                .app(new AppReference().id("app_1Gqj58ynP0mHeX1q"))
                .channel("upacp")
                .amount(100L)
                .clientIp("127.0.0.1")
                .currency("cny")
                .body("Your Body");
    }

    @Test
    void aRuleCheckedBodyIsReportedByTheEngineAloneAndInFull() {
        Set<ConstraintViolation<ChargeCreateRequest>> violations = validate(true, brokenCharge());

        assertThat(violations).isNotEmpty()
                .allSatisfy(violation -> assertThat(violation.getConstraintDescriptor().getAnnotation()).isInstanceOf(PingppRules.class));
        assertThat(violations.stream().map(ConstraintViolation::getMessage).collect(Collectors.joining("\n")))
                .contains("order_no", "schema.pattern", "charge.order_no.unionpay", "subject", "schema.required");
    }

    @Test
    void withoutItHibernateValidatorChecksTheSameFieldsAgain() {
        Set<ConstraintViolation<ChargeCreateRequest>> violations = validate(false, brokenCharge());

        assertThat(violations).anySatisfy(violation ->
                assertThat(violation.getConstraintDescriptor().getAnnotation()).isNotInstanceOf(PingppRules.class));
    }

    @Test
    void otherBeansAreStillCheckedFieldByField() {
        Set<ConstraintViolation<AppReference>> violations = validate(true, new AppReference());

        assertThat(violations).extracting(violation -> violation.getPropertyPath().toString()).containsExactly("id");
    }

    private static <T> Set<ConstraintViolation<T>> validate(boolean skipRuleCheckedFields, T bean) {
        var configuration = Validation.byDefaultProvider().configure();
        if (skipRuleCheckedFields) {
            configuration.traversableResolver(new PingppValidationConfig.SkipFieldsOfRuleCheckedBodies());
        }
        try (ValidatorFactory factory = configuration.buildValidatorFactory()) {
            return factory.getValidator().validate(bean);
        }
    }
}
