package org.pingppopenapi.prism;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class against a Prism mock of {@link #spec()}, injected as a {@link PrismServer} parameter.
 * Classes asking for the same spec and options share one server for the whole test run.
 *
 * <pre>{@code
 * @WithPrism(spec = "spec/target/pingpp-openapi.yaml")
 * class ChargesContractTest {
 *     @Test
 *     void createsACharge(PrismServer prism) { ... prism.baseUri() ... }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(PrismExtension.class)
public @interface WithPrism {

    /** The OpenAPI document, relative to the repository root (the directory with package.json). */
    String spec();

    /** See {@link PrismOptions#errors()}. */
    boolean errors() default true;

    /** See {@link PrismOptions#dynamic()}. */
    boolean dynamic() default false;

    /** See {@link PrismOptions#extraArgs()}. */
    String[] extraArgs() default {};

    /** See {@link PrismOptions#startupTimeout()}. */
    int startupTimeoutSeconds() default 60;
}
