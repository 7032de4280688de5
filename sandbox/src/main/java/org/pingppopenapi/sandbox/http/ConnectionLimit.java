package org.pingppopenapi.sandbox.http;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.Grizzly;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;

/**
 * At most {@code maxConnections} open connections. Each one may hold a request body up to the limit and an unread
 * answer, so their number bounds the memory the HTTP layer can be made to hold. A connection beyond the limit is
 * answered 429 in the Ping++ error shape and closed, without reading its request.
 */
final class ConnectionLimit extends BaseFilter {

    private final int maxConnections;
    private final AtomicInteger open = new AtomicInteger();
    private final Attribute<Boolean> counted = Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(
            ConnectionLimit.class.getName() + ".counted");

    ConnectionLimit(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    @Override
    public NextAction handleAccept(FilterChainContext ctx) throws IOException {
        Connection<?> connection = ctx.getConnection();
        if (open.incrementAndGet() > maxConnections) {
            open.decrementAndGet();
            HttpErrors.answerAndClose(connection, 429,
                    "The sandbox has " + maxConnections + " connections open, its limit; close idle ones or retry shortly.");
            return ctx.getStopAction();
        }
        counted.set(connection, Boolean.TRUE);
        return ctx.getInvokeAction();
    }

    @Override
    public NextAction handleClose(FilterChainContext ctx) throws IOException {
        if (counted.remove(ctx.getConnection()) != null) {
            open.decrementAndGet();
        }
        return ctx.getInvokeAction();
    }

    /** How many connections are open now. */
    int open() {
        return open.get();
    }
}
