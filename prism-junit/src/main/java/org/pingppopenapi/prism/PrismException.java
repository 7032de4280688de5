package org.pingppopenapi.prism;

/** Prism could not be started: tooling missing, bad spec, or the process died or hung before listening. */
public class PrismException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PrismException(String message) {
        super(message);
    }

    public PrismException(String message, Throwable cause) {
        super(message, cause);
    }
}
