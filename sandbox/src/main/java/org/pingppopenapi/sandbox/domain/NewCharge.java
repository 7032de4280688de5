package org.pingppopenapi.sandbox.domain;

import java.util.Map;

/** The fields of a charge about to be created, whichever request asked for it (a charge, an order payment, a recharge). */
record NewCharge(AppRecord app, String channel, String orderNo, long amount, String currency, String clientIp,
        String subject, String body, Map<String, Object> extra, long timeExpire, Map<String, String> metadata,
        String description) {
}
