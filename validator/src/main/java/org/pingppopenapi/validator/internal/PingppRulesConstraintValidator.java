package org.pingppopenapi.validator.internal;

import jakarta.validation.ConstraintDeclarationException;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.List;
import org.pingppopenapi.validation.PingppRules;
import org.pingppopenapi.validator.Violation;

/**
 * Runs the rule engine for {@link PingppRules}. Registered in {@code META-INF/services/jakarta.validation.ConstraintValidator},
 * which Hibernate Validator reads, so the annotation itself names no validator.
 *
 * <p>Each violation becomes a constraint violation whose property path is the field path ({@code charge.order_no},
 * or the bean itself for {@code $}) and whose message names the field and the rule. {@code time_expire} is measured
 * from the time of the validator factory's {@code ClockProvider}.
 */
public final class PingppRulesConstraintValidator implements ConstraintValidator<PingppRules, Object> {

    private RuleEngine engine;
    private String schemaName;

    @Override
    public void initialize(PingppRules annotation) {
        engine = RuleEngine.bundled();
        schemaName = annotation.value();
        if (!engine.hasRequestSchema(schemaName)) {
            throw new ConstraintDeclarationException("@PingppRules(\"" + schemaName
                    + "\") names no request schema of the spec (a schema an operation takes as its JSON body)");
        }
    }

    @Override
    public boolean isValid(Object value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        long now = context.getClockProvider().getClock().instant().getEpochSecond();
        List<Violation> violations = engine.validateModel(schemaName, value, now);
        if (violations.isEmpty()) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        for (Violation violation : violations) {
            ConstraintValidatorContext.ConstraintViolationBuilder builder =
                    context.buildConstraintViolationWithTemplate(literalTemplate(violation.message()));
            if (violation.field().equals("$")) {
                builder.addConstraintViolation();
            } else {
                builder.addPropertyNode(violation.field()).addConstraintViolation();
            }
        }
        return false;
    }

    /** Escapes the characters message interpolation would act on, so no part of a message is ever evaluated. */
    static String literalTemplate(String message) {
        StringBuilder template = new StringBuilder(message.length() + 8);
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            if (c == '\\' || c == '{' || c == '}' || c == '$') {
                template.append('\\');
            }
            template.append(c);
        }
        return template.toString();
    }
}
