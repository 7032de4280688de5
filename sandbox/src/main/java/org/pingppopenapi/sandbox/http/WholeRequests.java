package org.pingppopenapi.sandbox.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.EmptyCompletionHandler;
import org.glassfish.grizzly.Grizzly;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.filterchain.TransportFilter;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.memory.Buffers;
import org.glassfish.grizzly.memory.MemoryManager;
import org.glassfish.grizzly.nio.NIOConnection;

/**
 * Hands the application only whole requests, one at a time per connection, and only while the client reads its
 * answers. Between Grizzly's HTTP codec and its HTTP server filter:
 * <ul>
 *   <li>A request whose body is still arriving is held here, its bytes copied, until its last byte: so nothing
 *       downstream ever waits for a body, and every request can be served on the selector thread that read it. The
 *       body is bounded ({@code maxBodyBytes}: 413 as soon as it is known to be larger) and so is the time it may take
 *       to arrive ({@code bodyTimeout}: 408). Either answer closes the connection, whose remaining bytes cannot be
 *       told from a next request. A client that asks {@code Expect: 100-continue} is told to continue here.</li>
 *   <li>A whole request waits while its connection still has an answer queued that the client has not read: it is
 *       served once that answer is written, and meanwhile nothing more is read from the connection. A client that
 *       pipelines requests and never reads costs the server one answer, not one per request. A connection whose
 *       answer is still unread after {@code bodyTimeout} is closed.</li>
 * </ul>
 * The common case, a request that arrived whole on a connection with nothing queued, passes straight through.
 */
final class WholeRequests extends BaseFilter {

    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final Attribute<Assembly> assemblies = Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(
            WholeRequests.class.getName() + ".assembly");
    private final long maxBodyBytes;
    private final Duration bodyTimeout;
    private final ScheduledExecutorService timers;

