package org.pingppopenapi.sandbox.http;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.glassfish.grizzly.asyncqueue.AsyncQueueWriter;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;

/**
 * The sandbox's HTTP layer on a Grizzly listener: what a slow, hostile or broken client can make it hold is bounded,
 * no thread ever waits for a client, and every refusal is a 4xx in the Ping++ error shape.
 * <ul>
 *   <li>{@link ConnectionLimit}: at most {@code maxConnections} open connections;</li>
 *   <li>{@link PingppHttpCodec}: Grizzly's codec with the Ping++ error body on every request it cannot read, and
 *       chunk extensions accepted; request heads up to {@code maxHeadBytes};</li>
 *   <li>{@link WholeRequests}: requests handed on only whole (bodies up to {@code maxBodyBytes}, arriving within
 *       {@code bodyTimeout}) and only while the client reads its answers, one answer queued per connection at
 *       most.</li>
 * </ul>
 * With these, every request can be served on the selector thread that read it ({@link ServedInline}): reading its
 * body never waits, and writing its answer never blocks, because the write queue is left unbounded for the one answer
 * it holds ({@code setMaxPendingBytes(-1)}) while {@link WholeRequests} keeps a second one from being made.
 */
public final class BoundedHttp implements AddOn, AutoCloseable {

    private final int maxHeadBytes;
    private final long maxBodyBytes;
    private final Duration bodyTimeout;
    private final ConnectionLimit connections;
    private final ScheduledThreadPoolExecutor timers;

    public BoundedHttp(int maxHeadBytes, long maxBodyBytes, Duration bodyTimeout, int maxConnections) {
        this.maxHeadBytes = maxHeadBytes;
        this.maxBodyBytes = maxBodyBytes;
        this.bodyTimeout = Objects.requireNonNull(bodyTimeout, "bodyTimeout");
        this.connections = new ConnectionLimit(maxConnections);
        this.timers = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "pingpp-sandbox-http-timeouts");
            thread.setDaemon(true);
            return thread;
        });
        timers.setRemoveOnCancelPolicy(true);
    }

    /** Installs the limits on the listener, before it starts. */
    public void install(NetworkListener listener) {
        listener.setMaxHttpHeaderSize(maxHeadBytes);
        listener.setMaxPendingBytes(AsyncQueueWriter.UNLIMITED_SIZE);
        listener.registerAddOn(this);
    }

    @Override
    public void setup(NetworkListener listener, FilterChainBuilder builder) {
        int codec = builder.indexOfType(HttpServerFilter.class);
        builder.set(codec, PingppHttpCodec.replacing((HttpServerFilter) builder.get(codec), maxHeadBytes,
                listener.getKeepAlive(), listener.getMaxRequestHeaders(), listener.getMaxResponseHeaders()));
        int server = builder.indexOfType(org.glassfish.grizzly.http.server.HttpServerFilter.class);
        builder.add(server, new WholeRequests(maxBodyBytes, bodyTimeout, timers));
        builder.add(1, connections);
    }

    /** How many connections are open now. */
    public int openConnections() {
        return connections.open();
    }

    @Override
    public void close() {
        timers.shutdownNow();
    }
}
