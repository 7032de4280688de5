package org.pingppopenapi.validator;

/**
 * The request kinds of the seed operations, for the tests of the documents' rules about them. Tests over every kind
 * take {@link PingppValidator#kinds()} instead.
 */
final class Kinds {

    static final RequestKind CHARGE = RequestKind.named("charge");
    static final RequestKind CHARGE_REFUND = RequestKind.named("charge-refund");
    static final RequestKind RECHARGE = RequestKind.named("recharge");
    static final RequestKind ORDER = RequestKind.named("order");
    static final RequestKind ORDER_PAY = RequestKind.named("order-pay");
    static final RequestKind ORDER_CANCEL = RequestKind.named("order-cancel");
    static final RequestKind ORDER_REFUND = RequestKind.named("order-refund");
    static final RequestKind SUB_APP = RequestKind.named("sub-app");
    static final RequestKind SUB_APP_UPDATE = RequestKind.named("sub-app-update");
    static final RequestKind SUB_APP_CHANNEL = RequestKind.named("sub-app-channel");
    static final RequestKind SUB_APP_CHANNEL_UPDATE = RequestKind.named("sub-app-channel-update");

    private Kinds() {
    }
}