    WholeRequests(long maxBodyBytes, Duration bodyTimeout, ScheduledExecutorService timers) {
        this.maxBodyBytes = maxBodyBytes;
        this.bodyTimeout = bodyTimeout;
        this.timers = timers;
    }

    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        Object message = ctx.getMessage();
        if (!(message instanceof HttpContent content) || !(content.getHttpHeader() instanceof HttpRequestPacket request)) {
            return ctx.getInvokeAction();
        }
        Connection<?> connection = ctx.getConnection();
        Assembly assembly = assemblies.get(connection);
        if (HttpContent.isBroken(content)) {
            // The codec has answered 400 and closes the connection.
            if (assembly != null) {
                assembly.finish();
            }
            return ctx.getStopAction();
        }
        if (assembly == null) {
            if (content.isLast()) {
                if (content.getContent().hasRemaining()) {
                    ctx.setMessage(whole(request, copyOf(content.getContent())));
                }
                return whenWritable(ctx, connection);
            }
            assembly = new Assembly(request);
            assemblies.set(connection, assembly);
            if (request.getContentLength() > maxBodyBytes) {
                refuse(connection, assembly, 413, "The request body is larger than " + maxBodyBytes + " bytes.");
                return ctx.getStopAction();
            }
            Assembly started = assembly;
            assembly.timeout = timers.schedule(() -> refuse(connection, started, 408, "The request body did not arrive"
                    + " within " + bodyTimeout.toSeconds() + " seconds."), bodyTimeout.toMillis(), TimeUnit.MILLISECONDS);
            if (request.requiresAcknowledgement() && !content.getContent().hasRemaining()) {
                connection.write(Buffers.wrap(MemoryManager.DEFAULT_MEMORY_MANAGER, CONTINUE));
            }
        }
        if (!assembly.append(content.getContent(), maxBodyBytes)) {
            refuse(connection, assembly, 413, "The request body is larger than " + maxBodyBytes + " bytes.");
            return ctx.getStopAction();
        }
        if (!content.isLast()) {
            return ctx.getStopAction();
        }
        if (!assembly.finish()) {
            // Refused while its last bytes were on their way; the connection is closing.
            return ctx.getStopAction();
        }
        assemblies.remove(connection);
        ctx.setMessage(whole(assembly.request, Arrays.copyOf(assembly.bytes, assembly.length)));
        return whenWritable(ctx, connection);
    }

    /**
     * The request with its whole body, in an array of its own. Never the codec's read buffer: Grizzly releases a
     * request's body buffer when it recycles the request, while the next pipelined request is still being read from
     * the same memory (a POST, then two more requests on the connection, had the third read from overwritten bytes).
     */
    private static HttpContent whole(HttpRequestPacket request, byte[] body) {
        return HttpContent.builder(request).content(Buffers.wrap(MemoryManager.DEFAULT_MEMORY_MANAGER, body)).last(true).build();
    }

    private static byte[] copyOf(Buffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    @Override
    public NextAction handleClose(FilterChainContext ctx) throws IOException {
        Assembly abandoned = assemblies.remove(ctx.getConnection());
        if (abandoned != null) {
            abandoned.finish();
        }
        return ctx.getInvokeAction();
    }

    /**
     * Passes the request on when the connection has no unread answer queued; otherwise holds it (reading nothing more
     * from the connection) until the queue is written, and serves it then on a worker thread.
     */
    private NextAction whenWritable(FilterChainContext ctx, Connection<?> connection) {
        if (!connection.isOpen()) {
            // The client went away (or was refused): the requests it left behind are not worth answering.
            return ctx.getStopAction();
        }
        if (!(connection instanceof NIOConnection nio) || nio.getAsyncWriteQueue().spaceInBytes() == 0) {
            return ctx.getInvokeAction();
        }
        ctx.suspend();
        ScheduledFuture<?> stalled = timers.schedule(connection::closeSilently, bodyTimeout.toMillis(), TimeUnit.MILLISECONDS);
        Executor workers = connection.getTransport().getWorkerThreadPool();
        ctx.notifyDownstream(TransportFilter.createFlushEvent(new EmptyCompletionHandler<Object>() {
            @Override
            public void completed(Object result) {
                stalled.cancel(false);
                // The flush may complete on this very thread, before the suspension is handed back: resume elsewhere.
                (workers != null ? workers : timers).execute(() -> {
                    if (connection.isOpen()) {
                        ctx.resumeNext();
                    } else {
                        ctx.completeAndRecycle();
                    }
                });
            }

            @Override
            public void failed(Throwable cause) {
                stalled.cancel(false);
                connection.closeSilently();
            }
        }));
        return ctx.getSuspendAction();
    }

    /**
     * Answers the request with the error, once (the selector thread and the timer may both try), and closes the
     * connection when the answer is written. The assembly stays attached, finished, so that whatever more of the
     * request arrives meanwhile is dropped.
     */
    private static void refuse(Connection<?> connection, Assembly assembly, int status, String message) {
        if (!assembly.finish()) {
            return;
        }
        HttpErrors.answerAndClose(connection, status, message);
    }

    /** A request whose body is arriving: its bytes so far, and whether it was finished (completed or refused). */
    private static final class Assembly {

        final HttpRequestPacket request;
        byte[] bytes = new byte[1024];
        int length;
        ScheduledFuture<?> timeout;
        private boolean finished;

        Assembly(HttpRequestPacket request) {
            this.request = request;
        }

        /** Copies the buffer's bytes; false when the body would pass the limit. Ignored once finished. */
        synchronized boolean append(Buffer buffer, long maxBodyBytes) {
            if (finished) {
                return true;
            }
            int more = buffer.remaining();
            if (length + (long) more > maxBodyBytes) {
                return false;
            }
            if (length + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(length + more, bytes.length * 2));
            }
            buffer.get(bytes, length, more);
            length += more;
            return true;
        }

        /** Marks it finished; true for the one caller that did, so that the request is answered exactly once. */
        synchronized boolean finish() {
            if (finished) {
                return false;
            }
            finished = true;
            if (timeout != null) {
                timeout.cancel(false);
            }
            return true;
        }
    }
}
