package org.pingppopenapi.server.internal;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.pingppopenapi.server.PingppErrorException;
import org.pingppopenapi.validation.PingppRules;

/**
 * Turns the Bean Validation failures of a resource method call into one Ping++ error whose {@code param} is the
 * field as the client wrote it: the wire name of a query or path parameter ({@code limit}, {@code app[id]}), or
 * the JSON path inside the body ({@code order_no}, {@code extra.terminal_id}, {@code goods_list[0].price}).
 *
 * <p>Bean Validation names body fields by their Java properties ({@code orderNo}); they are mapped back to the
 * JSON names through the same Jackson mapping the body was read with. The channel rules of {@link PingppRules}
 * already report JSON paths and are kept as they are. When several constraints fail, the error names the first
 * field in alphabetical order, preferring the channel rules' message (it names the rule) over a generic one, so
 * the same request always gets the same answer.
 */
public final class ViolationTranslator {

    private static final Pattern JAVA_IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

    private final ObjectMapper mapper;

    public ViolationTranslator(ObjectMapper mapper) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    /** True when a violation is about what a resource method returned: a server bug, not a bad request. */
    public static boolean concernsReturnValue(ConstraintViolation<?> violation) {
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }

    /** The 400 error for a non-empty set of request violations. */
    public PingppErrorException toError(Set<? extends ConstraintViolation<?>> violations) {
        List<Translated> translated = violations.stream()
                .map(this::translate)
                .sorted(Comparator.comparing((Translated t) -> t.param == null ? "" : t.param)
                        .thenComparing(t -> !t.fromChannelRules)
                        .thenComparing(t -> t.message))
                .toList();
        if (translated.isEmpty()) {
            throw new IllegalArgumentException("No violations to report");
        }
        Translated first = translated.get(0);
        long others = translated.stream().map(t -> t.param).distinct().count() - 1;
        String message = others == 0 ? first.message
                : first.message + " (and " + others + " more invalid parameter" + (others == 1 ? "" : "s") + ")";
        if (first.param == null) {
            return ErrorResponses.invalidRequest(400, message);
        }
        return PingppErrorException.invalidParameter(first.param, message);
    }

    private Translated translate(ConstraintViolation<?> violation) {
        boolean fromChannelRules = violation.getConstraintDescriptor().getAnnotation() instanceof PingppRules;
        String param = paramOf(violation);
        String message;
        if (fromChannelRules) {
            message = violation.getMessage();
        } else if (param == null) {
            message = "The request body is required: send the parameters as a JSON object.";
        } else {
            message = param + " " + violation.getMessage();
        }
        return new Translated(param, message, fromChannelRules);
    }

    /** The field as the client wrote it, or null for the body as a whole. */
    private String paramOf(ConstraintViolation<?> violation) {
        Deque<Path.Node> nodes = new ArrayDeque<>();
        violation.getPropertyPath().forEach(nodes::add);
        Method method = null;
        // A bean validated on its own starts at its class; a method call's path starts at the method.
        JavaType type = mapper.constructType(violation.getRootBeanClass());
        StringBuilder param = new StringBuilder();
        while (!nodes.isEmpty()) {
            Path.Node node = nodes.removeFirst();
            switch (node.getKind()) {
                case METHOD -> {
                    method = resourceMethod(violation.getRootBeanClass(), node.as(Path.MethodNode.class));
                    type = null;
                }
                case PARAMETER -> {
                    int index = node.as(Path.ParameterNode.class).getParameterIndex();
                    String wireName = method == null ? null : wireName(method, index);
                    if (wireName != null) {
                        return wireName;
                    }
                    type = method == null ? null : mapper.constructType(method.getGenericParameterTypes()[index]);
                }
                case PROPERTY, CONTAINER_ELEMENT, BEAN -> type = appendProperty(param, node, type);
                default -> {
                    // CONSTRUCTOR, CROSS_PARAMETER, RETURN_VALUE: nothing a client wrote.
                }
            }
        }
        return param.isEmpty() ? null : param.toString();
    }

    /** Appends a node to the JSON path and returns the type of the value it leads to (null once unknown). */
    private JavaType appendProperty(StringBuilder param, Path.Node node, JavaType container) {
        JavaType type = container;
        if (node.isInIterable() && type != null && type.isContainerType()) {
            type = type.getContentType();
        }
        if (node.getIndex() != null) {
            param.append('[').append(node.getIndex()).append(']');
        } else if (node.getKey() != null) {
            appendName(param, String.valueOf(node.getKey()));
        }
        String name = node.getName();
        if (name == null || node.getKind() != ElementKind.PROPERTY) {
            return type;
        }
        if (type == null || !JAVA_IDENTIFIER.matcher(name).matches()) {
            // A path the channel rules wrote in JSON terms already ("charge.order_no"), or an unknown type.
            appendName(param, name);
            return null;
        }
        BeanDescription bean = mapper.getSerializationConfig().introspect(type);
        for (BeanPropertyDefinition property : bean.findProperties()) {
            if (property.getInternalName().equals(name)) {
                appendName(param, property.getName());
                return property.getPrimaryType();
            }
        }
        appendName(param, name);
        return null;
    }

    private static void appendName(StringBuilder param, String name) {
        if (!param.isEmpty()) {
            param.append('.');
        }
        param.append(name);
    }

    /** The method as declared where its JAX-RS annotations are: the generated interface. */
    private static Method resourceMethod(Class<?> resourceClass, Path.MethodNode node) {
        Class<?>[] parameterTypes = node.getParameterTypes().toArray(Class<?>[]::new);
        Deque<Class<?>> candidates = new ArrayDeque<>();
        candidates.add(resourceClass);
        while (!candidates.isEmpty()) {
            Class<?> candidate = candidates.removeFirst();
            try {
                Method method = candidate.getDeclaredMethod(node.getName(), parameterTypes);
                if (declaresResourceMethod(method)) {
                    return method;
                }
            } catch (NoSuchMethodException notHere) {
                // Look further up.
            }
            if (candidate.getSuperclass() != null) {
                candidates.add(candidate.getSuperclass());
            }
            candidates.addAll(List.of(candidate.getInterfaces()));
        }
        try {
            return resourceClass.getMethod(node.getName(), parameterTypes);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    /** Whether the method carries the JAX-RS annotations (an HTTP method designator such as {@code @POST}). */
    private static boolean declaresResourceMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            if (annotation.annotationType().isAnnotationPresent(HttpMethod.class)) {
                return true;
            }
        }
        return false;
    }

    private static String wireName(Method method, int index) {
        for (Annotation annotation : method.getParameterAnnotations()[index]) {
            String name = nameOf(annotation);
            if (name != null) {
                return name;
            }
        }
        return null;
    }

    private static String nameOf(Annotation annotation) {
        if (annotation instanceof QueryParam query) {
            return query.value();
        } else if (annotation instanceof PathParam path) {
            return path.value();
        } else if (annotation instanceof HeaderParam header) {
            return header.value();
        } else if (annotation instanceof FormParam form) {
            return form.value();
        } else if (annotation instanceof CookieParam cookie) {
            return cookie.value();
        } else if (annotation instanceof MatrixParam matrix) {
            return matrix.value();
        }
        return null;
    }

    private record Translated(String param, String message, boolean fromChannelRules) {
    }
}
