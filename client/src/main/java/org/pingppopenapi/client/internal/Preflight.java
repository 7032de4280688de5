package org.pingppopenapi.client.internal;

import feign.Param;
import feign.QueryMap;
import feign.RequestLine;
import jakarta.annotation.Nonnull;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pingppopenapi.client.InvalidRequestException;
import org.pingppopenapi.validation.PingppRules;
import org.pingppopenapi.validator.PingppValidator;
import org.pingppopenapi.validator.Violation;

/**
 * The checks made before a generated API method sends anything, read once from the method's annotations:
 * <ul>
 *   <li>required arguments ({@code @Nonnull} in the generated code: path parameters, required query parameters,
 *       bodies) are not null, and required query parameters are present in a query map;</li>
 *   <li>path parameters are one path segment: not blank, not {@code .} or {@code ..}, without {@code /} or
 *       {@code \\} (Feign would send them unencoded, addressing another resource);</li>
 *   <li>when enabled, request bodies (the models annotated {@link PingppRules}) satisfy every rule of their schema in
 *       the spec, as the validator judges them.</li>
 * </ul>
 * A failed check is an {@link InvalidRequestException} listing every violation; nothing is sent.
 */
final class Preflight {

    private static final Pattern EXPRESSION = Pattern.compile("\\{([^}]+)}");
    private static final Pattern QUERY_PAIR = Pattern.compile("([^&=]+)=\\{([^}]+)}");

    private final List<Check> checks;
    private final int[] collectionQueryParameters;

    private Preflight(List<Check> checks, int[] collectionQueryParameters) {
        this.checks = checks;
        this.collectionQueryParameters = collectionQueryParameters;
    }

    static Preflight of(Method method, PingppValidator validator, Clock clock) {
        List<Check> checks = new ArrayList<>();
        RequestLine requestLine = method.getAnnotation(RequestLine.class);
        String line = requestLine != null ? requestLine.value() : "";
        String target = line.substring(line.indexOf(' ') + 1);
        int queryStart = target.indexOf('?');
        String path = queryStart < 0 ? target : target.substring(0, queryStart);
        List<String> pathVariables = new ArrayList<>();
        for (Matcher matcher = EXPRESSION.matcher(path); matcher.find(); ) {
            pathVariables.add(matcher.group(1));
        }
        Annotation[][] annotations = method.getParameterAnnotations();
        Class<?>[] types = method.getParameterTypes();
        List<Integer> collections = new ArrayList<>();
        for (int i = 0; i < types.length; i++) {
            int index = i;
            Param param = find(annotations[i], Param.class);
            String name = param != null ? param.value() : lowerFirst(types[i].getSimpleName());
            if (find(annotations[i], Nonnull.class) != null) {
                checks.add((args, violations) -> {
                    if (args[index] == null) {
                        violations.add(new Violation(name, "schema.required", name + " is required"));
                    }
                });
            }
            if (param != null && Collection.class.isAssignableFrom(types[i]) && !pathVariables.contains(param.value())) {
                collections.add(i);
            }
            if (param != null && pathVariables.contains(param.value())) {
                checks.add((args, violations) -> checkPathSegment(name, args[index], violations));
            }
            if (find(annotations[i], QueryMap.class) != null) {
                Map<String, String> required = requiredQueryKeys(method, queryStart < 0 ? "" : target.substring(queryStart + 1));
                checks.add((args, violations) -> checkQueryMap(required, args[index], violations));
            }
            if (validator != null && types[i].isAnnotationPresent(PingppRules.class)) {
                checks.add((args, violations) -> {
                    if (args[index] != null) {
                        violations.addAll(validator.validate(args[index], clock.instant()));
                    }
                });
            }
        }
        return new Preflight(List.copyOf(checks), collections.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * The arguments as Feign should see them: an empty list for a query parameter (such as {@code expand[]}) is
     * left out, as null is; Feign would otherwise send the parameter without a value.
     */
    Object[] normalize(Object[] args) {
        Object[] normalized = args;
        for (int index : collectionQueryParameters) {
            if (args[index] instanceof Collection<?> values && values.isEmpty()) {
                if (normalized == args) {
                    normalized = args.clone();
                }
                normalized[index] = null;
            }
        }
        return normalized;
    }

    /** Throws {@link InvalidRequestException} listing every broken check. */
    void verify(Object[] args) {
        if (checks.isEmpty()) {
            return;
        }
        List<Violation> violations = new ArrayList<>();
        for (Check check : checks) {
            check.apply(args, violations);
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
    }

    private static void checkPathSegment(String name, Object value, List<Violation> violations) {
        if (value == null) {
            return;
        }
        String text = value.toString();
        if (text.isBlank()) {
            violations.add(new Violation(name, "schema.minLength", name + " must not be blank"));
        } else if (text.equals(".") || text.equals("..") || text.contains("/") || text.contains("\\")) {
            violations.add(new Violation(name, "client.path_segment", name + " must be one path segment, not '"
                    + text + "', which would address another resource"));
        }
    }

    private static void checkQueryMap(Map<String, String> required, Object queryMap, List<Violation> violations) {
        Map<?, ?> query = queryMap instanceof Map<?, ?> map ? map : Map.of();
        required.forEach((key, name) -> {
            if (query.get(key) == null) {
                violations.add(new Violation(key, "schema.required", key + " is required (set it with ." + name + "(...))"));
            }
        });
    }

    /**
     * The query keys a query-map method requires, with the name of their setter: the generated interfaces pair each
     * query-map method with a method taking the same parameters one by one, whose {@code @Nonnull} marks the
     * required ones.
     */
    private static Map<String, String> requiredQueryKeys(Method queryMapMethod, String query) {
        Map<String, String> keyByVariable = new LinkedHashMap<>();
        for (Matcher matcher = QUERY_PAIR.matcher(query); matcher.find(); ) {
            keyByVariable.put(matcher.group(2), matcher.group(1));
        }
        Map<String, String> required = new LinkedHashMap<>();
        for (Method sibling : queryMapMethod.getDeclaringClass().getMethods()) {
            if (!sibling.getName().equals(queryMapMethod.getName()) || takesQueryMap(sibling)) {
                continue;
            }
            Annotation[][] annotations = sibling.getParameterAnnotations();
            for (Annotation[] parameter : annotations) {
                Param param = find(parameter, Param.class);
                if (param != null && find(parameter, Nonnull.class) != null && keyByVariable.containsKey(param.value())) {
                    required.put(keyByVariable.get(param.value()), param.value());
                }
            }
        }
        return Map.copyOf(required);
    }

    private static boolean takesQueryMap(Method method) {
        for (Annotation[] parameter : method.getParameterAnnotations()) {
            if (find(parameter, QueryMap.class) != null) {
                return true;
            }
        }
        return false;
    }

    private static <A extends Annotation> A find(Annotation[] annotations, Class<A> type) {
        for (Annotation annotation : annotations) {
            if (type.isInstance(annotation)) {
                return type.cast(annotation);
            }
        }
        return null;
    }

    private static String lowerFirst(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    @FunctionalInterface
    private interface Check {
        void apply(Object[] args, List<Violation> violations);
    }
}
