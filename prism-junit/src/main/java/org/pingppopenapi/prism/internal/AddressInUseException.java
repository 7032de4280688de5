package org.pingppopenapi.prism.internal;

/** Prism could not bind its port: something took it between our free-port check and Prism's listen. */
final class AddressInUseException extends Exception {

    private static final long serialVersionUID = 1L;

    AddressInUseException(int port) {
        super("port " + port + " is already in use", null, false, false);
    }
}
