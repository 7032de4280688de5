package org.pingppopenapi.prism;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.pingppopenapi.prism.internal.PrismLogExcerpt;
import org.pingppopenapi.prism.internal.RepositoryRoot;

/**
 * The extension behind {@link WithPrism}. Servers live in the root context's store, keyed by spec and options, so
 * each is started once per test run and stopped when the run ends.
 */
public final class PrismExtension implements BeforeAllCallback, ParameterResolver, TestExecutionExceptionHandler {

    private static final int FAILURE_LOG_LINES = 50;
    private static final Namespace NAMESPACE = Namespace.create(PrismExtension.class);

    private record ServerKey(Path spec, PrismOptions options) {

        static ServerKey of(WithPrism configuration) {
            PrismOptions options = PrismOptions.defaults()
                    .withErrors(configuration.errors())
                    .withDynamic(configuration.dynamic())
                    .withExtraArgs(configuration.extraArgs())
                    .withStartupTimeout(Duration.ofSeconds(configuration.startupTimeoutSeconds()));
            return new ServerKey(RepositoryRoot.locate().resolve(configuration.spec()).normalize(), options);
        }

        PrismServer start() {
            return PrismServer.startMock(spec, options);
        }
    }

    /** Starts the server before the first test, so a broken spec fails the class once, not every test. */
    @Override
    public void beforeAll(ExtensionContext context) {
        server(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == PrismServer.class;
    }

    @Override
    public PrismServer resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return server(extensionContext);
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        ServerKey key = ServerKey.of(configuration(context));
        PrismServer server = context.getRoot().getStore(NAMESPACE).get(key, PrismServer.class);
        if (server != null) {
            throwable.addSuppressed(new PrismLogExcerpt(
                    server.toString(), server.logFile(), tail(server, FAILURE_LOG_LINES)));
        }
        throw throwable;
    }

    private static List<String> tail(PrismServer server, int count) {
        List<String> lines = server.recentLog();
        return lines.subList(Math.max(0, lines.size() - count), lines.size());
    }

    private static PrismServer server(ExtensionContext context) {
        ServerKey key = ServerKey.of(configuration(context));
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(key, ServerKey::start, PrismServer.class);
    }

    /** The nearest {@link WithPrism}, looking through enclosing classes for {@code @Nested} tests. */
    private static WithPrism configuration(ExtensionContext context) {
        for (Optional<ExtensionContext> current = Optional.of(context); current.isPresent();
                current = current.get().getParent()) {
            Optional<WithPrism> annotation = current.get().getTestClass()
                    .map(testClass -> testClass.getAnnotation(WithPrism.class));
            if (annotation.isPresent()) {
                return annotation.get();
            }
        }
        throw new IllegalStateException("PrismExtension needs @WithPrism on the test class or an enclosing class");
    }
}
