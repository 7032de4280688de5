package org.pingppopenapi.validator;

/**
 * The spec cannot be turned into a validator: a rule keyword or schema keyword the engine does not understand, a
 * rule path that names no property, an unknown channel group, a request kind missing on either side, and so on.
 * Thrown when the validator is created, never while validating, so that the spec and the engine cannot drift
 * apart silently.
 */
public final class InvalidSpecException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidSpecException(String message) {
        super(message);
    }

    public InvalidSpecException(String message, Throwable cause) {
        super(message, cause);
    }
}
