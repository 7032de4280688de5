package org.pingppopenapi.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test implementation of every generated interface ({@link SpecExamples#apiInterfaces()}), with no code per
 * operation: each method answers the first 200 example of its operation (the method is named by its operationId)
 * and records the arguments it was called with, so a test can check what reached the server.
 */
final class ExampleBackedResources {

    private final Map<String, List<Object>> invocations = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final ObjectMapper mapper = PingppJson.newObjectMapper();
    private final SpecExamples spec = SpecExamples.get();

    /** One instance of each generated interface, to register with the application. */
    List<Object> all() {
        return spec.apiInterfaces().stream().map(this::implement).toList();
    }

    /** The arguments of the last call of the operation, or null when it was not called. */
    List<Object> lastArguments(String operationId) {
        return invocations.get(operationId);
    }

    /** How often the operation was called. */
    int callCount(String operationId) {
        AtomicInteger count = calls.get(operationId);
        return count == null ? 0 : count.get();
    }

    /** The request body the operation last received, as JSON. */
    String lastBodyAsJson(String operationId, int argumentIndex) throws JsonProcessingException {
        return mapper.writeValueAsString(lastArguments(operationId).get(argumentIndex));
    }

    private Object implement(Class<?> api) {
        InvocationHandler handler = (proxy, method, arguments) -> {
            if (method.getDeclaringClass() == Object.class) {
                return objectMethod(proxy, api, method, arguments);
            }
            return answer(method.getName(), method.getReturnType(), arguments == null ? new Object[0] : arguments);
        };
        return Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api}, handler);
    }

    private static Object objectMethod(Object proxy, Class<?> api, Method method, Object[] arguments) {
        return switch (method.getName()) {
            case "equals" -> proxy == arguments[0];
            case "hashCode" -> System.identityHashCode(proxy);
            case "toString" -> "example-backed " + api.getSimpleName();
            default -> throw new UnsupportedOperationException(method.toString());
        };
    }

    private Object answer(String operationId, Class<?> type, Object[] arguments) {
        invocations.put(operationId, Arrays.asList(arguments));
        calls.computeIfAbsent(operationId, id -> new AtomicInteger()).incrementAndGet();
        return mapper.convertValue(spec.responseExample(operationId), type);
    }
}
