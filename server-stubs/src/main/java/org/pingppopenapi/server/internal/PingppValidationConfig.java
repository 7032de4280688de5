package org.pingppopenapi.server.internal;

import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.ws.rs.ext.ContextResolver;
import java.lang.annotation.ElementType;
import java.time.Clock;
import java.util.Objects;
import org.glassfish.jersey.server.validation.ValidationConfig;
import org.pingppopenapi.validation.PingppRules;

/**
 * How Jersey's Bean Validation checks requests:
 * <ul>
 *   <li>with the server's clock, which the channel rules measure {@code time_expire} from (the creation time of the
 *       request), so a test or a sandbox with its own clock validates as of that clock;</li>
 *   <li>a request body annotated {@link PingppRules} is checked once, by that class-level constraint: the rule
 *       engine enforces every constraint of the body's schema in the spec (the ones the generator also wrote as
 *       field annotations, and the channel rules), so Hibernate Validator does not walk the body's fields and nested
 *       objects to check the same constraints again. Parameters and other beans are validated as usual.</li>
 * </ul>
 */
public final class PingppValidationConfig implements ContextResolver<ValidationConfig> {

    private final ValidationConfig config;

    public PingppValidationConfig(Clock clock) {
        Objects.requireNonNull(clock, "clock");
        this.config = new ValidationConfig()
                .clockProvider(() -> clock)
                .traversableResolver(new SkipFieldsOfRuleCheckedBodies());
    }

    @Override
    public ValidationConfig getContext(Class<?> type) {
        return config;
    }

    /** Reaches into everything but the fields of a {@link PingppRules} body, which the engine checks as a whole. */
    static final class SkipFieldsOfRuleCheckedBodies implements TraversableResolver {

        private static final ClassValue<Boolean> RULE_CHECKED = new ClassValue<>() {
            @Override
            protected Boolean computeValue(Class<?> type) {
                for (Class<?> c = type; c != null; c = c.getSuperclass()) {
                    if (c.isAnnotationPresent(PingppRules.class)) {
                        return true;
                    }
                }
                return false;
            }
        };

        @Override
        public boolean isReachable(Object traversableObject, Path.Node traversableProperty, Class<?> rootBeanType,
                Path pathToTraversableObject, ElementType elementType) {
            return traversableObject == null || !RULE_CHECKED.get(traversableObject.getClass());
        }

        @Override
        public boolean isCascadable(Object traversableObject, Path.Node traversableProperty, Class<?> rootBeanType,
                Path pathToTraversableObject, ElementType elementType) {
            return isReachable(traversableObject, traversableProperty, rootBeanType, pathToTraversableObject, elementType);
        }
    }
}
