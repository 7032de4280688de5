package org.pingppopenapi.client.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.pingppopenapi.client.InvalidRequestException;
import org.pingppopenapi.client.PreflightMode;
import org.pingppopenapi.validation.PingppRules;
import org.pingppopenapi.validator.PingppValidator;
import org.pingppopenapi.validator.Violation;

/**
 * The checks made before a call sends anything:
 * <ul>
 *   <li>always: every path argument is given and is one path segment (not blank, not {@code .} or {@code ..},
 *       without {@code /} or {@code \}), the app of an app-scoped operation is known, the required query parameters
 *       and the required body are given;</li>
 *   <li>unless the mode is {@link PreflightMode#OFF}: a body whose model carries {@link PingppRules} satisfies every
 *       rule of its schema in the spec, as the validator judges it. A rule that depends on the time
 *       ({@code time_expire} ranges) is judged at the client's clock and at that clock moved by the allowed skew
 *       either way, and counts as broken only when it is broken at all three instants: a request the API could
 *       accept with a clock that far off is let through, for the API to judge.</li>
 * </ul>
 * A failed check is an {@link InvalidRequestException} listing every violation, and nothing is sent; in
 * {@link PreflightMode#WARN} broken rules are logged instead.
 */
final class Preflight {

    private final Clock clock;
    private final Duration skew;
    private final HttpLog log;

    Preflight(Clock clock, Duration skew, HttpLog log) {
        this.clock = clock;
        this.skew = skew;
        this.log = log;
    }

    void check(Operation<?> operation, String[] path, String appId, Query query, Object body, PreflightMode mode) {
        List<Violation> violations = new ArrayList<>();
        if (path.length != operation.pathArguments.length) {
            throw new IllegalArgumentException(operation + " takes " + operation.pathArguments.length
                    + " path arguments, got " + path.length);
        }
        for (int i = 0; i < path.length; i++) {
            checkPathSegment(operation.pathArguments[i], path[i], violations);
        }
        if (operation.appScoped) {
            if (appId == null) {
                violations.add(new Violation("app_id", "client.app_id", "app_id is required: give the app with"
                        + " PingppClient.builder().appId(...) or per call with RequestOptions.builder().appId(...)"));
            } else {
                checkPathSegment("app_id", appId, violations);
            }
        }
        for (int i = 0; i < operation.requiredQuery.length; i++) {
            if (!query.has(operation.requiredQuery[i])) {
                violations.add(new Violation(operation.requiredQuery[i], "schema.required", operation.requiredQuery[i]
                        + " is required (set it with ." + operation.requiredQuerySetters[i] + "(...))"));
            }
        }
        if (operation.bodyRequired && body == null) {
            violations.add(new Violation("body", "schema.required", "the request body is required"));
        }
        if (mode != PreflightMode.OFF && body != null && body.getClass().isAnnotationPresent(PingppRules.class)) {
            List<Violation> broken = rules(body);
            if (mode == PreflightMode.WARN && !broken.isEmpty()) {
                log.preflightWarning(operation, broken);
            } else {
                violations.addAll(broken);
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
    }

    private List<Violation> rules(Object body) {
        Instant now = clock.instant();
        PingppValidator validator = SpecRules.VALIDATOR;
        List<Violation> violations = validator.validate(body, now);
        if (violations.isEmpty() || skew.isZero()) {
            return violations;
        }
        Set<String> earlier = keys(validator.validate(body, now.minus(skew)));
        Set<String> later = keys(validator.validate(body, now.plus(skew)));
        return violations.stream().filter(violation -> earlier.contains(key(violation)) && later.contains(key(violation)))
                .toList();
    }

    private static Set<String> keys(List<Violation> violations) {
        Set<String> keys = new HashSet<>();
        violations.forEach(violation -> keys.add(key(violation)));
        return keys;
    }

    /** A violation by field and rule: its message may name the instant it was judged at. */
    private static String key(Violation violation) {
        return violation.field() + "\u0000" + violation.rule();
    }

    private static void checkPathSegment(String name, String value, List<Violation> violations) {
        if (value == null) {
            violations.add(new Violation(name, "schema.required", name + " is required"));
        } else if (value.isBlank()) {
            violations.add(new Violation(name, "schema.minLength", name + " must not be blank"));
        } else if (value.equals(".") || value.equals("..") || value.contains("/") || value.contains("\\")) {
            violations.add(new Violation(name, "client.path_segment", name + " must be one path segment, not '"
                    + value + "', which would address another resource"));
        }
    }

    /** The spec's rules, compiled once for every client, when a call first needs them. */
    private static final class SpecRules {
        static final PingppValidator VALIDATOR = PingppValidator.fromSpec();
    }
}
