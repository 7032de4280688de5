package org.pingppopenapi.client;

/**
 * No answer was received from Ping++: the connection failed, was dropped, or timed out, after any retries the
 * client was allowed to make.
 *
 * <p>{@link #mayHaveReachedServer()} matters for payments: when it is true (a POST or PUT was at least partly sent),
 * the operation may have happened. The client never resends such a request; find out, for example by listing
 * charges and looking for the {@code order_no}, before trying again.
 */
public final class ApiConnectionException extends PingppException {

    private final boolean mayHaveReachedServer;

    public ApiConnectionException(String message, boolean mayHaveReachedServer, Throwable cause) {
        super(message, null, cause);
        this.mayHaveReachedServer = mayHaveReachedServer;
    }

    /** False when the failure happened before any byte of the request was written (e.g. connection refused). */
    public boolean mayHaveReachedServer() {
        return mayHaveReachedServer;
    }
}
