package org.pingppopenapi.toolingit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.pingppopenapi.sandbox.Sandbox;

/**
 * Hands test methods one sandbox, started on a free port for the whole test run and stopped after it. Each test
 * uses an API key of its own, so each sees a fresh account.
 */
final class SharedSandbox implements ParameterResolver {

    private record Running(Sandbox sandbox) implements AutoCloseable {

        @Override
        public void close() {
            sandbox.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Sandbox.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.create(SharedSandbox.class))
                .computeIfAbsent(Running.class, type -> new Running(Sandbox.builder().port(0).start()), Running.class)
                .sandbox();
    }
}
