package org.pingppopenapi.client.internal;

import feign.InvocationHandlerFactory;
import feign.Target;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.pingppopenapi.validator.PingppValidator;

/**
 * Feign's hook around every call of a generated API method: runs the {@link Preflight} (and their normalization of
 * the arguments) before Feign builds the request, and turns whatever the call throws into the client's exceptions
 * ({@link Failures}).
 */
public final class ApiCalls implements InvocationHandlerFactory {

    private final PingppValidator validator;
    private final Clock clock;
    private final String description;
    private final BooleanSupplier closed;

    /**
     * @param validator   the validator of request bodies, or null to send bodies unchecked
     * @param clock       the creation time of requests, for {@code time_expire} rules
     * @param description what {@code toString()} of the API objects says
     * @param closed      whether the client was closed, after which calls are refused
     */
    public ApiCalls(PingppValidator validator, Clock clock, String description, BooleanSupplier closed) {
        this.validator = validator;
        this.clock = clock;
        this.description = description;
        this.closed = closed;
    }

    @Override
    public InvocationHandler create(Target target, Map<Method, MethodHandler> dispatch) {
        Map<Method, Call> calls = new HashMap<>();
        dispatch.forEach((method, handler) -> calls.put(method, new Call(handler, Preflight.of(method, validator, clock))));
        String name = target.type().getSimpleName() + " of " + description;
        return (proxy, method, args) -> {
            Call call = calls.get(method);
            if (call == null) {
                return objectMethod(proxy, method, args, name);
            }
            if (closed.getAsBoolean()) {
                throw new IllegalStateException(description + " is closed");
            }
            Object[] arguments = args != null ? args : new Object[0];
            call.checks.verify(arguments);
            try {
                return call.handler.invoke(call.checks.normalize(arguments));
            } catch (Throwable thrown) {
                throw Failures.translate(thrown);
            }
        };
    }

    private static Object objectMethod(Object proxy, Method method, Object[] args, String name) {
        return switch (method.getName()) {
            case "equals" -> args != null && args.length == 1 && proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            case "toString" -> name;
            default -> throw new UnsupportedOperationException(method.toString());
        };
    }

    private record Call(MethodHandler handler, Preflight checks) {
    }
}
