package org.pingppopenapi.client;

/** The request was well-formed but failed, usually in the payment channel (HTTP 402, `channel_error` or `card_error`); {@link #code()} carries the channel's code. */
public final class ChannelException extends PingppException {

    public ChannelException(String message, ErrorResponse response, Throwable cause) {
        super(message, response, cause);
    }
}
