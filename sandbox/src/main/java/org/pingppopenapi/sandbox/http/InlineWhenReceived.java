package org.pingppopenapi.sandbox.http;

import java.util.Objects;
import java.util.concurrent.Executor;
import org.glassfish.grizzly.http.io.InputBuffer;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.RequestExecutorProvider;
import org.glassfish.grizzly.http.server.Response;

/**
 * Serves a request on the selector thread that read it when the whole request has arrived, and hands it to the
 * worker pool only while its body is still arriving.
 *
 * <p>Grizzly hands every request to a worker by default, so that a handler reading a body that is not there yet
 * blocks a worker rather than a selector. Sandbox requests are a few hundred bytes and mostly arrive whole; for them
 * the hand-off (a queue, two thread switches and a selector wake-up per request) cost as much as the rest of
 * creating a charge. A whole request never blocks on reading, and the sandbox never blocks on writing either: it
 * lets a connection's write queue grow rather than wait for a client that does not read
 * ({@code NetworkListener#setMaxPendingBytes(-1)}, set together with this handler), so a selector thread never
 * waits for a client.
 */
public final class InlineWhenReceived extends HttpHandler {

    private final HttpHandler delegate;
    private final RequestExecutorProvider workers = new RequestExecutorProvider.WorkerThreadProvider();
    private final RequestExecutorProvider inlineWhenReceived = this::executorFor;

    public InlineWhenReceived(HttpHandler delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** None (the calling thread) for a request received whole; the worker pool's otherwise. */
    private Executor executorFor(Request request) {
        InputBuffer body = request.getInputBuffer();
        boolean whole = body.isFinished() || body.readyData() >= request.getContentLengthLong();
        return whole ? null : workers.getExecutor(request);
    }

    @Override
    public RequestExecutorProvider getRequestExecutorProvider() {
        return inlineWhenReceived;
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        delegate.service(request, response);
    }

    @Override
    public void start() {
        delegate.start();
    }

    @Override
    public void destroy() {
        delegate.destroy();
    }
}
