package org.pingppopenapi.validator;

import java.util.Optional;

/**
 * The request bodies the validator checks, one per request schema of the spec that carries
 * {@code x-pingpp-request-kind}. The names are those of the command line.
 *
 * <p>The spec decides which schema each kind stands for; the validator refuses to start when the spec and this
 * list name different kinds.
 */
public enum RequestKind {
    CHARGE("charge"),
    CHARGE_REFUND("charge-refund"),
    RECHARGE("recharge"),
    ORDER("order"),
    ORDER_PAY("order-pay"),
    ORDER_CANCEL("order-cancel"),
    ORDER_REFUND("order-refund"),
    SUB_APP("sub-app"),
    SUB_APP_UPDATE("sub-app-update"),
    SUB_APP_CHANNEL("sub-app-channel"),
    SUB_APP_CHANNEL_UPDATE("sub-app-channel-update");

    private final String cliName;

    RequestKind(String cliName) {
        this.cliName = cliName;
    }

    /** The name used by the command line and by {@code x-pingpp-request-kind} in the spec, such as {@code order-pay}. */
    public String cliName() {
        return cliName;
    }

    /** The kind with this command line name, if there is one. */
    public static Optional<RequestKind> fromCliName(String name) {
        for (RequestKind kind : values()) {
            if (kind.cliName.equals(name)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
