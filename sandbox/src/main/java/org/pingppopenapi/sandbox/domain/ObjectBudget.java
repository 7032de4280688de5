package org.pingppopenapi.sandbox.domain;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many objects one account may still make. Every request that makes objects (a {@code POST} of the API; a
 * platform app named for the first time) claims one unit first and is refused with 402 {@code account_object_limit}
 * when none is left; a request that fails gives its unit back. A {@code POST} makes one object or a few (a charge and
 * its event, an order refund and its charge refunds), and a charge is paid once, so the account's memory is bounded
 * by a small multiple of the limit.
 */
public final class ObjectBudget {

    static final String LIMIT_REACHED = "account_object_limit";

    private final int limit;
    private final AtomicInteger used = new AtomicInteger();

    public ObjectBudget(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("An account must be allowed at least 1 object, not " + limit);
        }
        this.limit = limit;
    }

    /** The most objects the account may make. */
    public int limit() {
        return limit;
    }

    /** Takes one unit; 402 when the account has made {@link #limit()} objects. */
    public void claim() {
        int count;
        do {
            count = used.get();
            if (count >= limit) {
                throw Errors.refused(LIMIT_REACHED, null, "This account of the sandbox holds " + limit + " objects, its"
                        + " limit. Start over with POST /sandbox/reset, or use another sk_test_ key.");
            }
        } while (!used.compareAndSet(count, count + 1));
    }

    /** Gives back a unit claimed by a request that made nothing. */
    public void release() {
        used.updateAndGet(count -> Math.max(0, count - 1));
    }

    /** How many units are taken. */
    public int used() {
        return used.get();
    }
}
