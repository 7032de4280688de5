package org.pingppopenapi.validation;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Holds the annotated request model to its schema in the Ping++ OpenAPI document: the schema's own constraints
 * and every channel rule ({@code x-pingpp-rules}) of the schema and of the schemas nested in it.
 *
 * <p>The spec attaches this annotation to the generated request models through {@code x-class-extra-annotation},
 * for example {@code @PingppRules("ChargeCreateRequest")}. The validator is not named here: it is registered
 * with Bean Validation by the {@code pingpp-validator} artifact (a {@code META-INF/services} entry that
 * Hibernate Validator loads), so models depend on this small artifact only. Without {@code pingpp-validator}
 * on the class path, validating an annotated object fails with "no validator could be found".
 *
 * <p>Each broken rule is reported as its own violation, with the field path (such as {@code charge.order_no}) as
 * property path and a message that names the field and the rule.
 */
@Documented
@Constraint(validatedBy = {})
@Target({TYPE, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface PingppRules {

    /** The name of the request schema in {@code components.schemas}, such as {@code ChargeCreateRequest}. */
    String value();

    String message() default "breaks the Ping++ rules of its schema";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
